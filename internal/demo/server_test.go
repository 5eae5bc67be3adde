package demo

import (
	"context"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestSources(t *testing.T) {
	s := startServer(t)
	srcs := s.Sources()
	if len(srcs) < 5 {
		t.Fatalf("%d sources, want at least 5", len(srcs))
	}
	seen := map[string]bool{}
	for _, src := range srcs {
		if seen[src.ID] {
			t.Errorf("duplicate source id %q", src.ID)
		}
		seen[src.ID] = true
		if !src.AllowPrivate || !strings.HasPrefix(src.URL, s.URL()+"/feeds/") {
			t.Errorf("%s: URL %q, AllowPrivate %v", src.ID, src.URL, src.AllowPrivate)
		}
		if src.Language == "" || src.TimeZone == "" || src.Name == "" || src.Interval <= 0 {
			t.Errorf("%s: incomplete source %+v", src.ID, src)
		}
	}
	items := s.Items()
	for i := 1; i < len(items); i++ {
		prev, cur := items[i-1], items[i]
		if prev.Source == cur.Source && cur.Published.Before(prev.Published) {
			t.Errorf("Items(): %s before %s in %s", prev.GUID, cur.GUID, cur.Source)
		}
	}
	if !strings.HasPrefix(s.URL(), "http://127.0.0.1:") {
		t.Errorf("URL() = %q, want loopback", s.URL())
	}
}

// TestGUIDsIndependentOfPort: two servers (two ports) give the same GUIDs,
// so story ids survive a restart of `run --demo`.
func TestGUIDsIndependentOfPort(t *testing.T) {
	a, b := startServer(t), startServer(t)
	if a.URL() == b.URL() {
		t.Fatalf("both servers at %s", a.URL())
	}
	guids := func(s *Server) []string {
		var out []string
		for _, it := range s.Items() {
			out = append(out, it.GUID)
		}
		return out
	}
	ga, gb := guids(a), guids(b)
	if !slices.Equal(ga, gb) {
		t.Error("GUIDs differ between servers")
	}
	slices.Sort(ga)
	if len(slices.Compact(ga)) != len(a.Items()) {
		t.Error("GUIDs are not unique")
	}
}

func TestResponses(t *testing.T) {
	s := startServer(t)
	seed := ""
	for _, it := range s.Items() {
		if it.Headline == seedHeadline {
			seed = it.URL
		}
	}
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	tests := []struct {
		name, method, url string
		want              int
		location          string
	}{
		{name: "index", method: http.MethodGet, url: s.URL() + "/", want: http.StatusOK},
		{name: "robots", method: http.MethodGet, url: s.URL() + "/robots.txt", want: http.StatusOK},
		{name: "head feed", method: http.MethodHead, url: sourceURL(t, s, "efe-es"), want: http.StatusOK},
		{name: "unknown path", method: http.MethodGet, url: s.URL() + "/nope.html", want: http.StatusNotFound},
		{name: "post", method: http.MethodPost, url: sourceURL(t, s, "sibnews"), want: http.StatusMethodNotAllowed},
		{name: "permalink without slash", method: http.MethodGet, url: strings.TrimSuffix(seed, "/"), want: http.StatusMovedPermanently, location: strings.TrimPrefix(seed, s.URL())},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, tt.url, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := noRedirect.Do(req)
			if err != nil {
				t.Fatalf("%s %s: %v", tt.method, tt.url, err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.want)
			}
			if loc := resp.Header.Get("Location"); loc != tt.location {
				t.Errorf("Location = %q, want %q", loc, tt.location)
			}
		})
	}
}

// TestConditionalGet: a second poll with the validators of the first gets
// 304, as from a real site.
func TestConditionalGet(t *testing.T) {
	s := startServer(t)
	for _, src := range s.Sources() {
		t.Run(src.ID, func(t *testing.T) {
			first, _ := get(t, src.URL)
			tests := []struct{ header, value string }{
				{"If-None-Match", first.Header.Get("ETag")},
				{"If-Modified-Since", first.Header.Get("Last-Modified")},
			}
			for _, tt := range tests {
				if tt.value == "" {
					t.Fatalf("first response has no validator for %s", tt.header)
				}
				req, _ := http.NewRequest(http.MethodGet, src.URL, nil)
				req.Header.Set(tt.header, tt.value)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusNotModified {
					t.Errorf("%s: status %d, want 304", tt.header, resp.StatusCode)
				}
			}
		})
	}
}

func TestClose(t *testing.T) {
	t.Run("explicit, twice", func(t *testing.T) {
		s, err := Start(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		url := s.URL() + "/robots.txt"
		for i := range 2 {
			if err := s.Close(); err != nil {
				t.Fatalf("Close #%d: %v", i+1, err)
			}
		}
		if resp, err := newClient().Get(url); err == nil {
			resp.Body.Close()
			t.Error("server still answers after Close")
		}
	})
	t.Run("context done", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		s, err := Start(ctx, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		cancel()
		<-s.done // closed once the server is shut
		if resp, err := newClient().Get(s.URL() + "/robots.txt"); err == nil {
			resp.Body.Close()
			t.Error("server still answers after its context was cancelled")
		}
		if err := s.Close(); err != nil {
			t.Errorf("Close after cancel: %v", err)
		}
	})
}

// newClient has its own transport, so no kept-alive connection hides a
// closed listener.
func newClient() *http.Client { return &http.Client{Transport: &http.Transport{}} }

func TestStartAtFallsBackWhenTaken(t *testing.T) {
	first, err := StartAt(t.Context(), "127.0.0.1:0", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	addr := strings.TrimPrefix(first.URL(), "http://")
	second, err := StartAt(t.Context(), addr, nil)
	if err != nil {
		t.Fatalf("a taken address must fall back to a free port: %v", err)
	}
	defer second.Close()
	if second.URL() == first.URL() {
		t.Errorf("both servers on %s", first.URL())
	}
}
