package extract

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func metaOf(t *testing.T, page string) pageMeta {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse("https://news.example/world/story.html")
	return readMeta(root, base)
}

func TestHeadline(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"h1 confirmed by og:title with a site suffix",
			`<meta property="og:title" content="Port handles record cargo | Harbour News"><h1>Port handles record cargo</h1>`, "Port handles record cargo"},
		{"site-name h1 is skipped",
			`<title>Port handles record cargo | Harbour News</title><h1 class="site-title">Harbour News</h1><h1>Port handles record cargo</h1>`, "Port handles record cargo"},
		{"og:title when no h1 matches",
			`<meta property="og:title" content="Port handles record cargo"><h1>Harbour News</h1>`, "Port handles record cargo"},
		{"JSON-LD headline",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Port handles record cargo"}</script>`, "Port handles record cargo"},
		{"title without its suffix",
			`<title>Port handles record cargo - Harbour News</title>`, "Port handles record cargo"},
		{"nothing", `<p>text</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := metaOf(t, tt.page).headline(); got != tt.want {
				t.Errorf("headline %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMetaFields(t *testing.T) {
	tests := []struct {
		name, page                      string
		byline, image, canon, published string
	}{
		{"JSON-LD graph with author list and image object",
			`<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"author":[{"name":"A. Ivanova"},{"name":"B. Sato"}],"image":{"url":"/img/a.jpg"},"datePublished":"2019-09-20T14:05:00+03:00","url":"https://news.example/a"}]}</script>`,
			"A. Ivanova, B. Sato", "https://news.example/img/a.jpg", "https://news.example/a", "2019-09-20T14:05:00+03:00"},
		{"invalid JSON-LD is ignored, meta tags used",
			`<script type="application/ld+json">{"@type": "NewsArticle", </script><meta name="author" content="By C. Diaz"><meta property="og:image" content="//cdn.example/b.jpg"><link rel="canonical" href="/b"><meta property="article:published_time" content="2019-09-20T11:05:00Z">`,
			"C. Diaz", "https://cdn.example/b.jpg", "https://news.example/b", "2019-09-20T11:05:00Z"},
		{"byline from markup and date from time element",
			`<div class="article-byline">By <a rel="author" href="/d">D. Okafor</a></div><time datetime="2019-09-20">Sept 20</time>`,
			"D. Okafor", "", "", "2019-09-20T00:00:00Z"},
		{"author URL is not a byline",
			`<meta property="article:author" content="https://facebook.com/someone">`, "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := metaOf(t, tt.page)
			published := ""
			if !m.published.IsZero() {
				published = m.published.Format(time.RFC3339)
			}
			got := []string{m.byline, m.image, m.canon, published}
			want := []string{tt.byline, tt.image, tt.canon, tt.published}
			for i, field := range []string{"byline", "image", "canonical", "published"} {
				if got[i] != want[i] {
					t.Errorf("%s = %q, want %q", field, got[i], want[i])
				}
			}
		})
	}
}
