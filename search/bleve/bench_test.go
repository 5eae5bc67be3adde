package bleve_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/search/bleve"
	"github.com/polywire/polywire/search/searchtest"
)

// stories returns n stories cycling through the conformance corpus, each
// with its own id.
func stories(n int) []*pipeline.Story {
	corpus := searchtest.Corpus()
	out := make([]*pipeline.Story, n)
	for i := range out {
		s := *corpus[i%len(corpus)]
		s.ID = fmt.Sprintf("bench%08d", i)
		out[i] = &s
	}
	return out
}

func benchUpsert(b *testing.B, path string) {
	idx, err := bleve.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	const batch = 100
	all := stories(batch * b.N)
	b.ResetTimer()
	for i := range b.N {
		if err := idx.Upsert(context.Background(), all[i*batch:(i+1)*batch]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(batch*b.N)/b.Elapsed().Seconds(), "stories/s")
}

func BenchmarkUpsertBatch100Memory(b *testing.B) { benchUpsert(b, "") }

func BenchmarkUpsertBatch100Disk(b *testing.B) {
	benchUpsert(b, filepath.Join(b.TempDir(), "index"))
}

func BenchmarkSearch(b *testing.B) {
	idx, err := bleve.Open("")
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	all := stories(5000)
	for i := 0; i < len(all); i += 500 {
		if err := idx.Upsert(context.Background(), all[i:i+500]); err != nil {
			b.Fatal(err)
		}
	}
	queries := []struct {
		name string
		q    search.Query
	}{
		{"text ru", search.Query{Text: "Красноярского края"}},
		{"text and region", search.Query{Text: "governor", Region: "JP"}},
		{"empty newest first", search.Query{}},
		{"person filter", search.Query{Person: "Владимир Путин"}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := idx.Search(context.Background(), q.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
