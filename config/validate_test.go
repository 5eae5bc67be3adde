package config

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// src renders a sources.yaml whose first entry is valid and whose second
// entry (line 5 on) carries extra lines.
func src(extra string) string {
	return validSource + "  - id: second\n    url: https://example.org/feed\n" + extra
}

func TestValidateProblems(t *testing.T) {
	tests := []struct {
		name     string
		cfg      string
		sources  string
		field    string
		line     int // 0: do not check
		contains string
	}{
		{"duplicate id", "{}", validSource + "  - id: tass-en\n    url: https://x.org/\n", "sources[1].id", 5, `duplicate source id "tass-en"`},
		{"id not a subject token", "{}", "sources:\n  - id: TASS EN\n    url: https://x.org/\n", "sources[0].id", 2, `"TASS EN" is not a valid id`},
		{"id with dot", "{}", "sources:\n  - id: tass.en\n    url: https://x.org/\n", "sources[0].id", 2, "not a valid id"},
		{"missing id", "{}", "sources:\n  - url: https://x.org/\n", "sources[0].id", 2, "missing id"},
		{"missing url", "{}", "sources:\n  - id: a\n", "sources[0].url", 2, "missing url"},
		{"ftp scheme", "{}", src("    language: en\n  - id: third\n    url: ftp://x.org/feed\n"), "sources[2].url", 9, `scheme "ftp" not supported (use http, https or file)`},
		{"url without host", "{}", "sources:\n  - id: a\n    url: https:///feed\n", "sources[0].url", 3, "has no host"},
		{"language not iso 639-1", "{}", src("    language: english\n"), "sources[1].language", 7, `"english" is not an ISO 639-1 language`},
		{"language upper case", "{}", src("    language: RU\n"), "sources[1].language", 7, "not an ISO 639-1"},
		{"language unknown code", "{}", src("    language: qq\n"), "sources[1].language", 7, "not an ISO 639-1"},
		{"unknown timezone", "{}", src("    timezone: Mars/Olympus\n"), "sources[1].timezone", 7, `unknown time zone "Mars/Olympus"`},
		{"bad identity pattern", "{}", src("    identity:\n      pattern: '(('\n"), "sources[1].identity.pattern", 8, "bad pattern"},
		{"bad identity field", "{}", src("    identity:\n      field: title\n"), "sources[1].identity.field", 8, `unknown value "title"`},
		{"bad pages", "{}", src("    pages: sometimes\n"), "sources[1].pages", 7, `unknown value "sometimes"`},
		{"bad keep selector", "{}", src("    extract:\n      keep: ['div[']\n"), "sources[1].extract.keep[0]", 8, "bad selector"},
		{"bad drop selector", "{}", src("    extract:\n      drop: [p, 'a::']\n"), "sources[1].extract.drop[1]", 8, "bad selector"},
		{"min above max", "{}", src("    min_interval: 10m\n    max_interval: 5m\n"), "sources[1].min_interval", 7, "> max_interval"},
		{"interval too short", "{}", src("    interval: 10s\n"), "sources[1].interval", 7, "too short"},
		{"interval above max", "{}", src("    interval: 1h\n    max_interval: 30m\n"), "sources[1].interval", 7, "> max_interval"},
		{"bad duration", "{}", src("    interval: 5 minutes\n"), "sources[1].interval", 7, `"5 minutes" is not a duration`},
		{"unknown source key", "{}", src("    intervall: 5m\n"), "sources[1].intervall", 7, `unknown key "intervall" (did you mean "interval"?)`},
		{"bad header name", "{}", src("    headers:\n      'X Key': v\n"), "sources[1].headers.X Key", 8, "not a valid header name"},
		{"negative stale_after", "{}", src("    stale_after: -1h\n"), "sources[1].stale_after", 7, "negative"},
		{"bad kill pattern", "{}", src("    kill_pattern: '(KILL'\n"), "sources[1].kill_pattern", 7, "bad pattern"},
		{"unknown zone", "{}", src("    zones:\n      CST: China/Beijing\n"), "sources[1].zones.CST", 8, `unknown zone "China/Beijing"`},
		{"bad zone abbreviation", "{}", src("    zones:\n      'C S T': '+0800'\n"), "sources[1].zones.C S T", 8, "not a zone abbreviation"},
		{"per-host concurrency out of range", "fetch:\n  per_host_concurrency: 500\n", validSource, "fetch.per_host_concurrency", 2, "out of range"},
		{"body limit too small", "fetch:\n  max_body_bytes: 10\n", validSource, "fetch.max_body_bytes", 2, "too small"},
		{"wrong type", "{}", src("    disabled: maybe\n"), "sources[1].disabled", 7, "cannot unmarshal"},
		{"unknown backend", "search:\n  backend: elastic\n", validSource, "search.backend", 2, `unknown backend "elastic"`},
		{"meilisearch without url", "search:\n  backend: meilisearch\n", validSource, "search.meilisearch.url", 0, "required"},
		{"meilisearch bad url", "search:\n  backend: meilisearch\n  meilisearch:\n    url: localhost:7700\n", validSource, "search.meilisearch.url", 4, "not supported"},
		{"bad index name", "search:\n  meilisearch:\n    index: 'my index'\n", validSource, "search.meilisearch.index", 3, "not a valid index name"},
		{"bad http listen", "http:\n  listen: 8080\n", validSource, "http.listen", 2, "not a listen address"},
		{"bad nats url", "nats:\n  url: http://x:4222\n", validSource, "nats.url", 2, "not supported"},
		{"max payload too big", "nats:\n  max_payload: 1000000000\n", validSource, "nats.max_payload", 2, "out of range"},
		{"negative attempts", "pipeline:\n  max_attempts: -1\n", validSource, "pipeline.max_attempts", 2, "-1 attempts"},
		{"negative backoff", "pipeline:\n  backoff: [1s, -5s]\n", validSource, "pipeline.backoff[1]", 2, "not positive"},
		{"bad concurrency", "pipeline:\n  concurrency: -3\n", validSource, "pipeline.concurrency", 2, "out of range"},
		{"bad target language", "translate:\n  targets: [en, jp]\n", validSource, "translate.targets[1]", 2, `"jp" is not an ISO 639-1`},
		{"duplicate target", "translate:\n  targets: [en, en]\n", validSource, "translate.targets[1]", 2, "duplicate target"},
		{"bad apertium start", "translate:\n  apertium:\n    start: always\n", validSource, "translate.apertium.start", 3, `unknown value "always"`},
		{"libretranslate url without scheme", "translate:\n  libretranslate:\n    url: localhost:5000\n", validSource, "translate.libretranslate.url", 3, `scheme "localhost" not supported`},
		{"libretranslate ftp url", "translate:\n  libretranslate:\n    url: ftp://lt.example.org\n", validSource, "translate.libretranslate.url", 3, `scheme "ftp" not supported (use http or https)`},
		{"libretranslate negative timeout", "translate:\n  libretranslate:\n    url: http://127.0.0.1:5000\n    timeout: -5s\n", validSource, "translate.libretranslate.timeout", 4, "not positive"},
		{"libretranslate unknown key", "translate:\n  libretranslate:\n    apikey: x\n", validSource, "translate.libretranslate.apikey", 3, `did you mean "api_key"?`},
		{"unknown top-level key", "datadir: x\n", validSource, "datadir", 1, `did you mean "data_dir"?`},
		{"unknown nested key", "http:\n  port: 80\n", validSource, "http.port", 2, `unknown key "port"`},
		{"missing gazetteer dir", "gazetteer_dirs: [nope]\n", validSource, "gazetteer_dirs[0]", 1, "not found"},
		{"yaml syntax", "http: [\n", validSource, "", 0, "not valid YAML"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeConfig(t, tc.cfg, tc.sources)
			_, err := Load(path)
			if err == nil {
				t.Fatal("want a problem, got none")
			}
			p := findProblem(Problems(err), tc.field, tc.contains)
			if p == nil {
				t.Fatalf("no problem on %q containing %q in:\n%v", tc.field, tc.contains, err)
			}
			if tc.line != 0 && p.Line != tc.line {
				t.Fatalf("problem at line %d, want %d: %v", p.Line, tc.line, p)
			}
			if tc.field != "" && !strings.HasPrefix(filepath.Base(p.File), map[bool]string{true: "sources", false: "polywire"}[strings.HasPrefix(tc.field, "sources")]) {
				t.Fatalf("problem in file %s: %v", p.File, p)
			}
		})
	}
}

