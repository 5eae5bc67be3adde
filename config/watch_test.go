package config

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// waitFor is generous: it bounds a hang, it does not measure speed.
const waitFor = 10 * time.Second

type watchEvents struct {
	changes chan *Config
	errs    chan error
}

func startWatch(t *testing.T, path string) watchEvents {
	t.Helper()
	ev := watchEvents{changes: make(chan *Config, 10), errs: make(chan error, 10)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	w := NewWatcher(path)
	go func() {
		defer close(done)
		w.Run(ctx, 5*time.Millisecond, func(c *Config) { ev.changes <- c }, func(err error) { ev.errs <- err })
	}()
	t.Cleanup(func() { cancel(); <-done })
	return ev
}

func (ev watchEvents) change(t *testing.T) *Config {
	t.Helper()
	select {
	case c := <-ev.changes:
		return c
	case err := <-ev.errs:
		t.Fatalf("want a change, got error %v", err)
	case <-time.After(waitFor):
		t.Fatal("no change seen")
	}
	return nil
}

func (ev watchEvents) err(t *testing.T) error {
	t.Helper()
	select {
	case c := <-ev.changes:
		t.Fatalf("want an error, got a change with %d sources", len(c.Sources))
	case err := <-ev.errs:
		return err
	case <-time.After(waitFor):
		t.Fatal("no error seen")
	}
	return nil
}

func TestWatchReloads(t *testing.T) {
	path := writeConfig(t, "gazetteer_dirs: [gaz]\n", validSource)
	dir := filepath.Dir(path)
	gaz := filepath.Join(dir, "gaz")
	if err := os.Mkdir(gaz, 0o755); err != nil {
		t.Fatal(err)
	}
	ev := startWatch(t, path)

	t.Run("sources change is applied", func(t *testing.T) {
		write(t, filepath.Join(dir, "sources.yaml"), src(""))
		if c := ev.change(t); len(c.Sources) != 2 {
			t.Fatalf("sources %d", len(c.Sources))
		}
	})
	t.Run("invalid change is rejected with its problems", func(t *testing.T) {
		write(t, filepath.Join(dir, "sources.yaml"), src("    pages: sometimes\n"))
		err := ev.err(t)
		if findProblem(Problems(err), "sources[1].pages", "sometimes") == nil {
			t.Fatalf("error lacks the problem: %v", err)
		}
	})
	t.Run("fix is applied", func(t *testing.T) {
		write(t, filepath.Join(dir, "sources.yaml"), src("    pages: never\n"))
		if c := ev.change(t); c.Sources[1].Pages != "never" {
			t.Fatalf("pages %q", c.Sources[1].Pages)
		}
	})
	t.Run("polywire.yaml change is applied", func(t *testing.T) {
		write(t, path, "gazetteer_dirs: [gaz]\nhttp:\n  listen: 127.0.0.1:9999\n")
		if c := ev.change(t); c.HTTP.Listen != "127.0.0.1:9999" {
			t.Fatalf("listen %q", c.HTTP.Listen)
		}
	})
	t.Run("gazetteer file change triggers a reload", func(t *testing.T) {
		write(t, filepath.Join(gaz, "extra.yaml"), "places: []\n")
		ev.change(t)
	})
	select {
	case c := <-ev.changes:
		t.Fatalf("unexpected extra change %+v", c)
	case err := <-ev.errs:
		t.Fatalf("unexpected extra error %v", err)
	default:
	}
}

func TestWatchStopsWithContext(t *testing.T) {
	path := writeConfig(t, "{}\n", validSource)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Watch(ctx, path, time.Millisecond, nil, nil); err != context.Canceled {
		t.Fatalf("err %v", err)
	}
}
