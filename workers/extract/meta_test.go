package extract

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/polywire/polywire/workers/extract/lang"
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
		{"any schema.org *Article type",
			`<script type="application/ld+json">{"@type":"ReportageNewsArticle","datePublished":"2019-11-19T09:44:09+00:00","author":{"@type":"NewsMediaOrganization","name":"BBC News"}}</script><p>19 November 2019</p>`,
			"BBC News", "", "", "2019-11-19T09:44:09Z"},
		{"date written in the page when markup has none",
			`<p class="credit">KYODO NEWS - Sep 20, 2019 - 18:42 | <a href="/w">World</a></p><ul><li><a href="/x">Older story, Sep 1, 2019</a></li></ul>`,
			"", "", "", "2019-09-20T18:42:00Z"},
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

func TestChooseLanguage(t *testing.T) {
	tests := []struct {
		name, feed, body, headline, pageLang, want string
	}{
		{"feed language wins", "ru-RU", "Exports fell, officials said.", "Russia to cut oil output", "en", "ru"},
		{"headline and body together decide", "", "Exports fell, officials said.", "Russia to cut oil output", "", "en"},
		{"headline alone when there is no body", "", "", "Russia to cut oil output as exports fell, officials said", "", "en"},
		{"page lang when detection cannot tell", "", "Tokyo", "Tokyo", "ja", "ja"},
		{"unknown without any evidence", "", "12:30", "Tokyo", "", "und"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := chooseLanguage(tt.feed, tt.body, tt.headline, tt.pageLang); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLanguageFromShortHeadlineAndBody(t *testing.T) {
	// Neither part alone has enough function words; together they do.
	d := lang.New()
	for _, s := range []string{"Russia to cut oil output", "Exports fell, officials said."} {
		if got := d.Detect(s); got != lang.Unknown {
			t.Fatalf("premise: Detect(%q) = %q, want und", s, got)
		}
	}
	page := `<html><head><title>Russia to cut oil output</title></head><body><h1>Russia to cut oil output</h1><p>Exports fell, officials said.</p></body></html>`
	res, err := Extract([]byte(page), PageOptions{URL: "https://news.example/a"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Language != "en" {
		t.Errorf("language %q, want en (body %q)", res.Language, res.Body)
	}
}
