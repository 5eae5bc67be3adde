package index

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/search/bleve"
	"github.com/polywire/polywire/search/searchtest"
)

// recording wraps a real index, records the size of every Upsert and can
// make the backend refuse stories (refuse returns the error for a story, or
// nil to let it through).
type recording struct {
	search.Index
	mu      sync.Mutex
	batches []int
	refuse  func(*pipeline.Story) error
}

func (r *recording) Upsert(ctx context.Context, stories []*pipeline.Story) error {
	r.mu.Lock()
	r.batches = append(r.batches, len(stories))
	refuse := r.refuse
	r.mu.Unlock()
	for _, s := range stories {
		if refuse != nil {
			if err := refuse(s); err != nil {
				return err
			}
		}
	}
	return r.Index.Upsert(ctx, stories)
}

func (r *recording) sizes() []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]int(nil), r.batches...)
}

func newIndex(t *testing.T) *recording {
	t.Helper()
	idx, err := bleve.Open("")
	if err != nil {
		t.Fatalf("bleve.Open: %v", err)
	}
	t.Cleanup(func() { _ = idx.Close() })
	return &recording{Index: idx}
}

func newIndexer(t *testing.T, idx search.Index, o Options) *Indexer {
	t.Helper()
	x := New(idx, o)
	t.Cleanup(func() { _ = x.Close() })
	return x
}

// story returns a distinct small story.
func story(i int) *pipeline.Story {
	return searchtest.NewStory(fmt.Sprintf("story%04d", i), "en", "wire", fmt.Sprintf("Headline %d", i), "Body.", time.Date(2024, 1, 1, 0, i, 0, 0, time.UTC))
}

// stageAll runs Stage for every story concurrently and returns the errors
// in order.
func stageAll(x *Indexer, stories []*pipeline.Story) []error {
	errs := make([]error, len(stories))
	var wg sync.WaitGroup
	for i, s := range stories {
		wg.Go(func() {
			out, err := x.Stage(context.Background(), s)
			if err == nil && (len(out) != 1 || out[0] != s) {
				err = fmt.Errorf("outputs = %v, want the input story", out)
			}
			errs[i] = err
		})
	}
	wg.Wait()
	return errs
}

func TestStageIndexesAndPassesStoryOn(t *testing.T) {
	idx := newIndex(t)
	x := newIndexer(t, idx, Options{FlushInterval: time.Millisecond})
	seed := searchtest.Seed()
	out, err := x.Stage(context.Background(), seed)
	if err != nil {
		t.Fatalf("Stage: %v", err)
	}
	if len(out) != 1 || out[0] != seed {
		t.Fatalf("Stage outputs = %v, want the seed story unchanged", out)
	}
	got, err := idx.Get(context.Background(), seed.ID)
	if err != nil || got.Headline != seed.Headline {
		t.Fatalf("Get = %v, %v; want the seed story", got, err)
	}
}

func TestConcurrentCallsShareOneBatch(t *testing.T) {
	idx := newIndex(t)
	// The intervals never fire: only a full batch is written.
	x := newIndexer(t, idx, Options{BatchSize: 10, FlushInterval: time.Hour, Linger: time.Hour})
	stories := make([]*pipeline.Story, 10)
	for i := range stories {
		stories[i] = story(i)
	}
	for i, err := range stageAll(x, stories) {
		if err != nil {
			t.Errorf("story %d: %v", i, err)
		}
	}
	if got := idx.sizes(); len(got) != 1 || got[0] != 10 {
		t.Errorf("Upsert batch sizes = %v, want [10]", got)
	}
	res, err := idx.Search(context.Background(), search.Query{})
	if err != nil || res.Total != 10 {
		t.Errorf("Search total = %v (%v), want 10", res, err)
	}
}

func TestBatchesNeverExceedBatchSize(t *testing.T) {
	idx := newIndex(t)
	x := newIndexer(t, idx, Options{BatchSize: 4, FlushInterval: 5 * time.Millisecond})
	stories := make([]*pipeline.Story, 25)
	for i := range stories {
		stories[i] = story(i)
	}
	for i, err := range stageAll(x, stories) {
		if err != nil {
			t.Errorf("story %d: %v", i, err)
		}
	}
	total := 0
	for _, n := range idx.sizes() {
		if n > 4 {
			t.Errorf("batch of %d stories, want at most 4", n)
		}
		total += n
	}
	if total != 25 {
		t.Errorf("stories upserted = %d, want 25", total)
	}
}

