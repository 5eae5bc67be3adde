package main

import (
	"fmt"

	"github.com/polywire/polywire/internal/demo/internal/manifest"
)

// place gives each story of a source its number, slug, page path and GUID,
// following the URL habits of the kind of site the source imitates.
// GUIDs use fixed fictional hosts, never the server's address.
func place(src manifest.Source, stories []*story) {
	for i, s := range stories {
		if s.Slug == "" {
			s.Slug = slugify(s.Headline, 8)
		}
		day := s.Time.Format("2006/01/02")
		switch src.ID {
		case "sibnews": // WordPress permalinks, ?p= GUIDs
			s.N = 4100 + 7*i
			s.Path = fmt.Sprintf("/sibnews/%s/%s/", day, s.Slug)
			s.GUID = fmt.Sprintf("https://sibnews.example/?p=%d", s.N)
		case "tass-ru": // numeric news ids, tag: URIs in Atom
			s.N = 6891200 + 13*i
			s.Path = fmt.Sprintf("/tass/news/%d", s.N)
			s.GUID = fmt.Sprintf("tag:tass.example,2019:news/%d", s.N)
		case "enisey-info": // an old CMS: news/NNNNN.html
			s.N = 15230 + 3*i
			s.Path = fmt.Sprintf("/enisey/news/%d.html", s.N)
			s.GUID = fmt.Sprintf("enisey-info-%d", s.N)
		case "newswire-en":
			s.N = i + 1
			s.Path = fmt.Sprintf("/newswire/%s/%s.html", day, s.Slug)
			s.GUID = "newswire-en:" + s.Slug
		case "efe-es":
			s.N = i + 1
			s.Path = fmt.Sprintf("/efe/noticias/%s/%s", s.Time.Format("20060102"), s.Slug)
			s.GUID = "https://efe.example/efe/noticias/" + s.Time.Format("20060102") + "/" + s.Slug
		case "tokyo-wire":
			s.N = i + 1
			s.Path = "/tokyo/articles/" + s.Slug + ".html"
			s.GUID = "tokyo-wire:" + s.Slug
		}
		s.File = pageFile(s.Path)
	}
}
