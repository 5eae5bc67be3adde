package index

import (
	"context"
	"fmt"

	"github.com/polywire/polywire/pipeline"
)

// Stage indexes one story and returns it unchanged. It blocks until the
// batch holding the story has been written, ctx is done or the Indexer is
// closed. A stale version is not an error (the index keeps the newer one);
// a canceled story is removed from the index and still passed on, so that
// subscribers learn of the kill.
//
// Errors: a nil story or one without id, and stories the backend rejects
// as invalid, are permanent; everything else (backend down, timeout, ctx
// done, ErrClosed) is retryable. When ctx ends first the story may still be
// written; redelivery is harmless because writes are idempotent by version.
func (x *Indexer) Stage(ctx context.Context, s *pipeline.Story) ([]*pipeline.Story, error) {
	if s == nil || s.ID == "" {
		return nil, pipeline.Permanentf("index: story without id")
	}
	r := request{story: s, result: make(chan error, 1)}
	select {
	case x.reqs <- r:
	case <-ctx.Done():
		return nil, fmt.Errorf("index: queueing story %s: %w", s.ID, ctx.Err())
	case <-x.quit:
		return nil, fmt.Errorf("index: queueing story %s: %w", s.ID, ErrClosed)
	}
	select {
	case err := <-r.result:
		if err != nil {
			return nil, err
		}
		return []*pipeline.Story{s}, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("index: waiting for story %s: %w", s.ID, ctx.Err())
	}
}
