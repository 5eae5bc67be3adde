package meili_test

import (
	"context"
	"testing"

	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/search/meili"
	"github.com/polywire/polywire/search/meili/meilitest"
	"github.com/polywire/polywire/search/searchtest"
)

// opener returns a searchtest.Open that gives each test a new index on srv.
func opener(srv meilitest.Server) searchtest.Open {
	return func(t *testing.T) search.Index {
		t.Helper()
		idx, err := meili.Open(context.Background(), meili.Options{URL: srv.URL, APIKey: srv.Key, Index: meilitest.IndexName(t)})
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		t.Cleanup(func() { _ = idx.Close() })
		return idx
	}
}

func TestConformance(t *testing.T) {
	searchtest.Run(t, opener(meilitest.Start(t)))
}
