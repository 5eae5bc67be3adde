package bus_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
	"github.com/prometheus/client_golang/prometheus"
)

func TestFailuresAreDeadLettered(t *testing.T) {
	tests := []struct {
		name       string
		fn         pipeline.Stage[*pipeline.RawItem, *pipeline.Story]
		garbage    bool // publish an undecodable payload instead of a raw item
		reason     string
		attempts   string
		wantCalls  int32
		wantSource string
	}{
		{name: "permanent error", fn: func(context.Context, *pipeline.RawItem) ([]*pipeline.Story, error) {
			return nil, pipeline.Permanentf("no article found")
		}, reason: "no article found", attempts: "1", wantCalls: 1, wantSource: "tass"},
		{name: "attempts exhausted", fn: func(context.Context, *pipeline.RawItem) ([]*pipeline.Story, error) {
			return nil, errFlaky
		}, reason: "engine down", attempts: "3", wantCalls: 3, wantSource: "tass"},
		{name: "panic", fn: func(context.Context, *pipeline.RawItem) ([]*pipeline.Story, error) {
			var m map[string]int
			m["boom"]++
			return nil, nil
		}, reason: "panic: assignment to entry in nil map", attempts: "1", wantCalls: 1, wantSource: "tass"},
		{name: "undecodable input", garbage: true, reason: "bus: decoding polywire.raw.ru.tass",
			attempts: "1", wantCalls: 0, wantSource: "tass"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reg := prometheus.NewRegistry()
			b := bustest.Open(t, func(o *bus.Options) { o.Registerer = reg }) // 3 attempts
			var calls atomic.Int32
			fn := func(ctx context.Context, in *pipeline.RawItem) ([]*pipeline.Story, error) {
				calls.Add(1)
				return tc.fn(ctx, in)
			}
			payload := publishInput(t, b, tc.garbage)
			startStage(t, b, bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "polywire.raw.>",
				OutputKind: pipeline.KindExtracted, Fn: fn})

			dl := waitDeadLetters(t, b, "extract", 1)[0]
			checkDeadLetter(t, dl, tc.reason, tc.attempts, tc.wantSource)
			if string(dl.Data) != string(payload) {
				t.Errorf("dead letter data = %.80q, want the original payload", dl.Data)
			}
			eventually(t, "input terminated", func() bool { return consumerSettled(t, b, bus.StreamStories, "extract") })
			if n := calls.Load(); n != tc.wantCalls {
				t.Errorf("stage called %d times, want %d", n, tc.wantCalls)
			}
			if n := counterValue(t, reg, "messages_dead_lettered_total"); n != 1 {
				t.Errorf("dead-lettered metric = %v, want 1", n)
			}
			got, err := b.DeadLetter(context.Background(), dl.Seq)
			if err != nil || got.Reason != dl.Reason {
				t.Errorf("DeadLetter(%d) = %+v, %v", dl.Seq, got, err)
			}
		})
	}
}

// publishInput publishes a raw item (or garbage) for story "p1" and returns
// the payload as stored.
func publishInput(t *testing.T, b *bus.Bus, garbage bool) []byte {
	t.Helper()
	ctx := context.Background()
	if !garbage {
		item := rawItem("p1", 1, "ru", "tass")
		if _, err := b.PublishOutput(ctx, pipeline.KindRaw, pipeline.StageFetch, item); err != nil {
			t.Fatal(err)
		}
		data, _ := json.Marshal(item)
		return data
	}
	payload := []byte("{not json")
	msg := &nats.Msg{Subject: "polywire.raw.ru.tass", Header: nats.Header{}, Data: payload}
	msg.Header.Set(pipeline.HeaderStoryID, "p1")
	msg.Header.Set(pipeline.HeaderSource, "tass")
	if _, err := b.JetStream().PublishMsg(ctx, msg); err != nil {
		t.Fatal(err)
	}
	return payload
}

func checkDeadLetter(t *testing.T, dl bus.DeadLetter, reason, attempts, source string) {
	t.Helper()
	if dl.Subject != "polywire.dlq.extract."+source {
		t.Errorf("subject = %q", dl.Subject)
	}
	if dl.Stage != "extract" || dl.Source != source || dl.StoryID != "p1" {
		t.Errorf("stage, source, story = %q, %q, %q", dl.Stage, dl.Source, dl.StoryID)
	}
	if !strings.Contains(dl.Reason, reason) {
		t.Errorf("reason = %q, want it to contain %q", dl.Reason, reason)
	}
	if want := attemptsInt(attempts); dl.Attempts != want {
		t.Errorf("attempts = %d, want %d", dl.Attempts, want)
	}
	if dl.OriginalSubject != "polywire.raw.ru.tass" {
		t.Errorf("original subject = %q", dl.OriginalSubject)
	}
	if dl.Time.IsZero() {
		t.Error("time is zero")
	}
}

