package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"gopkg.in/yaml.v3"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/demo"
	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/search/meili"
	"github.com/polywire/polywire/search/meili/meilitest"
)

// TestDistributedShape proves the scale-out shape: a real nats-server
// process (built from the module), each stage a separate `polywire worker`
// process, Meilisearch as the shared index, and a story flowing from the
// demo feed to the index.
func TestDistributedShape(t *testing.T) {
	if testing.Short() {
		t.Skip("builds binaries and starts processes")
	}
	ms := meilitest.Start(t)
	meiliURL, meiliKey := ms.URL, ms.Key
	apy := optionalAPY(t)
	bin := t.TempDir()
	build(t, filepath.Join(bin, "nats-server"), "github.com/nats-io/nats-server/v2")
	build(t, filepath.Join(bin, "polywire"), ".")

	natsAddr := freeAddr(t)
	_, port, _ := strings.Cut(natsAddr, ":")
	procs := &procSet{}
	procs.start(t, "nats-server", nil, filepath.Join(bin, "nats-server"), "-a", "127.0.0.1", "-p", port, "-js", "-sd", t.TempDir())
	natsURL := "nats://" + natsAddr
	waitFor(t, "nats-server accepts clients", time.Minute, func() (bool, error) {
		nc, err := nats.Connect(natsURL)
		if err == nil {
			nc.Close()
		}
		return err == nil, err
	})

	ds, err := demo.Start(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ds.Close() })
	index := fmt.Sprintf("stories_dist_%d", time.Now().UnixNano())
	cfgPath := writeConfig(t, ds.Sources(), index)

	env := []string{"POLYWIRE_NATS_URL=" + natsURL, "POLYWIRE_CONFIG=" + cfgPath,
		"POLYWIRE_MEILISEARCH_URL=" + meiliURL, "POLYWIRE_MEILISEARCH_KEY=" + meiliKey}
	if apy != "" {
		env = append(env, "POLYWIRE_APERTIUM_URL="+apy)
	}
	for _, st := range pipeline.Stages {
		procs.start(t, "worker-"+st, env, filepath.Join(bin, "polywire"), "worker", st, "--data", t.TempDir(), "--log-level", "warn")
	}

	ctx := t.Context()
	idx, err := meili.Open(ctx, meili.Options{URL: meiliURL, APIKey: meiliKey, Index: index})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	var seed *pipeline.Story
	waitFor(t, "seed story indexed through six worker processes", 3*time.Minute, func() (bool, error) {
		if err := procs.alive(); err != nil {
			t.Fatal(err)
		}
		res, err := idx.Search(ctx, search.Query{Text: "Усс"})
		if err != nil || res.Total == 0 {
			return false, err
		}
		seed, err = idx.Get(ctx, res.Hits[0].ID)
		return err == nil, err
	})
	seedChecks(t, seed)
	checkIndexedSubject(t, ctx, natsURL, seed.ID)
}

// checkIndexedSubject reads polywire.indexed.> from the nats-server and
// finds the seed story there too, with its headers.
func checkIndexedSubject(t *testing.T, ctx context.Context, natsURL, id string) {
	nc, err := nats.Connect(natsURL)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	cons, err := js.OrderedConsumer(ctx, "POLYWIRE", jetstream.OrderedConsumerConfig{FilterSubjects: []string{"polywire.indexed.ru.>"}})
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "seed story on polywire.indexed.ru.>", time.Minute, func() (bool, error) {
		batch, err := cons.Fetch(100, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			return false, err
		}
		found := false
		for m := range batch.Messages() {
			var s pipeline.Story
			if json.Unmarshal(m.Data(), &s) == nil && s.ID == id {
				want := pipeline.MsgID(s.ID, s.Version, pipeline.StageIndex)
				if got := m.Headers().Get(pipeline.HeaderMsgID); got != want {
					t.Errorf("Nats-Msg-Id %q, want %q", got, want)
				}
				found = true
			}
		}
		return found, batch.Error()
	})
}

func build(t *testing.T, out, pkg string) {
	t.Helper()
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go build %s: %v", pkg, err)
	}
}

// procSet starts processes that are stopped at cleanup and reports any
// that exited early, so a dying worker fails the test at once.
type procSet struct {
	mu     sync.Mutex
	exited []string
}

func (ps *procSet) alive() error {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if len(ps.exited) > 0 {
		return fmt.Errorf("processes exited: %v", ps.exited)
	}
	return nil
}

// start runs bin; its output goes to the test log when the test fails.
func (ps *procSet) start(t *testing.T, name string, env []string, bin string, args ...string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	out := &lockedWriter{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", name, err)
	}
	done := make(chan struct{})
	stopping := make(chan struct{})
	go func() {
		err := cmd.Wait()
		select {
		case <-stopping:
		default:
			ps.mu.Lock()
			ps.exited = append(ps.exited, fmt.Sprintf("%s (%v)", name, err))
			ps.mu.Unlock()
		}
		close(done)
	}()
	t.Cleanup(func() {
		close(stopping)
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("--- %s output:\n%s", name, out.String())
		}
	})
}

// writeConfig writes polywire.yaml and sources.yaml for the worker processes.
func writeConfig(t *testing.T, sources []config.Source, index string) string {
	dir := t.TempDir()
	srcYAML, err := yaml.Marshal(map[string]any{"sources": sources})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sources.yaml"), srcYAML, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := fmt.Sprintf("search:\n  backend: meilisearch\n  meilisearch:\n    index: %s\ntranslate:\n  targets: [en]\n  apertium:\n    start: never\nsources_file: sources.yaml\n", index)
	path := filepath.Join(dir, "polywire.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// lockedWriter collects a process's output from two pipes safely.
type lockedWriter struct {
	mu sync.Mutex
	b  strings.Builder
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *lockedWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}
