package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// golden compares got (JSON) with testdata/name, indented.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Indent(&buf, got, "", "  "); err != nil {
		t.Fatalf("response is not JSON: %v", err)
	}
	path := "testdata/" + name
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("%s differs from golden:\n%s", path, buf.String())
	}
}

func TestAPISearchGolden(t *testing.T) {
	h := New(Options{Index: fixtureIndex(t)})
	tests := []struct{ name, target, file string }{
		{"region is hierarchical, second page", "/api/search?region=RU&size=2&page=2", "search-region-ru-page2.golden.json"},
		{"text with highlight", "/api/search?q=Tokyo", "search-text-tokyo.golden.json"},
		{"no match has empty arrays", "/api/search?q=nothing-matches-this", "search-empty.golden.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, tt.target)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			golden(t, tt.file, rec.Body.Bytes())
		})
	}
}

func TestAPISearchShape(t *testing.T) {
	h := New(Options{Index: fixtureIndex(t)})
	rec := get(t, h, "/api/search?q=&language=ru")
	var got map[string]json.RawMessage
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"total", "page", "size", "hits", "facets"} {
		if _, ok := got[k]; !ok {
			t.Errorf("missing %q in %s", k, rec.Body)
		}
	}
	var res search.Result
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != seedID {
		t.Fatalf("language=ru: got %+v", res)
	}
	hit := res.Hits[0]
	if hit.Agency != "TASS" || hit.Source != "sibnews" || len(hit.Places) != 3 || len(hit.People) != 4 {
		t.Errorf("hit summary incomplete: %+v", hit)
	}
	if !hit.Published.Equal(time.Date(2019, 9, 20, 11, 5, 0, 0, time.UTC)) {
		t.Errorf("published %v", hit.Published)
	}
	for _, f := range []string{"region", "person", "language", "source"} {
		if len(res.Facets[f]) == 0 {
			t.Errorf("facet %q empty", f)
		}
	}
}

func TestAPISearchPassesParsedQuery(t *testing.T) {
	idx := fixtureIndex(t)
	h := New(Options{Index: idx})
	rec := get(t, h, "/api/search?q=Усс&region=ru&from=2019-09-01&to=2019-09-20&size=500&page=2")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	q, _ := idx.lastQuery()
	wantTo := time.Date(2019, 9, 21, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
	if q.Text != "Усс" || q.Region != "RU" || q.Size != 100 || q.Page != 2 || !q.To.Equal(wantTo) {
		t.Errorf("index got %+v", q)
	}
	var res search.Result
	_ = json.Unmarshal(rec.Body.Bytes(), &res)
	if res.Size != 100 || res.Page != 2 {
		t.Errorf("response page/size %d/%d, want 2/100", res.Page, res.Size)
	}
}

func TestAPISearchBadParams(t *testing.T) {
	idx := fixtureIndex(t)
	h := New(Options{Index: idx})
	tests := []struct{ name, target, param string }{
		{"from", "/api/search?from=20.09.2019", "from"},
		{"to", "/api/search?to=tomorrow", "to"},
		{"page", "/api/search?page=-1", "page"},
		{"size", "/api/search?size=abc", "size"},
		{"region", "/api/search?region=a%0Ab", "region"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, tt.target)
			if rec.Code != http.StatusBadRequest {
				t.Fatalf("status %d, want 400", rec.Code)
			}
			if msg := decodeError(t, rec); !strings.Contains(msg, `"`+tt.param+`"`) {
				t.Errorf("error %q does not name %q", msg, tt.param)
			}
		})
	}
	if _, calls := idx.lastQuery(); calls != 0 {
		t.Errorf("index searched %d times for bad requests", calls)
	}
}

func TestAPIBackendErrors(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		status int
	}{
		{"failure", errors.New("disk on fire"), http.StatusInternalServerError},
		{"timeout", context.DeadlineExceeded, http.StatusGatewayTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			idx := fixtureIndex(t)
			idx.err = tt.err
			h := New(Options{Index: idx})
			for _, target := range []string{"/api/search?q=x", "/api/stories/" + seedID} {
				rec := get(t, h, target)
				if rec.Code != tt.status {
					t.Errorf("%s: status %d, want %d", target, rec.Code, tt.status)
				}
				if msg := decodeError(t, rec); strings.Contains(msg, "fire") {
					t.Errorf("%s: backend detail leaked to client: %q", target, msg)
				}
			}
		})
	}
}

