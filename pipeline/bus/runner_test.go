package bus_test

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
)

func TestRunPublishesWithHeadersAndAcks(t *testing.T) {
	reg := prometheus.NewRegistry()
	b := bustest.Open(t, func(o *bus.Options) { o.Registerer = reg })
	out := subscribe(t, b.Conn(), "polywire.extracted.>")
	ctx := context.Background()
	if _, err := b.PublishOutput(ctx, pipeline.KindRaw, pipeline.StageFetch, rawItem("s1", 2, "ru", "tass")); err != nil {
		t.Fatal(err)
	}
	startStage(t, b, bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "polywire.raw.>",
		OutputKind: pipeline.KindExtracted, Fn: extractLike, Concurrency: 2})

	m := receive(t, out)
	if m.Subject != "polywire.extracted.ru.tass" {
		t.Errorf("subject = %q", m.Subject)
	}
	want := map[string]string{
		pipeline.HeaderMsgID: "s1:2:extract", pipeline.HeaderStoryID: "s1", pipeline.HeaderVersion: "2",
		pipeline.HeaderSource: "tass", pipeline.HeaderURL: "https://example.org/s1",
		pipeline.HeaderCorrelationID: "s1:2:fetch",
	}
	for k, v := range want {
		if got := m.Header.Get(k); got != v {
			t.Errorf("header %s = %q, want %q", k, got, v)
		}
	}
	eventually(t, "input acked", func() bool { return consumerSettled(t, b, bus.StreamStories, "extract") })
	for name, c := range map[string]float64{"messages_in_total": 1, "messages_out_total": 1} {
		got := counterValue(t, reg, name)
		if got != c {
			t.Errorf("%s = %v, want %v", name, got, c)
		}
	}
}

// counterValue returns the value of counter polywire_stage_<name> (one stage).
func counterValue(t *testing.T, reg *prometheus.Registry, name string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == "polywire_stage_"+name {
			for _, m := range mf.GetMetric() {
				return m.GetCounter().GetValue()
			}
		}
	}
	return 0
}

func TestDuplicateMsgIDIsDeduplicated(t *testing.T) {
	b := bustest.Open(t)
	ctx := context.Background()
	tests := []struct {
		name    string
		publish func() (bus.PubAck, error)
		stream  string
	}{
		{"story output", func() (bus.PubAck, error) {
			return b.PublishOutput(ctx, pipeline.KindRaw, pipeline.StageFetch, rawItem("d1", 1, "en", "bbc"))
		}, bus.StreamStories},
		{"fetch job of one slot", func() (bus.PubAck, error) {
			return b.PublishJob(ctx, &pipeline.FetchJob{Source: "tass", Slot: mustTime(t, "2026-01-02T03:04:00Z")})
		}, bus.StreamJobs},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			first, err := tc.publish()
			if err != nil {
				t.Fatal(err)
			}
			second, err := tc.publish()
			if err != nil {
				t.Fatal(err)
			}
			if first.Duplicate || !second.Duplicate || second.Seq != first.Seq {
				t.Errorf("first %+v, second %+v: want the second to be a duplicate of the first", first, second)
			}
			s, err := b.JetStream().Stream(ctx, tc.stream)
			if err != nil {
				t.Fatal(err)
			}
			if info, _ := s.Info(ctx); info.State.Msgs != 1 {
				t.Errorf("stream %s holds %d messages, want 1", tc.stream, info.State.Msgs)
			}
		})
	}
}

func TestRetryableErrorIsRedeliveredThenSucceeds(t *testing.T) {
	reg := prometheus.NewRegistry()
	b := bustest.Open(t, func(o *bus.Options) { o.Registerer = reg; o.MaxAttempts = 5 })
	out := subscribe(t, b.Conn(), "polywire.extracted.>")
	var calls atomic.Int32
	fn := func(ctx context.Context, in *pipeline.RawItem) ([]*pipeline.Story, error) {
		if calls.Add(1) <= 2 {
			return nil, errFlaky
		}
		return extractLike(ctx, in)
	}
	if _, err := b.PublishOutput(context.Background(), pipeline.KindRaw, pipeline.StageFetch, rawItem("r1", 1, "ja", "kyodo")); err != nil {
		t.Fatal(err)
	}
	startStage(t, b, bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "polywire.raw.>",
		OutputKind: pipeline.KindExtracted, Fn: fn})
	m := receive(t, out)
	if m.Header.Get(pipeline.HeaderStoryID) != "r1" {
		t.Errorf("story id header = %q", m.Header.Get(pipeline.HeaderStoryID))
	}
	if n := calls.Load(); n != 3 {
		t.Errorf("stage called %d times, want 3", n)
	}
	if got := counterValue(t, reg, "messages_retried_total"); got != 2 {
		t.Errorf("retried = %v, want 2", got)
	}
	if dls, _ := b.DeadLetters(context.Background(), bus.DLQFilter{}); len(dls) != 0 {
		t.Errorf("dead letters = %d, want 0", len(dls))
	}
}

func TestZeroOutputsFiltersAndAcks(t *testing.T) {
	b := bustest.Open(t)
	var calls atomic.Int32
	fn := func(context.Context, *pipeline.RawItem) ([]*pipeline.Story, error) {
		calls.Add(1)
		return nil, nil
	}
	if _, err := b.PublishOutput(context.Background(), pipeline.KindRaw, pipeline.StageFetch, rawItem("z1", 1, "en", "bbc")); err != nil {
		t.Fatal(err)
	}
	startStage(t, b, bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "polywire.raw.>",
		OutputKind: pipeline.KindExtracted, Fn: fn})
	eventually(t, "input acked", func() bool {
		return calls.Load() == 1 && consumerSettled(t, b, bus.StreamStories, "extract")
	})
}
