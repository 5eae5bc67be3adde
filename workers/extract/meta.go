package extract

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what the page says about itself outside the article text.
type pageMeta struct {
	title, ogTitle       string
	h1s                  []string // the page's <h1> texts, at most maxH1
	markupByline         string   // from rel=author, itemprop=author or a byline element
	byline, image, canon string
	lang                 string
	published, updated   time.Time
	ld                   ldArticle
}

// readMeta collects metadata from <meta>, <link>, <time>, <title>, <h1>,
// <html lang> and JSON-LD; without a publication time there, from a date
// written in the page (textPublished). It must run before scripts are removed.
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
			if len(m.h1s) < maxH1 {
				if t := textOf(n); t != "" {
					m.h1s = append(m.h1s, t)
				}
			}
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
		if m.markupByline == "" && isBylineElement(n) {
			m.markupByline = cleanByline(textOf(n))
		}
	}
	m.published = firstTime(m.ld.published, metaDates[0])
	if m.published.IsZero() {
		m.published = textPublished(root)
	}
	m.updated = firstTime(m.ld.modified, metaDates[1])
	m.byline = firstNonEmpty(m.ld.author, m.byline, m.markupByline)
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

// maxH1 bounds the <h1> elements considered for the headline.
const maxH1 = 8

// headline picks the cleanest title: an <h1> that og:title, the JSON-LD
// headline or <title> confirm (they often carry a " | Site" suffix, and the
// first <h1> of many themes is the site's name), else og:title, the JSON-LD
// headline, the first <h1>, then <title> without its site suffix.
func (m pageMeta) headline() string {
	for _, h := range m.h1s {
		for _, t := range []string{m.ogTitle, m.ld.headline, m.title} {
			if t != "" && strings.Contains(t, h) && 2*len(h) >= len(trimSiteSuffix(t)) {
				return h
			}
		}
	}
	var h1 string
	if len(m.h1s) > 0 {
		h1 = m.h1s[0]
	}
	if t := firstNonEmpty(m.ogTitle, m.ld.headline, h1); t != "" {
		return t
	}
	return trimSiteSuffix(m.title)
}

// maxBylineRunes bounds a byline taken from page markup: longer text is an
// author biography, not a byline.
const maxBylineRunes = 100

// isBylineElement reports elements that name the author in the page body.
func isBylineElement(n *html.Node) bool {
	if attr(n, "itemprop") == "author" || strings.EqualFold(attr(n, "rel"), "author") {
		return true
	}
	for _, tok := range nameTokens(attr(n, "class")) {
		if tok == "byline" {
			return true
		}
	}
	return false
}

var bylinePrefix = regexp.MustCompile(`(?i)^(by|von|por|par|di|автор|текст)\s*:?\s+`)

// cleanByline strips "By " and similar from a byline; "" when the text is
// too long to be one.
func cleanByline(s string) string {
	s = bylinePrefix.ReplaceAllString(strings.TrimSpace(s), "")
	if len([]rune(s)) > maxBylineRunes {
		return ""
	}
	return s
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
