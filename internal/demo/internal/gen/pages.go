package main

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"github.com/polywire/polywire/internal/demo/internal/manifest"
)

//go:embed templates
var templateFS embed.FS

// pageTemplates names the page template of each source; newswire-en serves
// the original benchmark pages instead.
func pageTemplates() map[string]string {
	return map[string]string{
		"sibnews":     "templates/wordpress.html",
		"tass-ru":     "templates/tass.html",
		"enisey-info": "templates/enisey.html",
		"efe-es":      "templates/efe.html",
		"tokyo-wire":  "templates/tokyo.html",
	}
}

// pageData is what a page template sees.
type pageData struct {
	Src     manifest.Source
	S       *story
	URL     string
	FeedURL string
	Related []*story
	Prev    *story
	Next    *story
	LD      template.JS
}

func writePages(st *site, src manifest.Source, stories []*story) error {
	if src.ID == "newswire-en" {
		return writeOriginals(st, stories)
	}
	tmpl, err := template.New("").Funcs(pageFuncs()).ParseFS(templateFS, pageTemplates()[src.ID])
	if err != nil {
		return fmt.Errorf("gen: parsing template for %s: %w", src.ID, err)
	}
	for i, s := range stories {
		b, err := renderPage(tmpl, src, stories, i)
		if err != nil {
			return fmt.Errorf("gen: rendering %s: %w", s.Path, err)
		}
		ctype := "text/html; charset=UTF-8"
		if src.Charset == "windows-1251" {
			if b, err = to1251(b); err != nil {
				return fmt.Errorf("gen: encoding %s: %w", s.Path, err)
			}
			ctype = "text/html; charset=windows-1251"
		}
		if err := st.add(s.Path, s.File, ctype, false, s.Time, b); err != nil {
			return err
		}
	}
	return nil
}

func renderPage(tmpl *template.Template, src manifest.Source, stories []*story, i int) ([]byte, error) {
	d := pageData{Src: src, S: stories[i], URL: abs(stories[i].Path), FeedURL: abs(src.Feed)}
	if i > 0 {
		d.Prev = stories[i-1]
	}
	if i+1 < len(stories) {
		d.Next = stories[i+1]
	}
	for j := len(stories) - 1; j >= 0 && len(d.Related) < 5; j-- {
		if j != i {
			d.Related = append(d.Related, stories[j])
		}
	}
	ld, err := json.Marshal(map[string]any{
		"@context": "https://schema.org", "@type": "NewsArticle",
		"headline": d.S.Headline, "datePublished": d.S.Time.Format(time.RFC3339),
		"author":           map[string]string{"@type": "Person", "name": d.S.Author},
		"mainEntityOfPage": d.URL, "inLanguage": d.S.Language,
	})
	if err != nil {
		return nil, err
	}
	d.LD = template.JS(ld)
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, "page", d); err != nil {
		return nil, err
	}
	// html/template writes "+" as "&#43;"; sites write it plainly, and
	// it never needs escaping in HTML.
	return bytes.ReplaceAll(buf.Bytes(), []byte("&#43;"), []byte("+")), nil
}

// writeOriginals stores the benchmark pages as they were scraped (gzipped);
// the server serves them decompressed.
func writeOriginals(st *site, stories []*story) error {
	for _, s := range stories {
		page, err := gunzip(s.RawPage)
		if err != nil {
			return fmt.Errorf("gen: decompressing %s: %w", s.Ref, err)
		}
		if !utf8.Valid(page) {
			return fmt.Errorf("gen: page %s is not UTF-8", s.Ref)
		}
		if err := st.add(s.Path, s.File+".gz", "text/html; charset=utf-8", true, s.Time, s.RawPage); err != nil {
			return err
		}
	}
	return nil
}

// to1251 encodes UTF-8 HTML or XML as windows-1251, writing characters the
// code page lacks as numeric references.
func to1251(b []byte) ([]byte, error) {
	enc := encoding.HTMLEscapeUnsupported(charmap.Windows1251.NewEncoder())
	return enc.Bytes(b)
}

func pageFuncs() template.FuncMap {
	months := []string{"", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
	return template.FuncMap{
		"rfc3339": func(t time.Time) string { return t.Format(time.RFC3339) },
		"dmy":     func(t time.Time) string { return t.Format("02.01.2006") },
		"hm":      func(t time.Time) string { return t.Format("15:04") },
		"ruLong": func(t time.Time) string {
			return fmt.Sprintf("%d %s %d, %s", t.Day(), months[t.Month()], t.Year(), t.Format("15:04"))
		},
		"esDate": func(t time.Time) string { return t.Format("02/01/2006 15:04") },
		"jaDate": func(t time.Time) string {
			return fmt.Sprintf("%d年%d月%d日 %s", t.Year(), t.Month(), t.Day(), t.Format("15:04"))
		},
		"rest": func(p []string) []string { return p[1:] },
	}
}
