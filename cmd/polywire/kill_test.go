package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/polywire/polywire/internal/feedtest"
	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search"
)

// TestKillLeavesTheIndex runs the whole pipeline on an agency drop
// directory: a ninjs item is found by search, then the agency kills it (a
// newer version with pubstatus canceled) and the story leaves the index —
// through fetch, extract (no text needed), tag, translate and index.
func TestKillLeavesTheIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for a second poll")
	}
	dir := t.TempDir()
	drop := filepath.Join(dir, "drop")
	os.Mkdir(drop, 0o755)
	item := strings.ReplaceAll(feedtest.Agency(feedtest.NinjsItem, "usable", "", "Tokyo elects a new governor"), "{{BASE}}", "http://agency.invalid")
	writeAtomic(t, filepath.Join(drop, "0100.json"), item)
	os.WriteFile(filepath.Join(dir, "sources.yaml"), []byte(fmt.Sprintf(
		"sources:\n  - id: agency-drop\n    url: file://%s/\n    allow_private: true\n    pages: never\n    interval: 30s\n", drop)), 0o644)
	cfg := filepath.Join(dir, "polywire.yaml")
	os.WriteFile(cfg, []byte("translate:\n  targets: [en]\n  apertium: {start: never}\n"), 0o644)

	httpAddr := freeAddr(t)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan int, 1)
	go func() {
		done <- execute(ctx, []string{"run", "--config", cfg, "--data", filepath.Join(dir, "data"), "--http", httpAddr,
			"--nats-listen", "off", "--apertium-url", "http://" + freeAddr(t), "--log-level", "warn"}, nil, io.Discard, testLogWriter{t})
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	base := "http://" + httpAddr
	var id string
	waitFor(t, "agency item searchable", time.Minute, func() (bool, error) {
		var res search.Result
		_, err := getJSON(ctx, base, "/api/search", url.Values{"q": {"governor"}}, &res)
		if err != nil || res.Total == 0 {
			return false, err
		}
		id = res.Hits[0].ID
		return true, nil
	})

	// A kill as agencies send it: the same uri, a newer version, no text.
	kill := `{"uri": "urn:newsml:test.agency:20250610:wire-0100", "type": "text", "version": "4",
		"versioncreated": "2025-06-10T07:00:00+09:00", "pubstatus": "canceled", "language": "en",
		"headlines": [{"role": "main", "value": "KILL: Tokyo elects a new governor"}]}`
	writeAtomic(t, filepath.Join(drop, "0100.json"), kill)
	waitFor(t, "killed story gone from the index", 2*time.Minute, func() (bool, error) {
		var s pipeline.Story
		code, _ := getJSON(ctx, base, "/api/stories/"+id, nil, &s)
		var res search.Result
		_, err := getJSON(ctx, base, "/api/search", url.Values{"q": {"governor"}}, &res)
		return code == 404 && err == nil && res.Total == 0, err
	})
}

func writeAtomic(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path+".tmp", []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path+".tmp", path); err != nil {
		t.Fatal(err)
	}
}
