package bus_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
)

// TestConcurrencyProcessesNAtOnce holds every call until four are running
// together; with Concurrency 4 they all meet, and all four get acked.
func TestConcurrencyProcessesNAtOnce(t *testing.T) {
	const n = 4
	b := bustest.Open(t)
	ctx := context.Background()
	for i := range n {
		if _, err := b.PublishOutput(ctx, pipeline.KindRaw, pipeline.StageFetch, rawItem(fmt.Sprint("c", i), 1, "en", "bbc")); err != nil {
			t.Fatal(err)
		}
	}
	var meet sync.WaitGroup
	meet.Add(n)
	allIn := make(chan struct{})
	go func() { meet.Wait(); close(allIn) }()
	startStage(t, b, bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "polywire.raw.>",
		OutputKind: pipeline.KindExtracted, Concurrency: n,
		Fn: func(ctx context.Context, in *pipeline.RawItem) ([]*pipeline.Story, error) {
			meet.Done()
			select {
			case <-allIn:
				return extractLike(ctx, in)
			case <-time.After(waitLimit):
				return nil, pipeline.Permanentf("only some calls ran at once")
			}
		}})
	eventually(t, "all acked", func() bool { return consumerSettled(t, b, bus.StreamStories, "extract") })
	if dls, _ := b.DeadLetters(ctx, bus.DLQFilter{}); len(dls) != 0 {
		t.Errorf("%d dead letters: %s", len(dls), dls[0].Reason)
	}
}

// TestShutdownRedeliversInFlightWork cancels Run while the stage is busy:
// Run returns nil, nothing is dead-lettered, and the next Run gets the
// message again.
func TestShutdownRedeliversInFlightWork(t *testing.T) {
	b := bustest.Open(t)
	ctx := context.Background()
	if _, err := b.PublishOutput(ctx, pipeline.KindRaw, pipeline.StageFetch, rawItem("sd", 1, "en", "bbc")); err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{}, 1)
	spec := bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "polywire.raw.>",
		OutputKind: pipeline.KindExtracted,
		Fn: func(ctx context.Context, _ *pipeline.RawItem) ([]*pipeline.Story, error) {
			started <- struct{}{}
			<-ctx.Done()
			return nil, ctx.Err()
		}}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- bus.Run(runCtx, b, spec) }()
	<-started
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run after cancel = %v, want nil", err)
	}

	out := subscribe(t, b.Conn(), "polywire.extracted.>")
	spec.Fn = extractLike
	startStage(t, b, spec)
	if m := receive(t, out); m.Header.Get(pipeline.HeaderStoryID) != "sd" {
		t.Errorf("story id = %q", m.Header.Get(pipeline.HeaderStoryID))
	}
	if dls, _ := b.DeadLetters(ctx, bus.DLQFilter{}); len(dls) != 0 {
		t.Errorf("%d dead letters after shutdown", len(dls))
	}
}

func TestStageTimeoutIsRetriedThenDeadLettered(t *testing.T) {
	b := bustest.Open(t)
	publishInput(t, b, false)
	var calls atomic.Int32
	startStage(t, b, bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "polywire.raw.>",
		OutputKind: pipeline.KindExtracted, Timeout: 20 * time.Millisecond,
		Fn: func(ctx context.Context, _ *pipeline.RawItem) ([]*pipeline.Story, error) {
			calls.Add(1)
			<-ctx.Done()
			return nil, fmt.Errorf("translate: waiting for engine: %w", ctx.Err())
		}})
	dl := waitDeadLetters(t, b, "extract", 1)[0]
	checkDeadLetter(t, dl, "context deadline exceeded", "3", "tass")
	if c := calls.Load(); c != 3 {
		t.Errorf("stage called %d times, want 3", c)
	}
}

// TestDeliveriesWithoutResultAreDeadLettered simulates workers that crash
// mid-message: the message is delivered MaxAttempts times and never acked;
// the runner then dead-letters it without calling the stage again.
func TestDeliveriesWithoutResultAreDeadLettered(t *testing.T) {
	b := bustest.Open(t) // 3 attempts
	ctx := context.Background()
	publishInput(t, b, false)
	cons, err := b.JetStream().CreateOrUpdateConsumer(ctx, bus.StreamStories, jetstream.ConsumerConfig{
		Durable: "extract", FilterSubject: "polywire.raw.>", AckPolicy: jetstream.AckExplicitPolicy,
		AckWait: 50 * time.Millisecond, MaxDeliver: -1})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ { // take it and "crash": no ack
		batch, err := cons.Fetch(1, jetstream.FetchMaxWait(waitLimit))
		if err != nil {
			t.Fatal(err)
		}
		for range batch.Messages() {
		}
	}
	var calls atomic.Int32
	startStage(t, b, bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "polywire.raw.>",
		OutputKind: pipeline.KindExtracted, AckWait: 50 * time.Millisecond,
		Fn: func(ctx context.Context, in *pipeline.RawItem) ([]*pipeline.Story, error) {
			calls.Add(1)
			return extractLike(ctx, in)
		}})
	dl := waitDeadLetters(t, b, "extract", 1)[0]
	checkDeadLetter(t, dl, "no result after 3 deliveries", "4", "tass")
	if c := calls.Load(); c != 0 {
		t.Errorf("stage called %d times, want 0", c)
	}
}

// TestLongWorkIsNotRedelivered keeps a worker busy for more than twice
// AckWait while a second worker on the same durable waits: the message being
// worked on must not be redelivered to it meanwhile.
func TestLongWorkIsNotRedelivered(t *testing.T) {
	b := bustest.Open(t)
	ctx := context.Background()
	for _, id := range []string{"long", "next"} {
		if _, err := b.PublishOutput(ctx, pipeline.KindRaw, pipeline.StageFetch, rawItem(id, 1, "en", "bbc")); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	calls := map[string]int{}
	spec := bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "polywire.raw.>",
		OutputKind: pipeline.KindExtracted, AckWait: time.Second,
		Fn: func(ctx context.Context, in *pipeline.RawItem) ([]*pipeline.Story, error) {
			mu.Lock()
			calls[in.Story.ID]++
			mu.Unlock()
			if in.Story.ID == "long" {
				time.Sleep(2500 * time.Millisecond)
			}
			return extractLike(ctx, in)
		}}
	startStage(t, b, spec)
	startStage(t, b, spec) // a second worker that would take any redelivery
	eventually(t, "both acked", func() bool { return consumerSettled(t, b, bus.StreamStories, "extract") })
	mu.Lock()
	defer mu.Unlock()
	if calls["long"] != 1 || calls["next"] != 1 {
		t.Errorf("calls = %v, want each story once", calls)
	}
}
