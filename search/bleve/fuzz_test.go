package bleve_test

import (
	"context"
	"testing"

	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/search/bleve"
	"github.com/polywire/polywire/search/searchtest"
)

// FuzzSearch checks that no query text or filter value makes Search fail or
// panic.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{"Усс", "東京 選挙", "", "  ", "и в на", `"*?:~^`, "RU-KYA", "a\x00b", "\xff\xfe"} {
		f.Add(seed, seed)
	}
	idx, err := bleve.Open("")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { _ = idx.Close() })
	if err := idx.Upsert(context.Background(), searchtest.Corpus()); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, value string) {
		q := search.Query{Text: text, Region: value, Person: value, Org: value, Source: value, Page: len(text)}
		if _, err := idx.Search(context.Background(), q); err != nil {
			t.Errorf("Search(%+v): %v", q, err)
		}
	})
}