func findProblem(ps []*Problem, field, contains string) *Problem {
	for _, p := range ps {
		if (field == "" || p.Field == field) && strings.Contains(p.Error(), contains) {
			return p
		}
	}
	return nil
}

func TestValidateReportsEveryProblem(t *testing.T) {
	path := writeConfig(t, "search:\n  backend: solr\ntranslate:\n  targets: [xx]\n",
		"sources:\n  - id: A\n    url: ftp://x\n    timezone: Nowhere\n    language: zz\n  - id: b\n    url: https://x.org\n    pages: maybe\n")
	_, err := Load(path)
	ps := Problems(err)
	if len(ps) != 7 {
		t.Fatalf("want 7 problems, got %d:\n%v", len(ps), err)
	}
}

func TestValidateWithoutPositions(t *testing.T) {
	cfg := &Config{}
	cfg.setDefaults()
	cfg.Sources = []Source{{ID: "x", URL: "gopher://x"}}
	ps := Problems(cfg.Validate())
	if len(ps) != 1 || ps[0].File != "" || ps[0].Field != "sources[0].url" {
		t.Fatalf("problems %v", ps)
	}
}

func TestNatsListenOff(t *testing.T) {
	if _, err := Load(writeConfig(t, "nats:\n  listen: \"off\"\n", validSource)); err != nil {
		t.Fatal(err)
	}
}

func TestIsLanguage(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{{"en", true}, {"ru", true}, {"ja", true}, {"uk", true}, {"jp", false}, {"EN", false}, {"eng", false}, {"", false}, {"zz", false}} {
		t.Run(tc.in, func(t *testing.T) {
			if IsLanguage(tc.in) != tc.want {
				t.Fatalf("IsLanguage(%q) != %v", tc.in, tc.want)
			}
		})
	}
}

func TestAnchorsAndMergeKeys(t *testing.T) {
	sources := `sources:
  - &tass
    id: tass-en
    url: https://tass.com/rss/v2.xml
    agency: TASS
    timezone: Europe/Moscow
    interval: 10m
  - <<: *tass
    id: tass-ru
    url: https://tass.ru/rss/v2.xml
`
	cfg, err := Load(writeConfig(t, "{}\n", sources))
	if err != nil {
		t.Fatal(err)
	}
	ru := cfg.Sources[1]
	if ru.Agency != "TASS" || ru.Interval.D() != 10*time.Minute || ru.URL != "https://tass.ru/rss/v2.xml" {
		t.Fatalf("merged source %+v", ru)
	}
	t.Run("unknown key inside a merged anchor", func(t *testing.T) {
		bad := strings.Replace(sources, "agency: TASS", "agencyy: TASS", 1)
		_, err := Load(writeConfig(t, "{}\n", bad))
		if findProblem(Problems(err), "sources[0].agencyy", "unknown key") == nil {
			t.Fatalf("problems: %v", err)
		}
	})
}
