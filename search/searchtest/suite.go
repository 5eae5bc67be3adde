// Package searchtest is the conformance suite every search.Index backend
// passes (Bleve, Meilisearch), with its fixtures: the seed story tagged by
// hand and a small corpus in five languages.
package searchtest

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search"
)

// Open returns a new, empty index for one test; the opener registers its
// cleanup (Close) with t.
type Open func(t *testing.T) search.Index

// Run runs the conformance suite. Read-only subtests share one index holding
// Corpus(); each subtest that writes opens its own.
func Run(t *testing.T, open Open) {
	t.Run("corpus", func(t *testing.T) {
		idx := open(t)
		upsert(t, idx, Corpus()...)
		runReads(t, idx)
	})
	runWrites(t, open)
}

// RunStemming checks matches that need a stemmer (an inflected form absent
// from the text). Only backends with real stemming run it (Bleve).
func RunStemming(t *testing.T, open Open) {
	idx := open(t)
	upsert(t, idx, Corpus()...)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"russian dative of Усс", "Уссу", []string{SeedID}},
		{"russian dative of губернатор", "губернатору", []string{SeedID}},
		{"english plural", "governors", []string{EnglishID, SeedID}},
		{"spanish singular of exportaciones", "exportación", []string{SpanishID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantIDs(t, find(t, idx, search.Query{Text: tt.text}), tt.want...)
		})
	}
}

func upsert(t *testing.T, idx search.Index, stories ...*pipeline.Story) {
	t.Helper()
	if err := idx.Upsert(context.Background(), stories); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
}

func find(t *testing.T, idx search.Index, q search.Query) *search.Result {
	t.Helper()
	res, err := idx.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return res
}

func ids(res *search.Result) []string {
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.ID
	}
	return out
}

// wantIDs checks the hits are exactly want, in any order, and Total agrees.
func wantIDs(t *testing.T, res *search.Result, want ...string) {
	t.Helper()
	got := slices.Sorted(slices.Values(ids(res)))
	want = slices.Sorted(slices.Values(want))
	if !slices.Equal(got, want) {
		t.Errorf("hits = %s, want %s", names(got), names(want))
	}
	if res.Total != len(want) {
		t.Errorf("total = %d, want %d", res.Total, len(want))
	}
}

// names turns fixture ids into readable names for failure messages.
func names(ids []string) []string {
	byID := map[string]string{SeedID: "seed", PutinID: "putin", SpanishID: "spanish",
		EnglishID: "english", JapanID: "japan", UndatedID: "undated"}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = byID[id]
		if out[i] == "" {
			out[i] = id
		}
	}
	return out
}

func get(t *testing.T, idx search.Index, id string) *pipeline.Story {
	t.Helper()
	s, err := idx.Get(context.Background(), id)
	if err != nil {
		t.Fatalf("Get(%s): %v", id, err)
	}
	return s
}

func wantNotFound(t *testing.T, idx search.Index, id string) {
	t.Helper()
	if _, err := idx.Get(context.Background(), id); !errors.Is(err, search.ErrNotFound) {
		t.Errorf("Get(%s) error = %v, want ErrNotFound", id, err)
	}
}

func jsonOf(t *testing.T, s *pipeline.Story) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatalf("marshal story: %v", err)
	}
	return string(b)
}
