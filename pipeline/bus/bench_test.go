package bus_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
)

// BenchmarkPublishOutput measures one stored, acknowledged publish of a
// small story.
func BenchmarkPublishOutput(b *testing.B) {
	bs := bustest.Open(b)
	ctx := context.Background()
	i := 0
	for b.Loop() {
		i++
		if _, err := bs.PublishOutput(ctx, pipeline.KindRaw, pipeline.StageFetch, rawItem(fmt.Sprint("b", i), 1, "en", "bbc")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunnerHop measures one hop of the pipeline per message: consume,
// decode, trivial stage, publish the output (timed until it is stored).
func BenchmarkRunnerHop(b *testing.B) {
	for _, conc := range []int{1, 4} {
		b.Run(fmt.Sprint("concurrency=", conc), func(b *testing.B) {
			bs := bustest.Open(b)
			ctx := context.Background()
			for i := range b.N {
				if _, err := bs.PublishOutput(ctx, pipeline.KindRaw, pipeline.StageFetch, rawItem(fmt.Sprint("h", i), 1, "en", "bbc")); err != nil {
					b.Fatal(err)
				}
			}
			done := make(chan *nats.Msg, b.N)
			sub, err := bs.Conn().ChanSubscribe("polywire.extracted.>", done)
			if err != nil {
				b.Fatal(err)
			}
			defer sub.Unsubscribe()
			runCtx, cancel := context.WithCancel(ctx)
			defer cancel()
			b.ResetTimer()
			go func() {
				_ = bus.Run(runCtx, bs, bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract",
					Input: "polywire.raw.>", OutputKind: pipeline.KindExtracted, Concurrency: conc,
					Fn: extractLike})
			}()
			for range b.N {
				<-done
			}
		})
	}
}
