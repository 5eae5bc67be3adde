package feedtest

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

func get(t *testing.T, s *Server, path string, header http.Header) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, s.Link(path), nil)
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultTransport.RoundTrip(req) // no redirects, no decompression
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, body
}

func TestRoutes(t *testing.T) {
	s := New()
	defer s.Close()
	tests := []struct {
		name, path string
		header     http.Header
		status     int
		check      func(*http.Response, []byte) bool
	}{
		{"rss filled with base", "/rss.xml", nil, 200, func(_ *http.Response, b []byte) bool { return strings.Contains(string(b), s.URL+"/news/1") }},
		{"windows-1251 is not utf-8 and declares it", "/cp1251.xml", nil, 200, func(_ *http.Response, b []byte) bool {
			return !utf8.Valid(b) && strings.Contains(string(b), `encoding="windows-1251"`)
		}},
		{"koi8-r only in the header", "/koi8.xml", nil, 200, func(r *http.Response, b []byte) bool {
			return !utf8.Valid(b) && !strings.Contains(string(b), "encoding=") && strings.Contains(r.Header.Get("Content-Type"), "koi8-r")
		}},
		{"etag matches give 304", "/etag.xml", http.Header{"If-None-Match": {ETag}}, 304, nil},
		{"redirect loop", "/loop", nil, 302, func(r *http.Response, _ []byte) bool { return r.Header.Get("Location") == "/loop" }},
		{"429 with retry-after", "/429", nil, 429, func(r *http.Response, _ []byte) bool { return r.Header.Get("Retry-After") == "120" }},
		{"gzip", "/gzip.xml", http.Header{"Accept-Encoding": {"gzip"}}, 200, func(r *http.Response, _ []byte) bool { return r.Header.Get("Content-Encoding") == "gzip" }},
		{"unknown path", "/nope", nil, 404, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, s, tc.path, tc.header)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if tc.check != nil && !tc.check(resp, body) {
				t.Fatalf("unexpected response: %v %q", resp.Header, body[:min(len(body), 200)])
			}
		})
	}
	if s.Hits("/rss.xml") != 1 {
		t.Fatalf("hits %d", s.Hits("/rss.xml"))
	}
}
