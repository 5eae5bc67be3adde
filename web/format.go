package web

import (
	"html"
	"html/template"
	"regexp"
	"strings"
	"time"
)

// formatTime shows a time with the offset the source gave it; zero is "".
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04 -07:00")
}

// machineTime is the datetime attribute of a <time> element.
func machineTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

var blankLine = regexp.MustCompile(`\n[ \t]*\n`)

// paragraphs splits plain text at blank lines, dropping empty paragraphs.
func paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	for _, p := range blankLine.Split(text, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// markers are the highlight tags backends wrap matched terms in: Bleve's
// <mark> and Meilisearch's default <em>.
var markers = regexp.MustCompile(`(?i)</?(?:mark|em)>`)

// highlight renders a search snippet safely: the only markup kept is
// <mark>…</mark> around matched terms; everything else is escaped. Text is
// unescaped first so that backends that escape (Bleve) and those that do not
// (Meilisearch) render alike; a stray closing tag is dropped.
func highlight(snippet string) template.HTML {
	var b strings.Builder
	open := false
	last := 0
	for _, loc := range markers.FindAllStringIndex(snippet, -1) {
		b.WriteString(html.EscapeString(html.UnescapeString(snippet[last:loc[0]])))
		closing := snippet[loc[0]+1] == '/'
		switch {
		case !closing && !open:
			b.WriteString("<mark>")
			open = true
		case closing && open:
			b.WriteString("</mark>")
			open = false
		}
		last = loc[1]
	}
	b.WriteString(html.EscapeString(html.UnescapeString(snippet[last:])))
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String()) //nolint:gosec // built from escaped text and balanced <mark> only
}
