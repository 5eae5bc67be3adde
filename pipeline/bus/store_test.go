package bus_test

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
)

// TestStoreUnavailableIsNeitherAckedNorDeadLettered sends outputs to a
// subject no stream stores (as if the store refused writes): the input must
// stay pending past MaxAttempts deliveries, then go through once the store
// takes writes again.
func TestStoreUnavailableIsNeitherAckedNorDeadLettered(t *testing.T) {
	b := bustest.Open(t) // MaxAttempts 3
	ctx := context.Background()
	var calls atomic.Int32
	if _, err := b.PublishOutput(ctx, pipeline.KindRaw, pipeline.StageFetch, rawItem("s1", 1, "en", "bbc")); err != nil {
		t.Fatal(err)
	}
	startStage(t, b, bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "polywire.raw.>",
		OutputKind: "nowhere",
		Fn: func(ctx context.Context, in *pipeline.RawItem) ([]*pipeline.Story, error) {
			calls.Add(1)
			return extractLike(ctx, in)
		}})
	eventually(t, "more deliveries than MaxAttempts", func() bool { return calls.Load() > 5 })
	if dls, err := b.DeadLetters(ctx, bus.DLQFilter{}); err != nil || len(dls) != 0 {
		t.Fatalf("dead letters during the outage = %d, %v; want 0", len(dls), err)
	}
	// No core subscriber on polywire.nowhere.> here: it would answer the
	// publish request's no-responders check and turn it into a timeout.
	s, err := b.JetStream().CreateStream(ctx, jetstream.StreamConfig{Name: "NOWHERE",
		Subjects: []string{"polywire.nowhere.>"}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := waitMsg(t, s, 1)
	if err != nil || m.Header.Get(pipeline.HeaderStoryID) != "s1" {
		t.Errorf("stored output = %+v, %v; want story s1", m, err)
	}
	eventually(t, "input acked", func() bool {
		c, err := b.JetStream().Consumer(ctx, bus.StreamStories, "extract")
		if err != nil {
			return false
		}
		info, err := c.Info(ctx)
		return err == nil && info.NumPending == 0 && info.NumAckPending == 0
	})
	if dls, err := b.DeadLetters(ctx, bus.DLQFilter{}); err != nil || len(dls) != 0 {
		t.Errorf("dead letters after recovery = %d, %v; want 0", len(dls), err)
	}
}

// waitMsg waits until stream s stores message seq and returns it.
func waitMsg(t *testing.T, s jetstream.Stream, seq uint64) (*jetstream.RawStreamMsg, error) {
	t.Helper()
	var m *jetstream.RawStreamMsg
	var err error
	eventually(t, "output stored", func() bool {
		m, err = s.GetMsg(context.Background(), seq)
		return err == nil
	})
	return m, err
}

func jetstreamSubject(s string) jetstream.StreamPurgeOpt { return jetstream.WithPurgeSubject(s) }

func jetstreamFilter(s string) jetstream.StreamInfoOpt { return jetstream.WithSubjectFilter(s) }

// consumerSettledLoose is consumerSettled without the redelivery count.
func consumerSettledLoose(t *testing.T, b *bus.Bus, stream, durable string) bool {
	t.Helper()
	c, err := b.JetStream().Consumer(context.Background(), stream, durable)
	if err != nil {
		return false
	}
	info, err := c.Info(context.Background())
	return err == nil && info.NumPending == 0 && info.NumAckPending == 0
}
