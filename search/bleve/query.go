package bleve

import (
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/search/internal/doc"
)

// buildQuery returns the Bleve query for q: the text part conjoined with a
// term or range query per filter and with state=live (tombstones never
// match).
func buildQuery(m mapping.IndexMapping, q search.Query) query.Query {
	parts := []query.Query{term(doc.FieldState, doc.StateLive)}
	if tq := textQuery(m, q.Text); tq != nil {
		parts = append(parts, tq)
	}
	parts = append(parts, filters(q)...)
	return bleve.NewConjunctionQuery(parts...)
}

func filters(q search.Query) []query.Query {
	var out []query.Query
	if q.Language != "" {
		out = append(out, term(doc.FieldLanguage, q.Language))
	}
	if q.Source != "" {
		out = append(out, term(doc.FieldSource, q.Source))
	}
	if q.Region != "" {
		// Documents carry every ancestor, so a plain term is hierarchical.
		out = append(out, term(doc.FieldRegion, doc.NormRegion(q.Region)))
	}
	if q.Person != "" {
		out = append(out, idOrName(doc.FieldPersonID, doc.FieldPersonName, q.Person))
	}
	if q.Org != "" {
		out = append(out, idOrName(doc.FieldOrgID, doc.FieldOrgName, q.Org))
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		incl := true
		dq := bleve.NewDateRangeInclusiveQuery(q.From, q.To, &incl, &incl)
		dq.SetField(fieldPublished)
		out = append(out, dq)
	}
	return out
}

func term(field, value string) query.Query {
	t := bleve.NewTermQuery(value)
	t.SetField(field)
	return t
}

func idOrName(idField, nameField, v string) query.Query {
	v = strings.TrimSpace(v)
	return bleve.NewDisjunctionQuery(term(idField, v), term(nameField, strings.ToLower(v)))
}

// textQuery matches every word of text (AND), each word in any text field
// (OR). Inside a field a word must match all of its tokens (a CJK word makes
// several bigrams). A word that every analyzer drops (a stop word) is
// ignored; nil means no text constraint, and a text made only of stop words
// matches nothing.
func textQuery(m mapping.IndexMapping, text string) query.Query {
	words := doc.Words(text)
	if len(words) == 0 {
		return nil
	}
	var conj []query.Query
	for _, w := range words {
		if wq := wordQuery(m, w); wq != nil {
			conj = append(conj, wq)
		}
	}
	if len(conj) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	return bleve.NewConjunctionQuery(conj...)
}

func wordQuery(m mapping.IndexMapping, word string) query.Query {
	var disj []query.Query
	for _, f := range textFields() {
		a := m.AnalyzerNamed(f.analyzer)
		if a == nil || len(a.Analyze([]byte(word))) == 0 {
			continue
		}
		mq := bleve.NewMatchQuery(word)
		mq.SetField(f.field)
		mq.SetOperator(query.MatchQueryOperatorAnd)
		disj = append(disj, mq)
	}
	if len(disj) == 0 {
		return nil
	}
	return bleve.NewDisjunctionQuery(disj...)
}
