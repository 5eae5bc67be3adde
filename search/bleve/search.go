package bleve

import (
	"context"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"

	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/search/internal/doc"
)

// maxHighlights caps the fragments reported per hit.
const maxHighlights = 3

// Search runs q. Hits are ranked by relevance when q.Text is set, newest
// first otherwise (stories without a publication time last).
func (x *Index) Search(ctx context.Context, q search.Query) (*search.Result, error) {
	q.Normalize()
	from, size := (q.Page-1)*q.Size, q.Size
	if from+size > doc.MaxWindow {
		from, size = 0, 0 // beyond the window: count and facets only
	}
	req := bleve.NewSearchRequestOptions(buildQuery(x.idx.Mapping(), q), size, from, false)
	req.Fields = []string{doc.FieldStory}
	if strings.TrimSpace(q.Text) == "" {
		req.SortByCustom(bsearch.SortOrder{
			&bsearch.SortField{Field: fieldPublished, Desc: true, Type: bsearch.SortFieldAsDate, Missing: bsearch.SortFieldMissingLast},
			&bsearch.SortDocID{},
		})
	} else {
		req.Highlight = bleve.NewHighlightWithStyle(html.Name)
	}
	for _, name := range doc.FacetNames {
		req.AddFacet(name, bleve.NewFacetRequest(doc.FacetFields[name], doc.FacetSize))
	}
	res, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("bleve: searching %q: %w", q.Text, err)
	}
	return toResult(q, res)
}

func toResult(q search.Query, res *bleve.SearchResult) (*search.Result, error) {
	out := &search.Result{Total: int(res.Total), Page: q.Page, Size: q.Size, Hits: []search.Hit{}, Facets: map[string][]search.FacetValue{}}
	for _, h := range res.Hits {
		raw, _ := h.Fields[doc.FieldStory].(string)
		s, err := decodeStory(h.ID, raw)
		if err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, doc.Hit(s, highlights(h)))
	}
	for _, name := range doc.FacetNames {
		out.Facets[name] = facetValues(res.Facets[name])
	}
	return out, nil
}

func highlights(h *bsearch.DocumentMatch) []string {
	var out []string
	for _, f := range textFields() {
		if !f.highlight {
			continue
		}
		for _, frag := range h.Fragments[f.field] {
			if len(out) == maxHighlights {
				return out
			}
			out = append(out, frag)
		}
	}
	return out
}

func facetValues(fr *bsearch.FacetResult) []search.FacetValue {
	out := []search.FacetValue{}
	if fr == nil || fr.Terms == nil {
		return out
	}
	for _, t := range fr.Terms.Terms() {
		out = append(out, search.FacetValue{Value: t.Term, Count: t.Count})
	}
	return doc.SortFacet(out)
}
