package bleve

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search/internal/doc"
)

// Upsert writes stories in one Bleve batch. A story older than the indexed
// version (or tombstone) is skipped; a canceled story replaces the document
// with a tombstone that keeps its version, so a late older version cannot
// resurrect it. Within one call the highest version of an id wins (on a tie
// the later one). A nil story or one without id fails the whole call with a
// permanent error.
func (x *Index) Upsert(ctx context.Context, stories []*pipeline.Story) error {
	latest, err := doc.Latest(stories)
	if err != nil {
		return fmt.Errorf("bleve: upserting: %w", err)
	}
	if len(latest) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("bleve: upserting %d stories: %w", len(latest), err)
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	current, err := x.versions(ctx, latest)
	if err != nil {
		return err
	}
	b := x.idx.NewBatch()
	for _, s := range latest {
		if v, ok := current[s.ID]; doc.Stale(s, v, ok) {
			continue
		}
		if err := addToBatch(b, s); err != nil {
			return err
		}
	}
	if err := x.idx.Batch(b); err != nil {
		return fmt.Errorf("bleve: writing batch of %d stories: %w", b.Size(), err)
	}
	return nil
}

func addToBatch(b *bleve.Batch, s *pipeline.Story) error {
	if s.PubStatus == pipeline.PubStatusCanceled {
		return wrapIndexErr(s.ID, b.Index(s.ID, tombstone(s)))
	}
	d, err := document(s)
	if err != nil {
		return pipeline.Permanent(err)
	}
	return wrapIndexErr(s.ID, b.Index(s.ID, d))
}

func wrapIndexErr(id string, err error) error {
	if err != nil {
		return fmt.Errorf("bleve: indexing story %s: %w", id, err)
	}
	return nil
}

// versions returns the indexed version of each id that has a document or a
// tombstone.
func (x *Index) versions(ctx context.Context, stories []*pipeline.Story) (map[string]int, error) {
	ids := doc.IDs(stories)
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{doc.FieldVersion}
	res, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("bleve: reading versions of %d stories: %w", len(ids), err)
	}
	out := make(map[string]int, len(res.Hits))
	for _, h := range res.Hits {
		if v, ok := h.Fields[doc.FieldVersion].(float64); ok {
			out[h.ID] = int(v)
		}
	}
	return out, nil
}
