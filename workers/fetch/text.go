package fetch

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// htmlText returns the text of an HTML fragment with whitespace collapsed
// (feed titles and descriptions often carry markup or entities).
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return collapse(s)
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return collapse(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			if n := string(name); n == "script" || n == "style" {
				skip++
			}
			b.WriteByte(' ')
		case html.EndTagToken:
			name, _ := z.TagName()
			if n := string(name); (n == "script" || n == "style") && skip > 0 {
				skip--
			}
			b.WriteByte(' ')
		}
	}
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// normalizeLanguage turns a feed language tag into ISO 639-1: "ru-RU" and
// "RU" become "ru"; anything that is not two letters gives "".
func normalizeLanguage(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 || tag[0] < 'a' || tag[0] > 'z' || tag[1] < 'a' || tag[1] > 'z' {
		return ""
	}
	return tag
}

// blockTags end a paragraph in htmlParagraphs.
var blockTags = map[string]bool{"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "blockquote": true, "pre": true, "tr": true, "section": true, "hl1": true, "hl2": true}

// htmlParagraphs returns the text of an HTML or XHTML body as paragraphs
// separated by a blank line (agency bodies: ninjs body_html, NewsML-G2
// inlineXML).
func htmlParagraphs(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := collapse(cur.String()); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return strings.Join(paras, "\n\n")
		case html.TextToken:
			if skip == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			n := string(name)
			switch {
			case n == "script" || n == "style" || n == "head" || n == "title" || n == "body.head":
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case blockTags[n]:
				flush()
			}
		}
	}
}

// textAtLeast reports whether the HTML fragment s has at least n characters
// of text (whitespace runs count as one), reading no further than needed.
func textAtLeast(s string, n int) bool {
	if len(s) < n {
		return false // fewer bytes than characters needed
	}
	if !strings.ContainsAny(s, "<&") {
		return utf8.RuneCountInString(collapse(s)) >= n
	}
	z := html.NewTokenizer(strings.NewReader(s))
	count, space := 0, true
	for count < n {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.TextToken:
			for _, r := range string(z.Text()) {
				if unicode.IsSpace(r) {
					if !space {
						count++
					}
					space = true
					continue
				}
				count++
				space = false
			}
		}
	}
	return true
}
