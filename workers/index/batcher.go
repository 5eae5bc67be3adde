package index

import (
	"context"
	"fmt"
	"time"

	"github.com/polywire/polywire/pipeline"
)

// loop collects requests into batches: a batch starts with the first
// request and is written when it holds BatchSize stories, when no request
// arrived for Linger, when FlushInterval has passed since it started, or on
// Close. Callers that arrive while a batch is being written wait on the
// unbuffered channel and are collected right after it, so under load batches
// fill without any idle wait.
func (x *Indexer) loop() {
	defer close(x.done)
	for {
		var first request
		select {
		case first = <-x.reqs:
		case <-x.quit:
			return
		}
		x.queued()
		batch, closing := x.collect(first)
		x.flush(batch)
		if closing {
			return
		}
	}
}

func (x *Indexer) collect(first request) (batch []request, closing bool) {
	batch = []request{first}
	deadline := time.NewTimer(x.o.FlushInterval)
	defer deadline.Stop()
	idle := time.NewTimer(x.o.Linger)
	defer idle.Stop()
	for len(batch) < x.o.BatchSize {
		select {
		case r := <-x.reqs:
			x.queued()
			batch = append(batch, r)
			idle.Reset(x.o.Linger)
		case <-idle.C:
			return batch, false
		case <-deadline.C:
			return batch, false
		case <-x.quit:
			return batch, true
		}
	}
	return batch, false
}

func (x *Indexer) queued() {
	if x.onQueued != nil {
		x.onQueued()
	}
}

// flush writes a batch and answers every request. When the backend rejects
// the batch with a permanent error, the stories are retried one by one so
// that only the rejected ones fail; a retryable error fails the whole batch
// (writing one by one would not help a backend that is down).
func (x *Indexer) flush(batch []request) {
	err := x.upsert(batch)
	if err != nil && pipeline.IsPermanent(err) && len(batch) > 1 {
		x.log.Warn("batch rejected, retrying stories one by one", "stories", len(batch), "error", err)
		for _, r := range batch {
			x.answer([]request{r}, x.upsert([]request{r}))
		}
		return
	}
	x.answer(batch, err)
}

func (x *Indexer) upsert(batch []request) error {
	ctx, cancel := context.WithTimeout(context.Background(), x.o.WriteTimeout)
	defer cancel()
	stories := make([]*pipeline.Story, len(batch))
	for i, r := range batch {
		stories[i] = r.story
	}
	if err := x.idx.Upsert(ctx, stories); err != nil {
		if len(batch) == 1 {
			return fmt.Errorf("index: upserting story %s: %w", batch[0].story.ID, err)
		}
		return fmt.Errorf("index: upserting batch of %d stories: %w", len(batch), err)
	}
	x.log.Debug("batch indexed", "stories", len(batch))
	return nil
}

func (x *Indexer) answer(batch []request, err error) {
	for _, r := range batch {
		if err != nil {
			x.log.Warn("indexing failed", "story_id", r.story.ID, "source", r.story.Source, "error", err)
		}
		r.result <- err
	}
}
