package bus_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
)

func TestPublishEventIsStoredOnTheSourceSubject(t *testing.T) {
	b := bustest.Open(t)
	ctx := context.Background()
	ch := subscribe(t, b.Conn(), "polywire.events.>")
	if err := b.PublishEvent(ctx, "tass", map[string]string{"status": "failing"}); err != nil {
		t.Fatal(err)
	}
	m := receive(t, ch)
	var got map[string]string
	if err := json.Unmarshal(m.Data, &got); err != nil || got["status"] != "failing" {
		t.Errorf("event body %s: %v", m.Data, err)
	}
	if m.Subject != pipeline.EventSubject("tass") || m.Header.Get(pipeline.HeaderSource) != "tass" {
		t.Errorf("subject %s, source header %q", m.Subject, m.Header.Get(pipeline.HeaderSource))
	}
	s, err := b.JetStream().Stream(ctx, bus.StreamEvents)
	if err != nil {
		t.Fatal(err)
	}
	if info, err := s.Info(ctx); err != nil || info.State.Msgs != 1 {
		t.Errorf("events stored: %+v, %v; want 1", info.State, err)
	}
}
