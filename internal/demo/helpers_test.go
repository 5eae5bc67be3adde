package demo

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"testing"

	"github.com/mmcdole/gofeed"
)

// startServer starts a demo server for one test and closes it afterwards.
func startServer(t testing.TB) *Server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s, err := Start(ctx, slog.New(slog.DiscardHandler))
	if err != nil {
		cancel()
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		cancel()
	})
	return s
}

// get fetches url and returns the response with its body read.
func get(t testing.TB, url string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading %s: %v", url, err)
	}
	return resp, body
}

// parseFeed fetches a feed and parses it with gofeed from the raw bytes, as
// the fetcher does (a declared encoding is honoured by the XML decoder).
func parseFeed(t testing.TB, url string) *gofeed.Feed {
	t.Helper()
	resp, body := get(t, url)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", url, resp.StatusCode)
	}
	feed, err := gofeed.NewParser().ParseString(string(body))
	if err != nil {
		t.Fatalf("parsing %s: %v", url, err)
	}
	return feed
}

// sourceURL is the feed URL of one demo source.
func sourceURL(t testing.TB, s *Server, id string) string {
	t.Helper()
	for _, src := range s.Sources() {
		if src.ID == id {
			return src.URL
		}
	}
	t.Fatalf("no source %q", id)
	return ""
}
