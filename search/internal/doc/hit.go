package doc

import (
	"cmp"
	"html"
	"slices"
	"strings"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search"
)

// FacetSize is the number of values returned per facet.
const FacetSize = 20

// Facet names of search.Result.Facets.
var FacetNames = []string{"region", "person", "language", "source"}

// Hit summarises s for a result list.
func Hit(s *pipeline.Story, highlights []string) search.Hit {
	h := search.Hit{
		ID: s.ID, Version: s.Version, Headline: s.Headline, Language: s.Language,
		Source: s.Source, Agency: s.Agency, URL: s.URL, Published: s.Published,
		Places: []string{}, People: []search.PersonRef{}, Highlights: highlights,
	}
	for _, p := range s.Places {
		h.Places = append(h.Places, cmp.Or(p.Code, p.ID))
	}
	for _, p := range s.People {
		h.People = append(h.People, search.PersonRef{ID: p.ID, Name: p.Name, Role: p.Role})
	}
	return h
}

// SortFacet orders values by count descending then value ascending and
// keeps the first FacetSize.
func SortFacet(vs []search.FacetValue) []search.FacetValue {
	slices.SortFunc(vs, func(a, b search.FacetValue) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
	if len(vs) > FacetSize {
		vs = vs[:FacetSize]
	}
	return vs
}

// MaxWords is the number of query words considered; later words are
// ignored (Meilisearch itself stops at 10).
const MaxWords = 10

// Words splits query text into at most MaxWords words on white space.
func Words(text string) []string {
	w := strings.Fields(text)
	if len(w) > MaxWords {
		w = w[:MaxWords]
	}
	return w
}

// MaxWindow bounds how deep results can be paged: hits beyond the first
// MaxWindow matches are not returned (Total still counts them). It keeps a
// hostile page number from making the backend collect millions of hits.
const MaxWindow = 10000

// Marks are the highlight tags both backends emit around matched terms.
const (
	MarkStart = "<mark>"
	MarkEnd   = "</mark>"
)

// EscapeHighlight HTML-escapes a fragment in which matches are delimited by
// the private markers pre and post, then turns the markers into <mark> tags.
// The result is safe to embed in HTML.
func EscapeHighlight(s, pre, post string) string {
	s = html.EscapeString(s)
	s = strings.ReplaceAll(s, html.EscapeString(pre), MarkStart)
	return strings.ReplaceAll(s, html.EscapeString(post), MarkEnd)
}