func TestAPIStory(t *testing.T) {
	h := New(Options{Index: fixtureIndex(t)})
	t.Run("known", func(t *testing.T) {
		rec := get(t, h, "/api/stories/"+seedID)
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		var st pipeline.Story
		if err := json.Unmarshal(rec.Body.Bytes(), &st); err != nil {
			t.Fatal(err)
		}
		if st.ID != seedID || st.Agency != "TASS" || st.Dateline == nil || st.Dateline.Place != "ТОКИО" ||
			st.Translations["en"].Status != pipeline.TranslationNoEngine {
			t.Errorf("story round trip lost data: %+v", st)
		}
		if !strings.Contains(rec.Body.String(), `"published":"2019-09-20T14:05:00+03:00"`) {
			t.Errorf("published offset not kept: %s", rec.Body)
		}
	})
	t.Run("unknown", func(t *testing.T) {
		rec := get(t, h, "/api/stories/nope")
		if rec.Code != http.StatusNotFound {
			t.Fatalf("status %d", rec.Code)
		}
		if msg := decodeError(t, rec); !strings.Contains(msg, "nope") {
			t.Errorf("error %q", msg)
		}
	})
}

func TestAPIUnknownEndpointAndMethod(t *testing.T) {
	h := New(Options{Index: fixtureIndex(t)})
	if rec := get(t, h, "/api/nothing"); rec.Code != http.StatusNotFound || decodeError(t, rec) == "" {
		t.Errorf("/api/nothing: %d %s", rec.Code, rec.Body)
	}
	for _, target := range []string{"/api/search", "/", "/healthz"} {
		if rec := do(t, h, http.MethodPost, target); rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("POST %s: %d, want 405", target, rec.Code)
		}
		if rec := do(t, h, http.MethodHead, target); rec.Code != http.StatusOK {
			t.Errorf("HEAD %s: %d, want 200", target, rec.Code)
		}
	}
}

func TestHealthz(t *testing.T) {
	tests := []struct {
		name   string
		health func(context.Context) error
		status int
		want   string
	}{
		{"nil is ok", nil, http.StatusOK, `{"status":"ok"}`},
		{"healthy", func(context.Context) error { return nil }, http.StatusOK, `{"status":"ok"}`},
		{"unhealthy", func(context.Context) error { return errors.New("nats: no servers available") },
			http.StatusServiceUnavailable, `{"error":"nats: no servers available","status":"unavailable"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, New(Options{Index: fixtureIndex(t), Health: tt.health}), "/healthz")
			if rec.Code != tt.status || strings.TrimSpace(rec.Body.String()) != tt.want {
				t.Errorf("got %d %s, want %d %s", rec.Code, rec.Body, tt.status, tt.want)
			}
		})
	}
}

func TestMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "polywire_test_stories_total", Help: "test"})
	reg.MustRegister(c)
	c.Add(3)
	t.Run("with gatherer", func(t *testing.T) {
		rec := get(t, New(Options{Index: fixtureIndex(t), Gatherer: reg}), "/metrics")
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "polywire_test_stories_total 3") {
			t.Errorf("got %d %s", rec.Code, rec.Body)
		}
	})
	t.Run("nil gatherer", func(t *testing.T) {
		if rec := get(t, New(Options{Index: fixtureIndex(t)}), "/metrics"); rec.Code != http.StatusNotFound {
			t.Errorf("got %d, want 404", rec.Code)
		}
	})
}

func TestSecurityHeadersEverywhere(t *testing.T) {
	h := New(Options{Index: fixtureIndex(t)})
	for _, target := range []string{"/", "/stories/" + seedID, "/api/search", "/api/stories/x", "/healthz", "/nope"} {
		t.Run(target, func(t *testing.T) {
			rec := get(t, h, target)
			csp := rec.Header().Get("Content-Security-Policy")
			if !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "style-src 'self' 'unsafe-inline'") {
				t.Errorf("CSP %q", csp)
			}
			if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", got)
			}
		})
	}
}

func TestNilIndexAnswers500(t *testing.T) {
	h := New(Options{})
	for _, target := range []string{"/", "/api/search", "/healthz"} {
		if rec := get(t, h, target); rec.Code != http.StatusInternalServerError {
			t.Errorf("%s: %d, want 500", target, rec.Code)
		}
	}
}
