package searchtest

import (
	"context"
	"sync"
	"testing"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search"
)

func runWrites(t *testing.T, open Open) {
	t.Run("newer version replaces", func(t *testing.T) { testNewerReplaces(t, open(t)) })
	t.Run("older version ignored", func(t *testing.T) { testOlderIgnored(t, open(t)) })
	t.Run("older version in the same batch ignored", func(t *testing.T) { testSameBatch(t, open(t)) })
	t.Run("canceled removes", func(t *testing.T) { testCanceled(t, open(t)) })
	t.Run("delete", func(t *testing.T) { testDelete(t, open(t)) })
	t.Run("upsert idempotent", func(t *testing.T) { testIdempotent(t, open(t)) })
	t.Run("canceled context", func(t *testing.T) { testCanceledContext(t, open(t)) })
	t.Run("concurrent upserts keep the newest", func(t *testing.T) { testConcurrentVersions(t, open(t)) })
}

// version returns a copy of the seed story at version v with a headline
// naming the version (a word only that version contains).
func version(v int, word string) *pipeline.Story {
	s := Seed()
	s.Version = v
	s.Headline = word + " " + s.Headline
	return s
}

func testNewerReplaces(t *testing.T, idx search.Index) {
	upsert(t, idx, version(1, "Ромашка"))
	upsert(t, idx, version(2, "Василек"))
	if got := get(t, idx, SeedID); got.Version != 2 {
		t.Errorf("version = %d, want 2", got.Version)
	}
	wantIDs(t, find(t, idx, search.Query{Text: "Василек"}), SeedID)
	wantIDs(t, find(t, idx, search.Query{Text: "Ромашка"}))
	wantIDs(t, find(t, idx, search.Query{}), SeedID)
}

func testOlderIgnored(t *testing.T, idx search.Index) {
	upsert(t, idx, version(3, "Одуванчик"))
	upsert(t, idx, version(2, "Василек"))
	if got := get(t, idx, SeedID); got.Version != 3 {
		t.Errorf("version = %d, want 3", got.Version)
	}
	wantIDs(t, find(t, idx, search.Query{Text: "Василек"}))
	wantIDs(t, find(t, idx, search.Query{Text: "Одуванчик"}), SeedID)
}

func testSameBatch(t *testing.T, idx search.Index) {
	upsert(t, idx, version(5, "Подсолнух"), version(4, "Лютик"), putinStory())
	if got := get(t, idx, SeedID); got.Version != 5 {
		t.Errorf("version = %d, want 5", got.Version)
	}
	wantIDs(t, find(t, idx, search.Query{}), SeedID, PutinID)
}

func testCanceled(t *testing.T, idx search.Index) {
	upsert(t, idx, Seed(), putinStory())
	kill := version(2, "Отозвано")
	kill.PubStatus = pipeline.PubStatusCanceled
	upsert(t, idx, kill)
	wantNotFound(t, idx, SeedID)
	wantIDs(t, find(t, idx, search.Query{}), PutinID)
	wantIDs(t, find(t, idx, search.Query{Text: "Усс"}))
	if f := find(t, idx, search.Query{}).Facets["source"]; len(f) != 1 || f[0].Value != "tass" {
		t.Errorf("source facet after kill = %v, want only tass", f)
	}

	upsert(t, idx, Seed()) // a late redelivery of version 1
	wantNotFound(t, idx, SeedID)
	wantIDs(t, find(t, idx, search.Query{Text: "Усс"}))

	upsert(t, idx, version(3, "Клевер")) // a corrected story after the kill
	wantIDs(t, find(t, idx, search.Query{Text: "Клевер"}), SeedID)
}

func testDelete(t *testing.T, idx search.Index) {
	upsert(t, idx, Seed(), putinStory())
	ctx := context.Background()
	if err := idx.Delete(ctx, SeedID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	wantNotFound(t, idx, SeedID)
	wantIDs(t, find(t, idx, search.Query{}), PutinID)
	if err := idx.Delete(ctx, "0123456789abcdef01234567"); err != nil {
		t.Errorf("Delete(unknown) = %v, want nil", err)
	}
}

func testIdempotent(t *testing.T, idx search.Index) {
	upsert(t, idx, Corpus()...)
	upsert(t, idx, Corpus()...)
	wantIDs(t, find(t, idx, search.Query{}), newestFirst...)
	upsert(t, idx) // nothing to do
}

func testCanceledContext(t *testing.T, idx search.Index) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := idx.Upsert(ctx, []*pipeline.Story{Seed()}); err == nil {
		t.Errorf("Upsert with a canceled context succeeded")
	}
}

func testConcurrentVersions(t *testing.T, idx search.Index) {
	const n = 8
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for v := n; v >= 1; v-- { // newest first: the worst order
		wg.Go(func() { errs <- idx.Upsert(context.Background(), []*pipeline.Story{version(v, "Версия")}) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("Upsert: %v", err)
		}
	}
	if got := get(t, idx, SeedID); got.Version != n {
		t.Errorf("version after concurrent upserts = %d, want %d", got.Version, n)
	}
}
