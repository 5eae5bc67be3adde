package meili

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/meilisearch/meilisearch-go"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/search/internal/doc"
)

// writeBatch is the number of documents per add-documents task.
const writeBatch = 500

// Upsert writes the stories and waits for Meilisearch to apply them. Stale
// stories (older than the indexed version or tombstone) are dropped; a
// canceled story becomes a tombstone. See the package doc for the
// cross-process race.
func (x *Index) Upsert(ctx context.Context, stories []*pipeline.Story) error {
	latest, err := doc.Latest(stories)
	if err != nil {
		return fmt.Errorf("meili: upserting: %w", err)
	}
	if len(latest) == 0 {
		return nil
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	current, err := x.versions(ctx, doc.IDs(latest))
	if err != nil {
		return err
	}
	docs, err := x.documents(latest, current)
	if err != nil || len(docs) == 0 {
		return err
	}
	return x.add(ctx, docs)
}

func (x *Index) documents(stories []*pipeline.Story, current map[string]int) ([]map[string]any, error) {
	var docs []map[string]any
	for _, s := range stories {
		v, ok := current[s.ID]
		if doc.Stale(s, v, ok) {
			x.log.Debug("stale story dropped", "story_id", s.ID, "version", s.Version, "indexed_version", v)
			continue
		}
		if s.PubStatus == pipeline.PubStatusCanceled {
			docs = append(docs, tombstone(s))
			continue
		}
		d, err := document(s)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func (x *Index) add(ctx context.Context, docs []map[string]any) error {
	pk := fieldID
	tasks, err := x.idx.AddDocumentsInBatches(ctx, docs, writeBatch, &meilisearch.DocumentOptions{PrimaryKey: &pk})
	if err != nil {
		return fmt.Errorf("meili: adding %d documents: %w", len(docs), classify(err))
	}
	for i := range tasks {
		if err := x.wait(ctx, &tasks[i], fmt.Sprintf("adding %d documents", len(docs))); err != nil {
			return err
		}
	}
	return nil
}

// versions returns the indexed version of each id that has a document or a
// tombstone.
func (x *Index) versions(ctx context.Context, ids []string) (map[string]int, error) {
	var res meilisearch.DocumentsResult
	q := &meilisearch.DocumentsQuery{Ids: ids, Fields: []string{fieldID, doc.FieldVersion}, Limit: int64(len(ids))}
	if err := x.idx.GetDocuments(ctx, q, &res); err != nil {
		return nil, fmt.Errorf("meili: reading versions of %d stories: %w", len(ids), classify(err))
	}
	var rows []struct {
		ID      string `json:"id"`
		Version int    `json:"version"`
	}
	if err := res.Results.DecodeInto(&rows); err != nil {
		return nil, fmt.Errorf("meili: decoding versions: %w", err)
	}
	out := make(map[string]int, len(rows))
	for _, r := range rows {
		out[r.ID] = r.Version
	}
	return out, nil
}

// Get returns the story, or search.ErrNotFound for an unknown, deleted or
// canceled one.
func (x *Index) Get(ctx context.Context, id string) (*pipeline.Story, error) {
	var row struct {
		Story string `json:"story"`
	}
	err := x.idx.GetDocument(ctx, id, &meilisearch.DocumentQuery{Fields: []string{doc.FieldStory}}, &row)
	var me *meilisearch.Error
	switch {
	case errors.As(err, &me) && me.APIError.Code == "document_not_found":
		return nil, search.ErrNotFound
	case err != nil:
		return nil, fmt.Errorf("meili: getting story %s: %w", id, err)
	case row.Story == "":
		return nil, search.ErrNotFound // a tombstone
	}
	return decodeStory(id, row.Story)
}

func decodeStory(id, raw string) (*pipeline.Story, error) {
	var s pipeline.Story
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return nil, fmt.Errorf("meili: decoding stored story %s: %w", id, err)
	}
	return &s, nil
}

// Delete removes a story or its tombstone; an unknown id is no error.
func (x *Index) Delete(ctx context.Context, id string) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	ti, err := x.idx.DeleteDocument(ctx, id, nil)
	if err != nil {
		return fmt.Errorf("meili: deleting story %s: %w", id, classify(err))
	}
	return x.wait(ctx, ti, "deleting story "+id)
}
