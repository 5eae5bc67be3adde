package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/search/bleve"
)

// TestAgainstBleve runs the API and the pages against the real embedded
// backend (in memory), to catch what the fake index cannot: the highlight
// format, facet values and time handling of a real index.
func TestAgainstBleve(t *testing.T) {
	idx, err := bleve.Open("")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = idx.Close() })
	if err := idx.Upsert(context.Background(), loadStories(t)); err != nil {
		t.Fatal(err)
	}
	h := New(Options{Index: idx})

	t.Run("api search with text and filters", func(t *testing.T) {
		rec := get(t, h, "/api/search?q=Токио&region=RU&from=2019-09-20&to=2019-09-20")
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		var res search.Result
		if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 || res.Hits[0].ID != seedID {
			t.Fatalf("got %+v", res)
		}
		if len(res.Facets["region"]) == 0 {
			t.Errorf("no region facet: %+v", res.Facets)
		}
	})
	t.Run("api story", func(t *testing.T) {
		if rec := get(t, h, "/api/stories/"+seedID); rec.Code != http.StatusOK {
			t.Errorf("status %d", rec.Code)
		}
		if rec := get(t, h, "/api/stories/unknown"); rec.Code != http.StatusNotFound {
			t.Errorf("unknown: status %d", rec.Code)
		}
	})
	t.Run("page highlights are marked once, text escaped once", func(t *testing.T) {
		rec := get(t, h, "/?q=Tom&lang=ru")
		body := rec.Body.String()
		if rec.Code != http.StatusOK || !strings.Contains(body, "Найдена 1 история") {
			t.Fatalf("status %d", rec.Code)
		}
		if !strings.Contains(body, "<mark>Tom</mark>") {
			t.Errorf("no <mark>Tom</mark> in page")
		}
		for _, bad := range []string{"&lt;mark&gt;", "&amp;amp;", "&amp;lt;", "<script>"} {
			if strings.Contains(body, bad) {
				t.Errorf("page contains %q", bad)
			}
		}
	})
	t.Run("story page", func(t *testing.T) {
		rec := get(t, h, "/stories/"+seedID+"?lang=en")
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "Krasnoyarsk Krai") {
			t.Errorf("status %d", rec.Code)
		}
	})
}
