package bleve_test

import (
	"testing"

	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/search/bleve"
	"github.com/polywire/polywire/search/searchtest"
)

func openMem(t *testing.T) search.Index {
	t.Helper()
	idx, err := bleve.Open("")
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = idx.Close() })
	return idx
}

func TestConformance(t *testing.T) { searchtest.Run(t, openMem) }

func TestStemming(t *testing.T) { searchtest.RunStemming(t, openMem) }
