package meili

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/meilisearch/meilisearch-go"

	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/search/internal/doc"
)

// Private-use markers around matches; replaced by <mark> after escaping.
const (
	markPre  = "\uE000"
	markPost = "\uE001"
)

const (
	maxHighlights = 3
	cropWords     = 24
)

// Search runs q: every word must match (matching strategy "all"), the last
// one as a prefix, with Meilisearch's typo tolerance. Hits are ranked by
// relevance when q.Text is set, newest first otherwise.
func (x *Index) Search(ctx context.Context, q search.Query) (*search.Result, error) {
	q.Normalize()
	res, err := x.idx.Search(ctx, strings.TrimSpace(q.Text), request(q))
	if err != nil {
		return nil, fmt.Errorf("meili: searching %q: %w", q.Text, err)
	}
	return toResult(q, res)
}

func request(q search.Query) *meilisearch.SearchRequest {
	size := int64(q.Size)
	attrs := textAttributes()
	req := &meilisearch.SearchRequest{
		Filter:               filter(q),
		HitsPerPage:          &size,
		Page:                 int64(q.Page),
		MatchingStrategy:     meilisearch.All,
		AttributesToRetrieve: append([]string{fieldID, doc.FieldStory}, attrs...),
	}
	for _, name := range doc.FacetNames {
		req.Facets = append(req.Facets, doc.FacetFields[name])
	}
	if strings.TrimSpace(q.Text) == "" {
		req.Sort = []string{fieldPublishedTS + ":desc"}
		return req
	}
	req.AttributesToHighlight = attrs
	req.AttributesToCrop = attrs
	req.CropLength = cropWords
	req.HighlightPreTag, req.HighlightPostTag = markPre, markPost
	req.ShowMatchesPosition = true
	return req
}

// filter returns the filter expression: state = live and one clause per
// query filter. Region values carry their ancestors, so equality is
// hierarchical.
func filter(q search.Query) string {
	clauses := []string{eq(doc.FieldState, doc.StateLive)}
	add := func(attr, v string) {
		if v != "" {
			clauses = append(clauses, eq(attr, v))
		}
	}
	add(doc.FieldLanguage, q.Language)
	add(doc.FieldSource, q.Source)
	if q.Region != "" {
		add(doc.FieldRegion, doc.NormRegion(q.Region))
	}
	if p := strings.TrimSpace(q.Person); p != "" {
		clauses = append(clauses, "("+eq(doc.FieldPersonID, p)+" OR "+eq(doc.FieldPersonName, strings.ToLower(p))+")")
	}
	if o := strings.TrimSpace(q.Org); o != "" {
		clauses = append(clauses, "("+eq(doc.FieldOrgID, o)+" OR "+eq(doc.FieldOrgName, strings.ToLower(o))+")")
	}
	if !q.From.IsZero() {
		clauses = append(clauses, fmt.Sprintf("%s >= %d", fieldPublishedTS, q.From.UnixMilli()))
	}
	if !q.To.IsZero() {
		clauses = append(clauses, fmt.Sprintf("%s <= %d", fieldPublishedTS, q.To.UnixMilli()))
	}
	return strings.Join(clauses, " AND ")
}

// eq is attr = "value" with the value quoted for the filter grammar.
func eq(attr, value string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return attr + ` = "` + r.Replace(value) + `"`
}

type hitRow struct {
	ID        string                     `json:"id"`
	Story     string                     `json:"story"`
	Formatted map[string]json.RawMessage `json:"_formatted"`
	Matches   map[string]json.RawMessage `json:"_matchesPosition"`
}

func toResult(q search.Query, res *meilisearch.SearchResponse) (*search.Result, error) {
	out := &search.Result{Total: int(res.TotalHits), Page: q.Page, Size: q.Size, Hits: []search.Hit{}}
	var rows []hitRow
	if err := res.Hits.DecodeInto(&rows); err != nil {
		return nil, fmt.Errorf("meili: decoding hits: %w", err)
	}
	for _, r := range rows {
		s, err := decodeStory(r.ID, r.Story)
		if err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, doc.Hit(s, highlights(r)))
	}
	facets, err := facetValues(res.FacetDistribution)
	if err != nil {
		return nil, err
	}
	out.Facets = facets
	return out, nil
}

// highlights returns the cropped, marked text of the attributes that
// matched, headlines first.
func highlights(r hitRow) []string {
	var out []string
	for _, attr := range textAttributes() {
		if _, ok := r.Matches[attr]; !ok || len(out) == maxHighlights {
			continue
		}
		var frag string
		if json.Unmarshal(r.Formatted[attr], &frag) == nil && strings.Contains(frag, markPre) {
			out = append(out, doc.EscapeHighlight(frag, markPre, markPost))
		}
	}
	return out
}

func facetValues(raw json.RawMessage) (map[string][]search.FacetValue, error) {
	dist := map[string]map[string]int{}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &dist); err != nil {
			return nil, fmt.Errorf("meili: decoding facets: %w", err)
		}
	}
	out := map[string][]search.FacetValue{}
	for _, name := range doc.FacetNames {
		vs := []search.FacetValue{}
		for v, n := range dist[doc.FacetFields[name]] {
			vs = append(vs, search.FacetValue{Value: v, Count: n})
		}
		out[name] = doc.SortFacet(vs)
	}
	return out, nil
}
