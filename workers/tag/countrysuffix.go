package tag

import (
	"strings"

	"github.com/polywire/polywire/pipeline"
)

// News names a state body with its country in the genitive after it
// («Правительства РФ», «ВВС США», «МИД Украины»). The gazetteer lists such
// names whole so that they resolve to one organisation, but the country
// is a place mention of its own (the convention of Russian NER corpora,
// and what a place filter wants): the organisation keeps its id and ends
// before the country, which becomes a place mention.

// stateBodyHeads are the heads of the names split: the country is only a
// complement of a government, a ministry, a parliament or an agency. In
// other names it is part of the name (Банк России, Голос Америки, Совет
// муфтиев России), and those are left whole.
var stateBodyHeads = prefixes(`правительств министерств минобороны минфин минюст сенат конгресс парламент посольств генпрокуратур
прокуратур кабинет кабмин госдеп вооруженн спецслужб разведк`)

// stateBodyAbbrevs are state bodies' abbreviations (МИД России, ВВС США);
// other abbreviations keep their country (ОПОРА России, ТПП РФ).
var stateBodyAbbrevs = setOf(`мид мвд ввс вмс вкс вмф вс ск скр кс цик фсб свр гру фсо фсин фмс фтс фнс фас мчс генштаб`)

// splitCountrySuffix splits a trailing country off organisations the
// gazetteer found. spans are sorted and do not overlap.
func (ix *index) splitCountrySuffix(text string, toks []token, spans []span) []span {
	var out []span
	for k, s := range spans {
		if s.ref.typ != pipeline.EntityOrganisation || s.ref.id == "" {
			if out != nil {
				out = append(out, s)
			}
			continue
		}
		first := tokenAt(toks, s.start)
		last := tokenEndingAt(toks, s.end)
		if first < 0 || last <= first || !stateBody(toks, first) {
			if out != nil {
				out = append(out, s)
			}
			continue
		}
		org, place, ok := ix.countryTail(text, toks, first, last)
		if !ok {
			if out != nil {
				out = append(out, s)
			}
			continue
		}
		if out == nil {
			out = append(make([]span, 0, len(spans)+1), spans[:k]...)
		}
		s.end = org
		out = append(out, s, place)
	}
	if out == nil {
		return spans
	}
	return out
}

// countryTail finds a country name that ends the tokens first..last and
// starts after first: the organisation's new end and the place's span.
func (ix *index) countryTail(text string, toks []token, first, last int) (int, span, bool) {
	for j := first + 1; j <= last; j++ {
		p, n := ix.bestAt(text, toks, j)
		if p == nil || j+n-1 != last || p.ref.typ != pipeline.EntityLocation {
			continue
		}
		if pl, ok := ix.g.Place(p.ref.id); !ok || pl.Type != "country" {
			continue
		}
		if strings.TrimSpace(text[toks[j-1].bend:toks[j].bstart]) != "" {
			return 0, span{}, false // not a plain genitive after the body
		}
		return toks[j-1].end, span{start: toks[j].start, end: toks[last].end, ref: p.ref}, true
	}
	return 0, span{}, false
}

// stateBody: the name starts with a state body's head or abbreviation
// (Правительства, ВВС, МИДе).
func stateBody(toks []token, first int) bool {
	t := &toks[first]
	if stateBodyHeads.match(t.norm) {
		return true
	}
	w := t.norm
	if stem, ok := inflectedAbbrev(t.text); ok {
		w = normalize(stem)
	}
	return stateBodyAbbrevs[w]
}

// homeCountries finds, for every organisation one of whose Russian names
// ends in a country (Минфин России), that country.
func (ix *index) homeCountries() map[string]string {
	homes := map[string]string{}
	for _, o := range ix.g.Orgs() {
		for _, name := range o.Names["ru"] {
			toks := tokenize(name)
			if len(toks) < 2 {
				continue
			}
			if _, p, ok := ix.countryTail(name, toks, 0, len(toks)-1); ok {
				homes[o.ID] = p.ref.id
				break
			}
		}
	}
	return homes
}

// foreignBodies drops the id of a national body the gazetteer found by a
// short name (Минфин) when another country's name follows it: «Минфин
// Украины» is Ukraine's ministry, not Russia's.
func (ix *index) foreignBodies(text string, toks []token, spans []span) []span {
	for k := 0; k+1 < len(spans); k++ {
		s, next := &spans[k], spans[k+1]
		home, ok := ix.homes[s.ref.id]
		if !ok || s.ref.typ != pipeline.EntityOrganisation || next.ref.typ != pipeline.EntityLocation ||
			next.ref.id == "" || next.ref.id == home || !cpGapIs(text, toks, s.end, next.start, " ") {
			continue
		}
		if pl, ok := ix.g.Place(next.ref.id); ok && pl.Type == "country" {
			s.ref.id = ""
		}
	}
	return spans
}
