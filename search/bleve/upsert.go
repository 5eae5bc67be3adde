package bleve

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"github.com/polywire/polywire/pipeline"
)

// Upsert writes stories in one Bleve batch. A story older than the indexed
// version (or tombstone) is skipped; a canceled story replaces the document
// with a tombstone that keeps its version, so a late older version cannot
// resurrect it. Within one call the highest version of an id wins (on a tie
// the later one). A nil story or one without id fails the whole call with a
// permanent error.
func (x *Index) Upsert(ctx context.Context, stories []*pipeline.Story) error {
	latest, err := latestByID(stories)
	if err != nil || len(latest) == 0 {
		return err
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
		if v, ok := current[s.ID]; ok && s.Version < v {
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

// latestByID keeps, per id, the story with the highest version, in first-seen
// order.
func latestByID(stories []*pipeline.Story) ([]*pipeline.Story, error) {
	pos := map[string]int{}
	var out []*pipeline.Story
	for i, s := range stories {
		if s == nil || s.ID == "" {
			return nil, pipeline.Permanentf("bleve: story %d of %d: %w: no id", i+1, len(stories), errInvalid)
		}
		j, seen := pos[s.ID]
		switch {
		case !seen:
			pos[s.ID] = len(out)
			out = append(out, s)
		case s.Version >= out[j].Version:
			out[j] = s
		}
	}
	return out, nil
}

// versions returns the indexed version of each id that has a document or a
// tombstone.
func (x *Index) versions(ctx context.Context, stories []*pipeline.Story) (map[string]int, error) {
	ids := make([]string, len(stories))
	for i, s := range stories {
		ids[i] = s.ID
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{fieldVersion}
	res, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("bleve: reading versions of %d stories: %w", len(ids), err)
	}
	out := make(map[string]int, len(res.Hits))
	for _, h := range res.Hits {
		if v, ok := h.Fields[fieldVersion].(float64); ok {
			out[h.ID] = int(v)
		}
	}
	return out, nil
}
