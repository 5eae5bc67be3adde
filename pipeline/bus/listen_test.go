package bus_test

import (
	"context"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
)

func TestOutsideSubscriberOnListenAddress(t *testing.T) {
	b := bustest.Open(t, func(o *bus.Options) { o.Listen = "127.0.0.1:0" })
	url := b.ClientURL()
	if url == "" {
		t.Fatal("ClientURL is empty with a listener")
	}
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatalf("connecting to %s: %v", url, err)
	}
	defer nc.Close()
	ch := subscribe(t, nc, "polywire.tagged.ru.>")
	story := &pipeline.Story{Schema: 1, ID: "t1", Version: 1, Source: "tass", Language: "ru"}
	other := &pipeline.Story{Schema: 1, ID: "t2", Version: 1, Source: "bbc", Language: "en"}
	for _, s := range []*pipeline.Story{other, story} {
		if _, err := b.PublishOutput(context.Background(), pipeline.KindTagged, pipeline.StageTag, s); err != nil {
			t.Fatal(err)
		}
	}
	m := receive(t, ch)
	if m.Subject != "polywire.tagged.ru.tass" || m.Header.Get(pipeline.HeaderStoryID) != "t1" {
		t.Errorf("got %s story %q, want polywire.tagged.ru.tass story t1", m.Subject, m.Header.Get(pipeline.HeaderStoryID))
	}
}

func TestNoListenerMeansNoClientURL(t *testing.T) {
	b := bustest.Open(t)
	if url := b.ClientURL(); url != "" {
		t.Errorf("ClientURL = %q without a listener", url)
	}
}

func TestExternalURL(t *testing.T) {
	dir := t.TempDir()
	ns, err := bus.StartServer(bus.ServerOptions{DataDir: dir, Listen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ns.Shutdown(); ns.WaitForShutdown() }) // after the bus closes
	b := bustest.Open(t, func(o *bus.Options) { o.URL = ns.ClientURL() })
	if b.Server() != nil || b.ClientURL() != ns.ClientURL() {
		t.Errorf("external bus: server %v, url %q", b.Server(), b.ClientURL())
	}
	ack, err := b.PublishOutput(context.Background(), pipeline.KindRaw, pipeline.StageFetch, rawItem("e1", 1, "en", "bbc"))
	if err != nil || ack.Stream != bus.StreamStories {
		t.Errorf("publish through external server: %+v, %v", ack, err)
	}
}

func TestOpenFailsCleanly(t *testing.T) {
	tests := []struct {
		name string
		o    bus.Options
	}{
		{"embedded without a data dir", bus.Options{}},
		{"bad listen address", bus.Options{DataDir: t.TempDir(), Listen: "nowhere"}},
		{"unreachable url", bus.Options{URL: "nats://127.0.0.1:1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if b, err := bus.Open(context.Background(), tc.o); err == nil {
				_ = b.Close()
				t.Error("Open succeeded")
			}
		})
	}
}
