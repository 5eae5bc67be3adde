package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/polywire/polywire/workers/fetch"
)

// TestSourcesStatusAfterDemo runs the demo, then asks `sources status`
// (connected to the running process over its NATS listener) for every
// source's health, as a table and as JSON lines.
func TestSourcesStatusAfterDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the demo")
	}
	data, natsAddr, httpAddr := t.TempDir(), freeAddr(t), freeAddr(t)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan int, 1)
	go func() {
		done <- execute(ctx, []string{"run", "--demo", "--data", data, "--http", httpAddr, "--nats-listen", natsAddr,
			"--apertium-url", "http://" + freeAddr(t), "--log-level", "warn"}, nil, io.Discard, testLogWriter{t})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Error("polywire run did not stop")
		}
	})
	status := func(extra ...string) (string, int) {
		var out bytes.Buffer
		code := execute(ctx, append([]string{"sources", "status", "--data", data, "--nats-listen", natsAddr}, extra...), nil, &out, io.Discard)
		return out.String(), code
	}
	// Ask only once the run is up: before that, status would open the data
	// directory itself and the run would find it locked.
	waitFor(t, "polywire run serving", time.Minute, func() (bool, error) {
		var h struct{ Status string }
		_, err := getJSON(ctx, "http://"+httpAddr, "/healthz", nil, &h)
		return err == nil, err
	})
	var lines []map[string]any
	waitFor(t, "every demo source polled once", 2*time.Minute, func() (bool, error) {
		out, code := status("--json")
		if code != 0 {
			return false, nil
		}
		lines = lines[:0]
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var m map[string]any
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				return false, err
			}
			if m["state"] == "never polled" {
				continue // a configured default source the demo does not poll
			}
			if m["state"] == fetch.StateNever || m["last_attempt"] == nil {
				return false, nil
			}
			lines = append(lines, m)
		}
		return len(lines) >= 5, nil // the demo has six sources
	})
	for _, m := range lines {
		if m["state"] != fetch.StateOK || m["last_success"] == nil || m["items"].(float64) == 0 {
			t.Errorf("demo source %v: %v", m["source"], m)
		}
	}
	table, code := status()
	if code != 0 || !strings.Contains(table, "SOURCE") || !strings.Contains(table, lines[0]["source"].(string)+" ") {
		t.Fatalf("table (exit %d):\n%s", code, table)
	}
	t.Logf("sources status:\n%s", table)
}
