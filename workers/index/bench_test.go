package index

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/polywire/polywire/search/bleve"
	"github.com/polywire/polywire/search/searchtest"
)

// BenchmarkStage measures stories/s through Stage with concurrent callers (as
// the runner's consumers would be) for several batch sizes, with the default
// intervals, on an on-disk Bleve index.
func BenchmarkStage(b *testing.B) {
	for _, c := range []struct{ size, par int }{{1, 16}, {10, 16}, {100, 16}, {100, 4}} {
		b.Run(fmt.Sprintf("batch%d/callers%d", c.size, 2*c.par), func(b *testing.B) {
			idx, err := bleve.Open(b.TempDir() + "/index")
			if err != nil {
				b.Fatal(err)
			}
			defer idx.Close()
			x := New(idx, Options{BatchSize: c.size})
			defer x.Close()
			seed := searchtest.Seed()
			var next atomic.Int64
			b.SetParallelism(c.par) // callers = par × GOMAXPROCS (2 here)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					s := *seed
					s.ID = fmt.Sprintf("bench%08d", next.Add(1))
					if _, err := x.Stage(context.Background(), &s); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "stories/s")
		})
	}
}
