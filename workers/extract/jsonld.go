package extract

import (
	"encoding/json"
	"strings"
	"time"
)

// ldArticle is what we read from a JSON-LD NewsArticle (or Article,
// BlogPosting, …) block.
type ldArticle struct {
	headline, author, image, url, body string
	published, modified                time.Time
}

// articleTypes are the schema.org types that describe the page's story.
var articleTypes = map[string]bool{
	"NewsArticle": true, "Article": true, "BlogPosting": true, "ReportageNews": true,
	"AnalysisNewsArticle": true, "OpinionNewsArticle": true, "BackgroundNewsArticle": true,
	"Report": true, "LiveBlogPosting": true, "TechArticle": true, "ScholarlyArticle": true,
}

// merge fills the fields of a still empty from b.
func (a *ldArticle) merge(b ldArticle) {
	a.headline = firstNonEmpty(a.headline, b.headline)
	a.author = firstNonEmpty(a.author, b.author)
	a.image = firstNonEmpty(a.image, b.image)
	a.url = firstNonEmpty(a.url, b.url)
	a.body = firstNonEmpty(a.body, b.body)
	a.published = firstTime(a.published, b.published)
	a.modified = firstTime(a.modified, b.modified)
}

// parseJSONLD reads the first article object in a JSON-LD block, looking
// into top-level arrays and @graph. Invalid JSON yields an empty result.
func parseJSONLD(src string) ldArticle {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return ldArticle{}
	}
	queue := []any{v}
	for steps := 0; len(queue) > 0 && steps < 1000; steps++ {
		item := queue[0]
		queue = queue[1:]
		switch x := item.(type) {
		case []any:
			queue = append(queue, x...)
		case map[string]any:
			if isArticleType(x["@type"]) {
				return articleFrom(x)
			}
			if g, ok := x["@graph"]; ok {
				queue = append(queue, g)
			}
		}
	}
	return ldArticle{}
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return articleType(x)
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && articleType(s) {
				return true
			}
		}
	}
	return false
}

// articleType reports a story type: a listed one or any *Article type
// (ReportageNewsArticle, SatiricalArticle, …), with or without the
// schema.org prefix.
func articleType(s string) bool {
	s = s[strings.LastIndexAny(s, "/:")+1:]
	return articleTypes[s] || strings.HasSuffix(s, "Article")
}

func articleFrom(x map[string]any) ldArticle {
	return ldArticle{
		headline:  ldString(x["headline"]),
		author:    ldName(x["author"]),
		image:     ldURL(x["image"]),
		url:       ldString(x["url"]),
		body:      ldString(x["articleBody"]),
		published: parseTime(ldString(x["datePublished"])),
		modified:  parseTime(ldString(x["dateModified"])),
	}
}

func ldString(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

// ldName reads an author: a string, a Person/Organization, or a list of
// them joined with ", ".
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return ldString(x["name"])
	case []any:
		var names []string
		for _, e := range x {
			if n := ldName(e); n != "" && !strings.Contains(n, "://") {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// ldURL reads an image: a URL, an ImageObject, or the first of a list.
func ldURL(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return ldString(x["url"])
	case []any:
		for _, e := range x {
			if u := ldURL(e); u != "" {
				return u
			}
		}
	}
	return ""
}
