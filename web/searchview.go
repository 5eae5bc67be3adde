package web

import (
	"html/template"
	"net/url"
	"strings"

	"github.com/polywire/polywire/search"
)

// layout is what every page template needs.
type layout struct {
	T       *translator
	Lang    string // <html lang>
	Title   string
	Links   links
	Switch  []langLink
	Status  int
	Error   string
	ErrHint string
}

// langLink is one entry of the UI language switcher.
type langLink struct {
	Name, Code, URL string
	Current         bool
}

// searchPage is the model of the search page.
type searchPage struct {
	layout
	Form    url.Values // the raw parameters, echoed into the form
	Sources []string   // nil: free-text source field
	Result  *search.Result
	Hits    []hitView
	Facets  []facetView
	Active  []activeFilter
	Pager   pager
	// names maps person ids seen on this page to their names, for labels.
	names map[string]string
}

type hitView struct {
	search.Hit
	Link       string
	When       string
	WhenISO    string
	Snippets   []template.HTML
	PeopleView []personView
}

type personView struct {
	Name, Role, Link string
}

type facetView struct {
	Title  string
	Values []facetValueView
}

type facetValueView struct {
	Label, Link string
	Count       int
	Active      bool
}

type activeFilter struct {
	Label, Value, Remove string
}

type pager struct {
	Page, Pages int
	Prev, Next  string
}

// facetDefs are the facets shown, in order, with the parameter each sets.
var facetDefs = []struct{ key, title string }{
	{"region", "facet_region"},
	{"person", "facet_person"},
	{"language", "facet_language"},
	{"source", "facet_source"},
}

// filterDefs are the filters listed as "in use", with their labels.
var filterDefs = []struct{ key, label string }{
	{"language", "filter_language"},
	{"region", "filter_region"},
	{"person", "filter_person"},
	{"org", "filter_org"},
	{"source", "filter_source"},
	{"from", "filter_from"},
	{"to", "filter_to"},
}

func (p *searchPage) fill(q url.Values, res *search.Result) {
	p.Result = res
	p.names = map[string]string{}
	for _, h := range res.Hits {
		p.Hits = append(p.Hits, p.hit(h))
		for _, pr := range h.People {
			// First name seen wins, unless a story in the UI language names
			// the person: that spelling is the one the editor reads.
			if _, ok := p.names[pr.ID]; !ok || h.Language == p.T.lang {
				p.names[pr.ID] = pr.Name
			}
		}
	}
	for _, f := range facetDefs {
		if fv := p.facet(f.key, f.title, res.Facets[f.key], q.Get(f.key)); len(fv.Values) > 0 {
			p.Facets = append(p.Facets, fv)
		}
	}
	p.Pager = p.pager(res)
}

func (p *searchPage) hit(h search.Hit) hitView {
	v := hitView{Hit: h, Link: p.Links.Story(h.ID), When: formatTime(h.Published), WhenISO: machineTime(h.Published)}
	for _, s := range h.Highlights {
		v.Snippets = append(v.Snippets, highlight(s))
	}
	for _, pr := range h.People {
		name := pr.Name
		if n := p.T.EntityName(pr.ID); n != "" {
			name = n
		}
		v.PeopleView = append(v.PeopleView, personView{Name: name, Role: p.T.Role(pr.Role), Link: p.Links.With("person", pr.ID)})
	}
	return v
}

func (p *searchPage) facet(key, title string, values []search.FacetValue, current string) facetView {
	fv := facetView{Title: p.T.T(title)}
	for _, v := range values {
		fv.Values = append(fv.Values, facetValueView{
			Label: p.label(key, v.Value), Count: v.Count, Link: p.Links.With(key, v.Value), Active: v.Value == current,
		})
	}
	return fv
}

func (p *searchPage) activeFilters(q url.Values) {
	for _, f := range filterDefs {
		if v := q.Get(f.key); v != "" {
			p.Active = append(p.Active, activeFilter{Label: p.T.T(f.label), Value: p.label(f.key, v), Remove: p.Links.Without(f.key)})
		}
	}
}

func (p *searchPage) pager(res *search.Result) pager {
	pg := pager{Page: res.Page, Pages: 1}
	if res.Size > 0 && res.Total > 0 {
		pg.Pages = (res.Total + res.Size - 1) / res.Size
	}
	if pg.Page > 1 {
		pg.Prev = p.Links.Page(pg.Page - 1)
	}
	if pg.Page < pg.Pages {
		pg.Next = p.Links.Page(pg.Page + 1)
	}
	return pg
}

// label shows a facet or filter value readably: a language or country by
// its name in the UI language, a person by the name seen on this page.
func (p *searchPage) label(key, value string) string {
	switch key {
	case "language":
		return p.T.LanguageName(value)
	case "region":
		return p.T.RegionName(value)
	case "person", "org":
		if n := p.T.EntityName(value); n != "" {
			return n
		}
		if n := p.names[value]; n != "" {
			return n
		}
		return humanizeID(value)
	}
	return value
}

// humanizeID makes a readable label of an entity id the gazetteer does not
// know: "person:aleksandr-shemelev" → "Aleksandr Shemelev". Ids without a
// kind prefix are returned as they are.
func humanizeID(id string) string {
	_, slug, ok := strings.Cut(id, ":")
	if !ok || slug == "" {
		return id
	}
	words := strings.Split(slug, "-")
	for i, w := range words {
		if w != "" {
			r := []rune(w)
			words[i] = strings.ToUpper(string(r[0])) + string(r[1:])
		}
	}
	return strings.Join(words, " ")
}
