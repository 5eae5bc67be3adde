package extract

import (
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what the page says about itself outside the article text.
type pageMeta struct {
	title, ogTitle, h1   string
	byline, image, canon string
	lang                 string
	published, updated   time.Time
	ld                   ldArticle
}

// readMeta collects metadata from <meta>, <link>, <time>, <title>, <h1>,
// <html lang> and JSON-LD. It must run before scripts are removed.
func readMeta(root *html.Node, base *url.URL) pageMeta {
	var m pageMeta
	var metaDates [2]time.Time
	for _, n := range preorder(root, nil) {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Html:
			m.lang = firstNonEmpty(m.lang, attr(n, "lang"), attr(n, "xml:lang"))
		case atom.Title:
			m.title = firstNonEmpty(m.title, textOf(n))
		case atom.H1:
			m.h1 = firstNonEmpty(m.h1, textOf(n))
		case atom.Meta:
			m.readMetaTag(n, &metaDates)
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") {
				m.canon = firstNonEmpty(m.canon, resolve(base, attr(n, "href")))
			}
		case atom.Time:
			if t := parseTime(attr(n, "datetime")); !t.IsZero() && metaDates[0].IsZero() {
				metaDates[0] = t
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				m.ld.merge(parseJSONLD(textOfRaw(n)))
			}
		}
		if ip := attr(n, "itemprop"); ip != "" {
			m.readItemprop(n, ip, &metaDates)
		}
	}
	m.published = firstTime(m.ld.published, metaDates[0])
	m.updated = firstTime(m.ld.modified, metaDates[1])
	m.byline = firstNonEmpty(m.ld.author, m.byline)
	m.image = resolve(base, firstNonEmpty(m.ld.image, m.image))
	m.canon = firstNonEmpty(m.canon, resolve(base, m.ld.url))
	return m
}

var (
	publishedKeys = map[string]bool{"article:published_time": true, "og:published_time": true, "pubdate": true, "publishdate": true, "publish-date": true, "date": true, "dc.date": true, "dc.date.issued": true, "dcterms.created": true, "sailthru.date": true, "parsely-pub-date": true, "datepublished": true, "article.published": true}
	updatedKeys   = map[string]bool{"article:modified_time": true, "og:updated_time": true, "dc.date.modified": true, "dcterms.modified": true, "datemodified": true, "lastmod": true}
)

func (m *pageMeta) readMetaTag(n *html.Node, dates *[2]time.Time) {
	key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
	val := strings.TrimSpace(attr(n, "content"))
	if val == "" {
		return
	}
	switch {
	case key == "og:title" || key == "twitter:title":
		m.ogTitle = firstNonEmpty(m.ogTitle, val)
	case key == "og:image" || key == "twitter:image" || key == "og:image:url":
		m.image = firstNonEmpty(m.image, val)
	case key == "author" || key == "article:author" || key == "byl" || key == "dc.creator" || key == "sailthru.author":
		if !strings.Contains(val, "://") {
			m.byline = firstNonEmpty(m.byline, strings.TrimPrefix(val, "By "))
		}
	case key == "og:url":
		m.canon = firstNonEmpty(m.canon, val)
	case publishedKeys[key]:
		setOnce(&dates[0], parseTime(val))
	case updatedKeys[key]:
		setOnce(&dates[1], parseTime(val))
	}
	if strings.EqualFold(attr(n, "http-equiv"), "content-language") {
		m.lang = firstNonEmpty(m.lang, val)
	}
}

func (m *pageMeta) readItemprop(n *html.Node, prop string, dates *[2]time.Time) {
	val := firstNonEmpty(attr(n, "datetime"), attr(n, "content"))
	switch prop {
	case "datePublished":
		setOnce(&dates[0], parseTime(val))
	case "dateModified":
		setOnce(&dates[1], parseTime(val))
	}
}

// headline picks the cleanest title: the <h1> when og:title or <title>
// confirms it (they often carry a " | Site" suffix), else og:title, JSON-LD
// headline, <h1>, then <title> without its site suffix.
func (m pageMeta) headline() string {
	if m.h1 != "" && (strings.Contains(m.ogTitle, m.h1) || strings.Contains(m.title, m.h1) || strings.Contains(m.ld.headline, m.h1)) {
		return m.h1
	}
	if t := firstNonEmpty(m.ogTitle, m.ld.headline, m.h1); t != "" {
		return t
	}
	return trimSiteSuffix(m.title)
}

func trimSiteSuffix(t string) string {
	for _, sep := range []string{" | ", " — ", " – ", " - ", " :: "} {
		if i := strings.LastIndex(t, sep); i > len(t)/3 {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}

// textOfRaw returns the raw text children of n (a script's source).
func textOfRaw(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func firstTime(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

func setOnce(dst *time.Time, t time.Time) {
	if dst.IsZero() {
		*dst = t
	}
}

// resolve makes ref absolute against base; it returns ref unchanged when
// either does not parse.
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || base == nil {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return base.ResolveReference(u).String()
}

var timeLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700", "20060102",
}

// parseTime reads the date formats pages use in metadata; the zero time
// when none fits. Times without a zone are taken as UTC.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
