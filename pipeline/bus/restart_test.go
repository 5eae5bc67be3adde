package bus_test

import (
	"context"
	"net"
	"testing"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
)

// TestRunSurvivesServerRestart runs a stage against an external server,
// restarts the server on the same address and store, and checks the stage
// picks up work published after the restart. At cleanup the server goes
// first, so Run must also stop while the server is unreachable.
func TestRunSurvivesServerRestart(t *testing.T) {
	dir := t.TempDir()
	ns := startServer(t, dir, "127.0.0.1:0")
	_, port, err := net.SplitHostPort(ns.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	addr := "127.0.0.1:" + port
	b := bustest.Open(t, func(o *bus.Options) { o.URL = ns.ClientURL() })
	out := subscribe(t, b.Conn(), "polywire.extracted.>")
	startStage(t, b, bus.Spec[pipeline.RawItem, pipeline.Story]{Stage: "extract", Input: "polywire.raw.>",
		OutputKind: pipeline.KindExtracted, Fn: extractLike})
	ctx := context.Background()
	if _, err := b.PublishOutput(ctx, pipeline.KindRaw, pipeline.StageFetch, rawItem("before", 1, "en", "bbc")); err != nil {
		t.Fatal(err)
	}
	if m := receive(t, out); m.Header.Get(pipeline.HeaderStoryID) != "before" {
		t.Fatalf("got %q", m.Header.Get(pipeline.HeaderStoryID))
	}

	ns.Shutdown()
	ns.WaitForShutdown()
	startServer(t, dir, addr)
	eventually(t, "client reconnected", b.Conn().IsConnected)
	eventually(t, "publish after restart", func() bool {
		_, err := b.PublishOutput(ctx, pipeline.KindRaw, pipeline.StageFetch, rawItem("after", 1, "en", "bbc"))
		return err == nil
	})
	if m := receive(t, out); m.Header.Get(pipeline.HeaderStoryID) != "after" {
		t.Errorf("got %q, want the story published after the restart", m.Header.Get(pipeline.HeaderStoryID))
	}
}

func startServer(t *testing.T, dir, listen string) *server.Server {
	t.Helper()
	ns, err := bus.StartServer(bus.ServerOptions{DataDir: dir, Listen: listen})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ns.Shutdown(); ns.WaitForShutdown() })
	return ns
}
