package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// Benchmarks measure the handler's own cost (parsing, i18n, templates, JSON)
// over the fake index; backend speed is benchmarked in search/.

func benchHandler(b *testing.B) http.Handler {
	stories := append(loadStories(b), manyStories(40)...)
	return New(Options{Index: newFakeIndex(stories...)})
}

func benchGet(b *testing.B, h http.Handler, target string) {
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

func BenchmarkSearchPage(b *testing.B) {
	benchGet(b, benchHandler(b), "/?lang=ru&size=20")
}

func BenchmarkStoryPage(b *testing.B) {
	benchGet(b, benchHandler(b), "/stories/"+seedID+"?lang=ja")
}

func BenchmarkAPISearch(b *testing.B) {
	benchGet(b, benchHandler(b), "/api/search?size=20")
}
