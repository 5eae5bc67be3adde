package bus_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
)

// TestFullStorePausesInsteadOfDeadLettering fills a store capped at 4 MiB:
// the stage's output is refused, the input is neither acked nor
// dead-lettered however often it comes back, and once space is freed the
// output is stored and the input acked.
func TestFullStorePausesInsteadOfDeadLettering(t *testing.T) {
	b := bustest.Open(t, func(o *bus.Options) { o.MaxStore = 4 << 20 })
	ctx := context.Background()
	if _, err := b.PublishOutput(ctx, pipeline.KindRaw, pipeline.StageFetch, rawItem("in", 1, "en", "bbc")); err != nil {
		t.Fatal(err)
	}
	fillStore(t, b)

	var calls atomic.Int32
	page := randomBytes(t, 200<<10)
	startStage(t, b, bus.Spec[pipeline.RawItem, pipeline.RawItem]{Stage: "extract", Input: "polywire.raw.>",
		OutputKind: pipeline.KindExtracted,
		Fn: func(_ context.Context, in *pipeline.RawItem) ([]*pipeline.RawItem, error) {
			calls.Add(1)
			out := *in
			out.Page = page
			return []*pipeline.RawItem{&out}, nil
		}})
	eventually(t, "more deliveries than MaxAttempts", func() bool { return calls.Load() > 5 })
	if dls, err := b.DeadLetters(ctx, bus.DLQFilter{}); err != nil || len(dls) != 0 {
		t.Fatalf("dead letters while the store is full = %d, %v; want 0", len(dls), err)
	}

	s, err := b.JetStream().Stream(ctx, bus.StreamStories)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Purge(ctx, jetstreamSubject("polywire.indexed.en.filler")); err != nil {
		t.Fatal(err)
	}
	eventually(t, "input acked after space was freed", func() bool {
		return consumerSettledLoose(t, b, bus.StreamStories, "extract")
	})
	info, err := s.Info(ctx, jetstreamFilter("polywire.extracted.>"))
	if err != nil || info.State.Subjects["polywire.extracted.en.bbc"] != 1 || len(info.State.Subjects) != 1 {
		t.Errorf("extracted outputs stored = %v, %v; want one on polywire.extracted.en.bbc", info.State.Subjects, err)
	}
	if dls, err := b.DeadLetters(ctx, bus.DLQFilter{}); err != nil || len(dls) != 0 {
		t.Errorf("dead letters after recovery = %d, %v; want 0", len(dls), err)
	}
}

// fillStore publishes 60 KiB filler messages until the store refuses one,
// and checks the refusal is classified as the store being unavailable.
func fillStore(t *testing.T, b *bus.Bus) {
	t.Helper()
	for i := 0; i < 200; i++ {
		item := &pipeline.Story{ID: fmt.Sprint("filler", i), Version: 1, Source: "filler", Language: "en",
			Body: string(randomHex(t, 60<<10))}
		_, err := b.PublishOutput(context.Background(), pipeline.KindIndexed, pipeline.StageIndex, item)
		if err == nil {
			continue
		}
		if !bus.IsStoreUnavailable(err) {
			t.Fatalf("publishing into a full store: %v; want a store-unavailable error", err)
		}
		return
	}
	t.Fatal("store never filled up")
}

func randomHex(t *testing.T, n int) []byte {
	const digits = "0123456789abcdef"
	p := randomBytes(t, n)
	for i := range p {
		p[i] = digits[p[i]%16]
	}
	return p
}
