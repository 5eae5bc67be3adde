package index

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/polywire/polywire/search/bleve"
	"github.com/polywire/polywire/search/searchtest"
)

// BenchmarkStage measures stories/s through Stage with 32 concurrent callers
// (as the runner's consumers would be) for several batch sizes, on an
// on-disk Bleve index.
func BenchmarkStage(b *testing.B) {
	for _, size := range []int{1, 10, 100} {
		b.Run(fmt.Sprintf("batch%d", size), func(b *testing.B) {
			idx, err := bleve.Open(b.TempDir() + "/index")
			if err != nil {
				b.Fatal(err)
			}
			defer idx.Close()
			x := New(idx, Options{BatchSize: size, FlushInterval: 5 * time.Millisecond})
			defer x.Close()
			seed := searchtest.Seed()
			var next atomic.Int64
			b.SetParallelism(16) // 16 × GOMAXPROCS(2) = 32 callers
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
