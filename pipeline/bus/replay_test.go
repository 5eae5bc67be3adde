package bus_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
)

func TestReplayReprocessesRetainedMessages(t *testing.T) {
	b := bustest.Open(t)
	ctx := context.Background()
	out := subscribe(t, b.Conn(), "polywire.extracted.>")
	for _, id := range []string{"a", "b"} {
		if _, err := b.PublishOutput(ctx, pipeline.KindRaw, pipeline.StageFetch, rawItem(id, 1, "es", "efe")); err != nil {
			t.Fatal(err)
		}
	}
	var calls atomic.Int32
	startStage(t, b, bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "polywire.raw.>",
		OutputKind: pipeline.KindExtracted,
		Fn: func(ctx context.Context, in *pipeline.RawItem) ([]*pipeline.Story, error) {
			calls.Add(1)
			return extractLike(ctx, in)
		}})
	first := []string{receive(t, out).Header.Get(pipeline.HeaderMsgID), receive(t, out).Header.Get(pipeline.HeaderMsgID)}

	n, err := b.Replay(ctx, pipeline.KindRaw, time.Time{})
	if err != nil || n != 2 {
		t.Fatalf("Replay = %d, %v; want 2", n, err)
	}
	second := []string{receive(t, out).Header.Get(pipeline.HeaderMsgID), receive(t, out).Header.Get(pipeline.HeaderMsgID)}
	for i := range second {
		if !strings.HasPrefix(second[i], first[i]+":replay-") {
			t.Errorf("replayed output id %q, want %q plus a replay token", second[i], first[i])
		}
	}
	if c := calls.Load(); c != 4 {
		t.Errorf("stage called %d times, want 4", c)
	}
	if n, err := b.Replay(ctx, pipeline.KindRaw, time.Now().Add(time.Hour)); err != nil || n != 0 {
		t.Errorf("Replay since the future = %d, %v; want 0", n, err)
	}
	if n, err := b.Replay(ctx, pipeline.KindTranslated, time.Time{}); err != nil || n != 0 {
		t.Errorf("Replay of an empty kind = %d, %v; want 0", n, err)
	}
}
