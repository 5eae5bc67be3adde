// Package bustest starts a real embedded JetStream bus for tests: a fresh
// server on t.TempDir(), closed when the test ends.
package bustest

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/polywire/polywire/pipeline/bus"
)

// Options returns test defaults: a data dir under t.TempDir(), no TCP
// listener, 3 attempts with 20ms backoff, and logs through t.Log.
func Options(t testing.TB) bus.Options {
	return bus.Options{
		DataDir:     t.TempDir(),
		Listen:      "off",
		MaxAttempts: 3,
		Backoff:     []time.Duration{20 * time.Millisecond},
		Logger:      slog.New(slog.NewTextHandler(tWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn})),
	}
}

// Open starts a bus with Options(t) modified by each edit, and closes it in
// t.Cleanup. It fails the test if the bus cannot start.
func Open(t testing.TB, edits ...func(*bus.Options)) *bus.Bus {
	t.Helper()
	o := Options(t)
	for _, edit := range edits {
		edit(&o)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	b, err := bus.Open(ctx, o)
	if err != nil {
		t.Fatalf("bustest: opening bus: %v", err)
	}
	t.Cleanup(func() {
		if err := b.Close(); err != nil {
			t.Errorf("bustest: closing bus: %v", err)
		}
	})
	return b
}

// WithJetStream runs fn with a fresh bus.
func WithJetStream(t *testing.T, fn func(t *testing.T, b *bus.Bus)) {
	t.Helper()
	fn(t, Open(t))
}

// tWriter sends log lines to t.Log (which is safe for concurrent use) and
// drops them once the test is over.
type tWriter struct{ t testing.TB }

func (w tWriter) Write(p []byte) (int, error) {
	defer func() { _ = recover() }() // t.Log after the test ends panics
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}
