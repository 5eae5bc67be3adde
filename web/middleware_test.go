package web

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/polywire/polywire/search"
)

// panickyIndex is a test double whose Search panics.
type panickyIndex struct{ *fakeIndex }

func (panickyIndex) Search(context.Context, search.Query) (*search.Result, error) {
	panic("index exploded")
}

// logLines decodes JSON log lines.
func logLines(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

func TestRequestLogging(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h := New(Options{Index: fixtureIndex(t), Logger: log})
	get(t, h, "/api/search?size=0")
	lines := logLines(t, &buf)
	if len(lines) != 1 {
		t.Fatalf("want one log line, got %v", lines)
	}
	l := lines[0]
	if l["level"] != "DEBUG" || l["method"] != "GET" || l["path"] != "/api/search" || l["status"] != float64(400) {
		t.Errorf("log line %v", l)
	}
	if _, ok := l["duration_ms"]; !ok {
		t.Errorf("no duration_ms in %v", l)
	}
}

func TestPanicBecomes500(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	h := New(Options{Index: panickyIndex{fixtureIndex(t)}, Logger: log})
	rec := get(t, h, "/api/search?q=x")
	if rec.Code != http.StatusInternalServerError || decodeError(t, rec) != "internal error" {
		t.Fatalf("got %d %s", rec.Code, rec.Body)
	}
	lines := logLines(t, &buf)
	if len(lines) != 1 || lines[0]["level"] != "ERROR" || !strings.Contains(lines[0]["stack"].(string), "panickyIndex") {
		t.Errorf("panic not logged with its stack: %v", lines)
	}
	if rec.Header().Get("Content-Security-Policy") == "" {
		t.Errorf("security headers lost on the panic path")
	}
}

func TestBackendErrorLoggedWithStoryID(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelWarn}))
	idx := fixtureIndex(t)
	idx.err = context.DeadlineExceeded
	get(t, New(Options{Index: idx, Logger: log}), "/api/stories/"+seedID)
	lines := logLines(t, &buf)
	if len(lines) != 1 || lines[0]["story_id"] != seedID || lines[0]["error"] != "context deadline exceeded" {
		t.Errorf("log %v", lines)
	}
}
