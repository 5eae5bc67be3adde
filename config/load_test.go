package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const validSource = `sources:
  - id: tass-en
    url: https://tass.com/rss/v2.xml
    language: en
`

// writeConfig writes polywire.yaml and sources.yaml into a temp dir and
// returns the polywire.yaml path.
func writeConfig(t *testing.T, cfg, sources string) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "polywire.yaml"), cfg)
	if sources != "" {
		write(t, filepath.Join(dir, "sources.yaml"), sources)
	}
	return filepath.Join(dir, "polywire.yaml")
}

// write replaces path atomically (temp file + rename), as admins and
// deployment tools should, so a watcher never sees it half-written.
func write(t *testing.T, path, data string) {
	t.Helper()
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func TestLoadEmbeddedDefaults(t *testing.T) {
	cfg, err := Load("")
	if err != nil {
		t.Fatalf("embedded defaults invalid: %v", err)
	}
	if len(cfg.Sources) < 4 {
		t.Fatalf("want realistic default sources, got %d", len(cfg.Sources))
	}
	for _, s := range cfg.Sources {
		if s.Interval == 0 || s.Pages == "" || s.Identity.Field == "" || s.StaleAfter == 0 {
			t.Errorf("source %s lacks defaults: %+v", s.ID, s)
		}
	}
}

func TestSetDefaults(t *testing.T) {
	cfg, err := Load(writeConfig(t, "{}\n", validSource))
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"data_dir", cfg.DataDir, "./data"},
		{"http.listen", cfg.HTTP.Listen, "127.0.0.1:8080"},
		{"nats.listen", cfg.NATS.Listen, "127.0.0.1:4222"},
		{"nats.max_payload", cfg.NATS.MaxPayload, 8 << 20},
		{"pipeline.max_attempts", cfg.Pipeline.MaxAttempts, 5},
		{"pipeline.backoff", len(cfg.Pipeline.Backoff), 4},
		{"pipeline.backoff[3]", cfg.Pipeline.Backoff[3].D(), 2 * time.Minute},
		{"pipeline.retention", cfg.Pipeline.Retention.D(), 720 * time.Hour},
		{"pipeline.concurrency", cfg.Pipeline.Concurrency, 2},
		{"search.backend", cfg.Search.Backend, "bleve"},
		{"search.meilisearch.index", cfg.Search.Meilisearch.Index, "stories"},
		{"translate.targets", strings.Join(cfg.Translate.Targets, ","), "en,ru"},
		{"translate.apertium.url", cfg.Translate.Apertium.URL, "http://127.0.0.1:2737"},
		{"translate.apertium.start", cfg.Translate.Apertium.Start, "auto"},
		{"translate.apertium.timeout", cfg.Translate.Apertium.Timeout.D(), time.Minute},
		{"translate.libretranslate.url", cfg.Translate.LibreTranslate.URL, ""},
		{"translate.libretranslate.timeout", cfg.Translate.LibreTranslate.Timeout.D(), time.Minute},
		{"sources[0].interval", cfg.Sources[0].Interval.D(), 5 * time.Minute},
		{"sources[0].pages", cfg.Sources[0].Pages, "auto"},
		{"sources[0].identity.field", cfg.Sources[0].Identity.Field, "guid"},
		{"sources[0].stale_after", cfg.Sources[0].StaleAfter.D(), 24 * time.Hour},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Fatalf("got %v, want %v", c.got, c.want)
			}
		})
	}
}

func TestLoadSourcesFileResolution(t *testing.T) {
	t.Run("explicit sources_file relative to config", func(t *testing.T) {
		path := writeConfig(t, "sources_file: feeds/mine.yaml\n", "")
		os.MkdirAll(filepath.Join(filepath.Dir(path), "feeds"), 0o755)
		write(t, filepath.Join(filepath.Dir(path), "feeds", "mine.yaml"), validSource)
		cfg, err := Load(path)
		if err != nil || len(cfg.Sources) != 1 || cfg.Sources[0].ID != "tass-en" {
			t.Fatalf("cfg %+v err %v", cfg, err)
		}
	})
	t.Run("explicit sources_file missing is an error", func(t *testing.T) {
		if _, err := Load(writeConfig(t, "sources_file: nope.yaml\n", "")); err == nil {
			t.Fatal("want an error")
		}
	})
	t.Run("implicit sources.yaml missing uses embedded sources", func(t *testing.T) {
		cfg, err := Load(writeConfig(t, "data_dir: /tmp/x\n", ""))
		if err != nil || len(cfg.Sources) == 0 {
			t.Fatalf("sources %d err %v", len(cfg.Sources), err)
		}
	})
	t.Run("missing config file", func(t *testing.T) {
		cfg, err := Load(filepath.Join(t.TempDir(), "none.yaml"))
		if err == nil || cfg != nil {
			t.Fatalf("cfg %v err %v", cfg, err)
		}
	})
}

func TestLoadSources(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sources.yaml")
	write(t, path, validSource+"  - id: tass-en\n    url: ftp://x/\n")
	srcs, err := LoadSources(path)
	if len(srcs) != 2 || srcs[0].Interval == 0 {
		t.Fatalf("sources %+v", srcs)
	}
	ps := Problems(err)
	if len(ps) != 2 {
		t.Fatalf("want 2 problems (duplicate id, ftp), got %v", err)
	}
	if ps[0].File != path || ps[0].Line != 5 {
		t.Fatalf("problem located at %s:%d", ps[0].File, ps[0].Line)
	}
}

func TestProblemError(t *testing.T) {
	tests := []struct {
		name string
		p    Problem
		want string
	}{
		{"full", Problem{File: "sources.yaml", Line: 12, Field: "sources[3].url", Message: `scheme "ftp" not supported`, Hint: "use http, https or file"},
			`sources.yaml:12: sources[3].url: scheme "ftp" not supported (use http, https or file)`},
		{"no line", Problem{File: "polywire.yaml", Field: "search.backend", Message: "bad"}, "polywire.yaml: search.backend: bad"},
		{"bare", Problem{Message: "bad"}, "bad"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.p.Error(); got != tc.want {
				t.Fatalf("got %q", got)
			}
		})
	}
}

func TestProblemsSortedByFileAndLine(t *testing.T) {
	path := writeConfig(t, "search:\n  backend: solr\nhttp:\n  listen: x\n",
		"sources:\n  - id: B\n    url: ftp://x\n  - id: a\n    url: https://x.org\n    pages: maybe\n")
	_, err := Load(path)
	ps := Problems(err)
	for i := 1; i < len(ps); i++ {
		a, b := ps[i-1], ps[i]
		if a.File > b.File || (a.File == b.File && a.Line > b.Line) {
			t.Fatalf("problems out of order:\n%v", err)
		}
	}
	if len(ps) != 5 {
		t.Fatalf("want 5 problems, got:\n%v", err)
	}
}

func TestEmptySourcesFileIsAProblem(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "sources.yaml"), "  \n")
	path := filepath.Join(dir, "polywire.yaml")
	write(t, path, "sources_file: sources.yaml\n")
	_, err := Load(path)
	if p := findProblem(Problems(err), "sources", "empty"); p == nil {
		t.Fatalf("an empty sources file must be reported, got %v", err)
	}
	write(t, filepath.Join(dir, "sources.yaml"), "sources: []\n")
	if _, err := Load(path); err != nil {
		t.Fatalf("an explicit empty list is valid: %v", err)
	}
}
