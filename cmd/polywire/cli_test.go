package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/polywire/polywire/pipeline"
)

// cli runs one command line in process and returns stdout, stderr and the
// exit status.
func cli(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := execute(t.Context(), args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestCLIUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no command", nil, 2, "usage: polywire COMMAND"},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"unknown flag", []string{"search", "--bogus"}, 2, "flag provided but not defined"},
		{"unknown stage", []string{"worker", "teleport"}, 2, `unknown stage "teleport"`},
		{"worker without stage", []string{"worker"}, 2, "name at least one stage"},
		{"replay without stage", []string{"replay"}, 2, "--from must be one of"},
		{"translate without languages", []string{"translate", "-"}, 2, "--from, --to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := cli(t, "", tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d containing %q", code, stderr, tt.code, tt.want)
			}
		})
	}
}

func TestParseInterleaved(t *testing.T) {
	_, stderr, code := cli(t, "", "worker", "extract", "tag", "--nats", "nats://127.0.0.1:1", "--search", "nonsense")
	// The flags after the stages were parsed: the bad backend is reported.
	if code != 1 || !strings.Contains(stderr, `unknown backend "nonsense"`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestSourcesCheckReportsEveryProblem(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "sources.yaml"), []byte("sources:\n  - id: Bad Id\n    url: ftp://x\n    bogus: 1\n"), 0o644)
	cfg := filepath.Join(dir, "polywire.yaml")
	os.WriteFile(cfg, []byte("search:\n  backend: elastic\n"), 0o644)
	stdout, _, code := cli(t, "", "sources", "check", "--config", cfg)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{"polywire.yaml:2: search.backend", "sources.yaml:2: sources[0].id", "sources.yaml:3: sources[0].url", "sources.yaml:4: sources[0].bogus"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("sources check output lacks %q:\n%s", want, stdout)
		}
	}
	stdout, _, code = cli(t, "", "sources", "check")
	if code != 0 || !strings.Contains(stdout, "ok: embedded defaults") {
		t.Errorf("embedded defaults: exit %d, %q", code, stdout)
	}
}

func TestFetchFileFeed(t *testing.T) {
	stdout, stderr, code := cli(t, "", "fetch", "../../internal/demo/corpus/site/feeds/efe-es.xml", "does-not-exist.xml")
	if code != 1 || !strings.Contains(stderr, "does-not-exist.xml") {
		t.Errorf("a missing file must be reported and fail the run: exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) < 10 {
		t.Fatalf("want the feed's items despite the bad input, got %d lines", len(lines))
	}
	var s pipeline.Story
	if err := json.Unmarshal([]byte(lines[0]), &s); err != nil {
		t.Fatal(err)
	}
	if s.Headline == "" || s.Language != "es" || s.Published.IsZero() || s.ID == "" {
		t.Errorf("first item: %+v", s)
	}
	if _, off := s.Published.Zone(); off != 2*3600 {
		t.Errorf("published %s lost its +02:00 offset", s.Published)
	}
}

func TestExtractDirectoryAndBadInput(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile("../../workers/extract/testdata/seed-wordpress.html")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "a-seed.html"), seed, 0o644)
	os.WriteFile(filepath.Join(dir, "b-binary.html"), []byte("\x00\x01\x02\xff\xfe"), 0o644)
	os.WriteFile(filepath.Join(dir, "ignored.txt"), []byte("not html"), 0o644)
	stdout, stderr, code := cli(t, "", "extract", dir)
	var lines []extractLine
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var x extractLine
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatalf("not a JSON line: %q", l)
		}
		lines = append(lines, x)
	}
	if len(lines) == 0 || !strings.HasSuffix(lines[0].File, "a-seed.html") {
		t.Fatalf("seed page not extracted: %+v", lines)
	}
	seedLine := lines[0]
	if !strings.HasPrefix(seedLine.Body, "Губернатор региона Александр Усс") || strings.Contains(seedLine.Body, "Добавить комментарий") {
		t.Errorf("seed body: %.200q", seedLine.Body)
	}
	if seedLine.Dateline == nil || seedLine.Dateline.Place != "ТОКИО" || seedLine.Dateline.Agency != "ТАСС" || seedLine.Language != "ru" {
		t.Errorf("seed dateline %+v language %q", seedLine.Dateline, seedLine.Language)
	}
	if strings.Contains(stdout, "ignored.txt") {
		t.Error("a directory contributes only *.html and *.html.gz files")
	}
	// The binary file is an error on stderr or an empty body with a reason;
	// either way the seed page was still processed.
	if strings.Contains(stderr, "b-binary.html") {
		if code != 1 {
			t.Errorf("a failed input must make the exit status 1, got %d", code)
		}
	} else if len(lines) != 2 || lines[1].Body != "" || lines[1].Reason == "" {
		t.Errorf("binary input neither failed nor explained: %+v", lines)
	}
}

