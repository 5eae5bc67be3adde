package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"slices"
	"strings"
	"text/template"
	"time"

	"github.com/polywire/polywire/internal/demo/internal/manifest"
)

// rssChannel and rssItem feed templates/rss.xml.
type rssChannel struct {
	Title, Link, Description, Language, LastBuild, Generator, Self, Encoding string
	Items                                                                    []rssItem
}

type rssItem struct {
	Link, Comments, Creator, PubDate, GUID string
	Categories                             []string
	// Title and Description are written as they are: XML-escaped text, or
	// a CDATA section. Content, when set, is HTML for content:encoded.
	Title, Description    string
	Content               string
	SourceURL, SourceName string
}

// atomFeed and atomEntry feed templates/atom.xml.
type atomFeed struct {
	Title, Description, ID, Updated, Self, Link, Author, Language string
	Entries                                                       []atomEntry
}

type atomEntry struct {
	Title, ID, Link, Published, Author, Category, Summary, Content string
}

func writeFeed(st *site, src manifest.Source, stories []*story) error {
	newest := slices.Clone(stories)
	slices.Reverse(newest)
	var (
		b     []byte
		err   error
		ctype string
	)
	switch src.Format {
	case "rss":
		b, err = renderTemplate("templates/rss.xml", rssFor(src, newest))
		ctype = "application/rss+xml; charset=" + src.Charset
		if err == nil && src.Charset == "windows-1251" {
			b, err = to1251(b)
		}
	case "atom":
		b, err = renderTemplate("templates/atom.xml", atomFor(src, newest))
		ctype = "application/atom+xml; charset=utf-8"
	case "json":
		b, err = jsonFeedFor(src, newest)
		ctype = "application/feed+json; charset=utf-8"
	}
	if err != nil {
		return fmt.Errorf("gen: rendering feed %s: %w", src.ID, err)
	}
	file := "site" + src.Feed
	return st.add(src.Feed, file, ctype, false, latest(stories), b)
}

func renderTemplate(name string, data any) ([]byte, error) {
	funcs := template.FuncMap{"x": xmlText, "cdata": cdata}
	tmpl, err := template.New("").Funcs(funcs).ParseFS(templateFS, name)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = tmpl.ExecuteTemplate(&buf, "feed", data)
	return buf.Bytes(), err
}

func rssFor(src manifest.Source, stories []*story) rssChannel {
	ch := rssChannel{
		Title: src.Name, Link: abs("/" + strings.Split(stories[0].Path, "/")[1] + "/"),
		Language: rssLanguage(src), Self: abs(src.Feed), Encoding: src.Charset,
		LastBuild: rssDate(src, latest(stories)), Description: channelDescription(src.ID),
	}
	if src.ID == "sibnews" {
		ch.Generator = "https://wordpress.org/?v=5.2.3"
		ch.Encoding = "UTF-8"
	}
	for _, s := range stories {
		ch.Items = append(ch.Items, rssItemFor(src, s))
	}
	return ch
}

func rssItemFor(src manifest.Source, s *story) rssItem {
	it := rssItem{
		Title: xmlText(s.Headline), Link: abs(s.Path), PubDate: rssDate(src, s.Time), GUID: s.GUID,
		Categories: []string{s.Category}, Description: xmlText(lead(s.Paras, 25)),
	}
	switch src.ID {
	case "sibnews": // WordPress: texturized title, excerpt only, comments, dc:creator
		it.Title = texturize(it.Title)
		it.Description = "<![CDATA[" + cdata(excerpt(lead(s.Paras, 25), 40)) + "]]>"
		it.Comments, it.Creator = abs(s.Path)+"#respond", s.Author
		if s.Agency == "TASS" {
			it.SourceURL, it.SourceName = "https://tass.ru/rss/v2.xml", "ТАСС"
		}
	case "efe-es": // full text in content:encoded
		it.Creator, it.Content = s.Author, htmlParas(s.Paras)
	}
	return it
}

// rssDate formats a pubDate the way each site does; tokyo-wire writes the
// zone abbreviation JST, as many Japanese feeds do.
func rssDate(src manifest.Source, t time.Time) string {
	if src.ID == "tokyo-wire" {
		return t.In(time.FixedZone("JST", 9*3600)).Format("Mon, 02 Jan 2006 15:04:05") + " JST"
	}
	return t.Format(time.RFC1123Z)
}

func rssLanguage(src manifest.Source) string {
	if src.ID == "sibnews" {
		return "ru-RU"
	}
	return src.Language
}

func channelDescription(id string) string {
	return map[string]string{
		"sibnews":     "Новости Красноярска, Сибири и мира",
		"enisey-info": "Новости Красноярского края",
		"efe-es":      "Últimas noticias (contenido ficticio de demostración)",
		"tokyo-wire":  "東京発のニュース（デモ用）",
	}[id]
}

func atomFor(src manifest.Source, stories []*story) atomFeed {
	f := atomFeed{
		Title: src.Name, Description: "Лента новостей (демонстрационные данные)",
		ID: "tag:tass.example,2019:feed/ru", Updated: latest(stories).Format(time.RFC3339),
		Self: abs(src.Feed), Link: abs("/tass/"), Author: "ТАСС", Language: src.Language,
	}
	for _, s := range stories {
		f.Entries = append(f.Entries, atomEntry{
			Title: s.Headline, ID: s.GUID, Link: abs(s.Path), Published: s.Time.Format(time.RFC3339),
			Author: s.Author, Category: s.Category, Summary: lead(s.Paras, 25), Content: htmlParas(s.Paras),
		})
	}
	return f
}

// htmlParas renders paragraphs as HTML.
func htmlParas(ps []string) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
	}
	return b.String()
}

// lead joins the first paragraphs until they hold at least n words, so a
// one-line title paragraph does not make the whole summary.
func lead(ps []string, n int) string {
	var out []string
	words := 0
	for _, p := range ps {
		out = append(out, p)
		if words += len(strings.Fields(p)); words >= n {
			break
		}
	}
	return strings.Join(out, " ")
}

// xmlText escapes s for XML character data or attributes.
func xmlText(s string) string {
	var buf bytes.Buffer
	_ = xml.EscapeText(&buf, []byte(s)) // writes to memory; cannot fail
	return buf.String()
}

// cdata makes s safe inside a CDATA section.
func cdata(s string) string { return strings.ReplaceAll(s, "]]>", "]]]]><![CDATA[>") }

// texturize writes guillemets and dashes as numeric references, as
// WordPress does in feed titles.
func texturize(s string) string {
	return strings.NewReplacer("«", "&#171;", "»", "&#187;", "—", "&#8212;").Replace(s)
}
