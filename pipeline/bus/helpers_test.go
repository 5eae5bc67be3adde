package bus_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
)

// waitLimit guards every wait for an event; it is a failure guard, not a
// speed assertion.
const waitLimit = 20 * time.Second

func rawItem(id string, version int, lang, source string) *pipeline.RawItem {
	return &pipeline.RawItem{Story: pipeline.Story{Schema: 1, ID: id, Version: version,
		Source: source, Language: lang, URL: "https://example.org/" + id, Headline: "h " + id}}
}

// extractLike turns a raw item into its story.
func extractLike(_ context.Context, in *pipeline.RawItem) ([]*pipeline.Story, error) {
	s := in.Story
	return []*pipeline.Story{&s}, nil
}

// startStage runs spec until the test ends and checks Run returned nil.
func startStage[In, Out any, PIn interface {
	*In
	pipeline.Message
}, POut interface {
	*Out
	pipeline.Message
}](t *testing.T, b *bus.Bus, spec bus.Spec[In, Out]) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- bus.Run[In, Out, PIn, POut](ctx, b, spec) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run returned %v", err)
		}
	})
}

// subscribe collects messages on subject from the bus's connection.
func subscribe(t *testing.T, nc *nats.Conn, subject string) <-chan *nats.Msg {
	t.Helper()
	ch := make(chan *nats.Msg, 64)
	sub, err := nc.ChanSubscribe(subject, ch)
	if err != nil {
		t.Fatalf("subscribing %s: %v", subject, err)
	}
	t.Cleanup(func() { _ = sub.Unsubscribe() })
	if err := nc.Flush(); err != nil {
		t.Fatalf("flush: %v", err)
	}
	return ch
}

func receive(t *testing.T, ch <-chan *nats.Msg) *nats.Msg {
	t.Helper()
	select {
	case m := <-ch:
		return m
	case <-time.After(waitLimit):
		t.Fatalf("no message within %s", waitLimit)
		return nil
	}
}

// eventually polls cond until it holds or waitLimit passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not reached within %s", what, waitLimit)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitDeadLetters waits until stage has n dead letters and returns them.
func waitDeadLetters(t *testing.T, b *bus.Bus, stage string, n int) []bus.DeadLetter {
	t.Helper()
	var dls []bus.DeadLetter
	eventually(t, "dead letters", func() bool {
		var err error
		dls, err = b.DeadLetters(context.Background(), bus.DLQFilter{Stage: stage})
		if err != nil {
			t.Fatalf("DeadLetters: %v", err)
		}
		return len(dls) >= n
	})
	return dls
}

// consumerSettled reports whether the durable has nothing pending or unacked.
func consumerSettled(t *testing.T, b *bus.Bus, stream, durable string) bool {
	t.Helper()
	c, err := b.JetStream().Consumer(context.Background(), stream, durable)
	if err != nil {
		return false
	}
	info, err := c.Info(context.Background())
	if err != nil {
		t.Fatalf("consumer info: %v", err)
	}
	return info.NumPending == 0 && info.NumAckPending == 0 && info.NumRedelivered == 0
}

var errFlaky = errors.New("engine down")
