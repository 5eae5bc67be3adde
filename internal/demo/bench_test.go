package demo

import (
	"context"
	"io"
	"net/http"
	"testing"
)

// BenchmarkStart measures loading the corpus (decompressing the English
// pages, placing the base URL) and starting the listener.
func BenchmarkStart(b *testing.B) {
	for b.Loop() {
		s, err := Start(context.Background(), nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFetchAll fetches every feed and every article page once per
// iteration, as a first poll of all demo sources does.
func BenchmarkFetchAll(b *testing.B) {
	s := startServer(b)
	var urls []string
	for _, src := range s.Sources() {
		urls = append(urls, src.URL)
	}
	for _, it := range s.Items() {
		urls = append(urls, it.URL)
	}
	var n int64
	for b.Loop() {
		for _, u := range urls {
			resp, err := http.Get(u)
			if err != nil {
				b.Fatal(err)
			}
			c, _ := io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			n += c
		}
	}
	b.ReportMetric(float64(len(urls)), "requests/op")
	b.SetBytes(n / int64(b.N))
}
