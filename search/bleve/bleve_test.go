package bleve_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	blevelib "github.com/blevesearch/bleve/v2"

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

func TestReopenKeepsStories(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	idx, err := bleve.Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	ctx := context.Background()
	if err := idx.Upsert(ctx, searchtest.Corpus()); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	if err := idx.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	idx, err = bleve.Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer idx.Close()
	res, err := idx.Search(ctx, search.Query{Text: "Усс"})
	if err != nil || res.Total != 1 || res.Hits[0].ID != searchtest.SeedID {
		t.Fatalf("Search after reopen = %+v, %v; want the seed story", res, err)
	}
}

func TestOpenRefusesOtherMapping(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	other, err := blevelib.New(path, blevelib.NewIndexMapping())
	if err != nil {
		t.Fatalf("creating foreign index: %v", err)
	}
	if err := other.SetInternal([]byte("polywire.mapping"), []byte("0")); err != nil {
		t.Fatalf("SetInternal: %v", err)
	}
	other.Close()
	if _, err := bleve.Open(path); !errors.Is(err, bleve.ErrMappingChanged) {
		t.Errorf("Open = %v, want ErrMappingChanged", err)
	}
}

// TestOpenHeldIndexFailsFast: a Bleve index on disk is single-process; a
// second opener (the search CLI next to a running polywire) gets ErrInUse
// within the lock timeout instead of waiting forever.
func TestOpenHeldIndexFailsFast(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	first, err := bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if _, err := bleve.Open(path); !errors.Is(err, bleve.ErrInUse) {
		t.Fatalf("second open: %v, want ErrInUse", err)
	}
}