func attemptsInt(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func TestDeadLetterHeadersOnTheWire(t *testing.T) {
	b := bustest.Open(t)
	ch := subscribe(t, b.Conn(), "polywire.dlq.>")
	publishInput(t, b, false)
	startStage(t, b, bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "polywire.raw.>",
		OutputKind: pipeline.KindExtracted,
		Fn: func(context.Context, *pipeline.RawItem) ([]*pipeline.Story, error) {
			return nil, pipeline.Permanent(errors.New("too large:\nline two"))
		}})
	m := receive(t, ch)
	want := map[string]string{
		pipeline.HeaderDLQStage: "extract", pipeline.HeaderDLQReason: "too large: line two",
		pipeline.HeaderOriginalSubject: "polywire.raw.ru.tass", pipeline.HeaderAttempts: "1",
		pipeline.HeaderStoryID: "p1", pipeline.HeaderVersion: "1", pipeline.HeaderSource: "tass",
		pipeline.HeaderURL: "https://example.org/p1",
	}
	for k, v := range want {
		if got := m.Header.Get(k); got != v {
			t.Errorf("header %s = %q, want %q", k, got, v)
		}
	}
	if id := m.Header.Get(pipeline.HeaderMsgID); !strings.HasPrefix(id, "dlq:extract:POLYWIRE:") {
		t.Errorf("msg id = %q", id)
	}
}

func TestReplayDeadLetterRefeedsTheStage(t *testing.T) {
	b := bustest.Open(t)
	out := subscribe(t, b.Conn(), "polywire.extracted.>")
	var broken atomic.Bool
	broken.Store(true)
	fn := func(ctx context.Context, in *pipeline.RawItem) ([]*pipeline.Story, error) {
		if broken.Load() {
			return nil, pipeline.Permanentf("extractor bug")
		}
		return extractLike(ctx, in)
	}
	publishInput(t, b, false)
	startStage(t, b, bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "polywire.raw.>",
		OutputKind: pipeline.KindExtracted, Fn: fn})
	dl := waitDeadLetters(t, b, "extract", 1)[0]

	broken.Store(false)
	ctx := context.Background()
	if err := b.ReplayDeadLetter(ctx, dl.Seq); err != nil {
		t.Fatal(err)
	}
	if m := receive(t, out); m.Header.Get(pipeline.HeaderStoryID) != "p1" {
		t.Errorf("output story id = %q", m.Header.Get(pipeline.HeaderStoryID))
	}
	if dls, err := b.DeadLetters(ctx, bus.DLQFilter{}); err != nil || len(dls) != 0 {
		t.Errorf("after replay: %d dead letters, %v; want 0", len(dls), err)
	}
	if _, err := b.DeadLetter(ctx, dl.Seq); !errors.Is(err, bus.ErrNotDeadLetter) {
		t.Errorf("DeadLetter after replay: err = %v, want ErrNotDeadLetter", err)
	}
}

func TestDeadLettersFilter(t *testing.T) {
	b := bustest.Open(t)
	ctx := context.Background()
	for _, src := range []string{"tass", "tass", "bbc"} {
		msg := &nats.Msg{Subject: pipeline.DLQSubject("extract", src), Header: nats.Header{}, Data: []byte("x")}
		msg.Header.Set(pipeline.HeaderDLQStage, "extract")
		msg.Header.Set(pipeline.HeaderSource, src)
		if _, err := b.JetStream().PublishMsg(ctx, msg); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name   string
		filter bus.DLQFilter
		want   int
	}{
		{"all", bus.DLQFilter{}, 3},
		{"by source", bus.DLQFilter{Source: "tass"}, 2},
		{"by stage and source", bus.DLQFilter{Stage: "extract", Source: "bbc"}, 1},
		{"other stage", bus.DLQFilter{Stage: "tag"}, 0},
		{"limit", bus.DLQFilter{Limit: 2}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dls, err := b.DeadLetters(ctx, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			if len(dls) != tc.want {
				t.Errorf("got %d dead letters, want %d", len(dls), tc.want)
			}
		})
	}
}