func TestTagSeedCLI(t *testing.T) {
	text := "Губернатор региона Александр Усс отметил, что Красноярский край заинтересован в поставках в Японию."
	stdout, stderr, code := cli(t, text, "tag", "--lang", "ru", "--date", "2019-09-20", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Entities []pipeline.Mention `json:"entities"`
		Places   []pipeline.Entity  `json:"places"`
		People   []pipeline.Entity  `json:"people"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, p := range append(res.Places, res.People...) {
		ids[p.ID] = true
	}
	for _, want := range []string{"RU-KYA", "JP", "person:alexander-uss"} {
		if !ids[want] {
			t.Errorf("tag output lacks %s: %s", want, stdout)
		}
	}
	for _, m := range res.Entities {
		if got := string([]rune(text)[m.Start:m.End]); got != m.Text {
			t.Errorf("offsets %d..%d give %q, text says %q", m.Start, m.End, got, m.Text)
		}
	}

	stdout, _, code = cli(t, `{"id":"d1","lang":"ru","text":"Владимир Путин прибыл в Токио."}`+"\nnot json\n", "tag", "--jsonl")
	if code == 0 {
		t.Error("a bad JSONL line must fail the run (after the rest was processed)")
	}
	if !strings.Contains(stdout, `"id":"d1"`) || !strings.Contains(stdout, "person:vladimir-putin") {
		t.Errorf("jsonl output: %s", stdout)
	}
}

// TestWorkerMetrics runs one worker on an embedded server and scrapes its
// /metrics and /healthz like a Prometheus server would.
func TestWorkerMetrics(t *testing.T) {
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan int, 1)
	go func() {
		done <- execute(ctx, []string{"worker", "extract", "--data", t.TempDir(), "--metrics", addr, "--log-level", "error"},
			nil, io.Discard, io.Discard)
	}()
	defer func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("worker exited %d", code)
		}
	}()
	var health struct{ Status string }
	waitFor(t, "worker /healthz answers", time.Minute, func() (bool, error) {
		_, err := getJSON(ctx, "http://"+addr, "/healthz", nil, &health)
		return err == nil, err
	})
	if health.Status != "ok" {
		t.Errorf("healthz status %q", health.Status)
	}
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(body), "go_goroutines") {
		t.Errorf("/metrics lacks the Go collector:\n%.300s", body)
	}
}

// TestREADMESourcesExampleIsValid keeps the README's sources.yaml example
// true to the code: it must pass `sources check`.
func TestREADMESourcesExampleIsValid(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "```yaml\nsources:\n")
	if !ok {
		t.Fatal("README has no ```yaml sources: example")
	}
	block, _, _ = strings.Cut(block, "```")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "sources.yaml"), []byte("sources:\n"+block), 0o644)
	cfg := filepath.Join(dir, "polywire.yaml")
	os.WriteFile(cfg, []byte("sources_file: sources.yaml\n"), 0o644)
	stdout, _, code := cli(t, "", "sources", "check", "--config", cfg)
	if code != 0 || !strings.Contains(stdout, "3 sources") {
		t.Errorf("README example fails sources check (exit %d):\n%s", code, stdout)
	}
}