func TestRefusalFailsOnlyTheRefusedStory(t *testing.T) {
	tests := []struct {
		name          string
		err           error
		wantPermanent bool
		wantGoodOK    bool
	}{
		{"permanent refusal isolates the story", pipeline.Permanentf("invalid_document_fields"), true, true},
		{"retryable failure fails the batch", errors.New("connection refused"), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			idx := newIndex(t)
			idx.refuse = func(s *pipeline.Story) error {
				if s.Headline == "POISON" {
					return tt.err
				}
				return nil
			}
			x := newIndexer(t, idx, Options{BatchSize: 3, FlushInterval: time.Hour, Linger: time.Hour})
			bad := story(99)
			bad.Headline = "POISON"
			errs := stageAll(x, []*pipeline.Story{story(1), bad, story(2)})
			if errs[1] == nil || pipeline.IsPermanent(errs[1]) != tt.wantPermanent {
				t.Errorf("refused story error = %v, want permanent=%v", errs[1], tt.wantPermanent)
			}
			for _, i := range []int{0, 2} {
				if (errs[i] == nil) != tt.wantGoodOK {
					t.Errorf("good story %d error = %v, want success=%v", i, errs[i], tt.wantGoodOK)
				}
			}
		})
	}
}

func TestStageRejectsStoryWithoutID(t *testing.T) {
	x := newIndexer(t, newIndex(t), Options{})
	for _, s := range []*pipeline.Story{nil, {Headline: "no id"}} {
		if _, err := x.Stage(context.Background(), s); !pipeline.IsPermanent(err) {
			t.Errorf("Stage(%v) error = %v, want permanent", s, err)
		}
	}
}

func TestStageHonoursContext(t *testing.T) {
	x := newIndexer(t, newIndex(t), Options{FlushInterval: time.Hour, Linger: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	x.onQueued = cancel // the batch cannot be written before ctx ends
	_, err := x.Stage(ctx, story(1))
	if !errors.Is(err, context.Canceled) || pipeline.IsPermanent(err) {
		t.Errorf("Stage error = %v, want retryable context.Canceled", err)
	}
}

func TestCloseFlushesPendingStories(t *testing.T) {
	idx := newIndex(t)
	x := New(idx, Options{FlushInterval: time.Hour, Linger: time.Hour})
	queued := make(chan struct{})
	x.onQueued = func() { close(queued) }
	errc := make(chan error, 1)
	go func() {
		_, err := x.Stage(context.Background(), story(1))
		errc <- err
	}()
	<-queued
	if err := x.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := <-errc; err != nil {
		t.Errorf("Stage: %v", err)
	}
	if _, err := idx.Get(context.Background(), story(1).ID); err != nil {
		t.Errorf("Get after Close: %v", err)
	}
	if _, err := x.Stage(context.Background(), story(2)); !errors.Is(err, ErrClosed) {
		t.Errorf("Stage after Close = %v, want ErrClosed", err)
	}
	if err := x.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestVersionsAndKills(t *testing.T) {
	idx := newIndex(t)
	x := newIndexer(t, idx, Options{FlushInterval: time.Millisecond})
	ctx := context.Background()
	v2 := searchtest.Seed()
	v2.Version = 2
	kill := searchtest.Seed()
	kill.Version = 3
	kill.PubStatus = pipeline.PubStatusCanceled
	steps := []struct {
		name    string
		story   *pipeline.Story
		wantVer int // 0: not found
	}{
		{"version 2", v2, 2},
		{"late version 1 is acked and ignored", searchtest.Seed(), 2},
		{"kill removes", kill, 0},
		{"version 2 redelivered after the kill", v2, 0},
	}
	for _, st := range steps {
		out, err := x.Stage(ctx, st.story)
		if err != nil || len(out) != 1 {
			t.Fatalf("%s: Stage = %v, %v; want the story passed on", st.name, out, err)
		}
		got, err := idx.Get(ctx, st.story.ID)
		switch {
		case st.wantVer == 0 && !errors.Is(err, search.ErrNotFound):
			t.Errorf("%s: Get = %v, %v; want ErrNotFound", st.name, got, err)
		case st.wantVer != 0 && (err != nil || got.Version != st.wantVer):
			t.Errorf("%s: Get = %v, %v; want version %d", st.name, got, err, st.wantVer)
		}
	}
}

func TestLingerEndsAQuietBatch(t *testing.T) {
	idx := newIndex(t)
	// Without Linger this story would wait an hour for company.
	x := newIndexer(t, idx, Options{BatchSize: 100, FlushInterval: time.Hour, Linger: time.Millisecond})
	if _, err := x.Stage(context.Background(), story(1)); err != nil {
		t.Fatalf("Stage: %v", err)
	}
	if got := idx.sizes(); len(got) != 1 || got[0] != 1 {
		t.Errorf("Upsert batch sizes = %v, want [1]", got)
	}
}
