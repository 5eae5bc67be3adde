package demo

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/text/encoding/charmap"
)

// TestPageStructure parses every generated article page and checks that its
// headline, date and text are where a reader (and an extractor's metadata
// step) expects them. The English pages are the benchmark originals and are
// not ours to check.
func TestPageStructure(t *testing.T) {
	s := startServer(t)
	for _, it := range s.Items() {
		if it.Source == "newswire-en" {
			continue
		}
		t.Run(it.Source+"/"+it.GUID, func(t *testing.T) {
			_, raw := get(t, it.URL)
			if it.Source == "enisey-info" {
				var err error
				if raw, err = charmap.Windows1251.NewDecoder().Bytes(raw); err != nil {
					t.Fatalf("decoding: %v", err)
				}
			}
			doc, err := goquery.NewDocumentFromReader(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("parsing page: %v", err)
			}
			if h1 := strings.TrimSpace(doc.Find("h1").First().Text()); h1 != it.Headline {
				t.Errorf("h1 = %q, want %q", h1, it.Headline)
			}
			if paras := doc.Find("p").Length(); paras < 2 {
				t.Errorf("%d paragraphs", paras)
			}
			if it.Source == "enisey-info" {
				return // an old CMS: no machine-readable date
			}
			published, _ := doc.Find(`meta[property="article:published_time"]`).Attr("content")
			if published != it.Published.Format(time.RFC3339) {
				t.Errorf("article:published_time = %q, want %s", published, it.Published.Format(time.RFC3339))
			}
		})
	}
}
