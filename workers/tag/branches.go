package tag

import (
	"sort"
	"strings"

	"github.com/polywire/polywire/pipeline"
)

// Regional branches of state bodies are named by the body and the region
// it serves: «ГУ МЧС России по Санкт-Петербургу», «УФСИН по Красноярскому
// краю и Республике Хакасия». The whole phrase is one organisation (without
// the federal body's id); the places inside it are not mentions of their
// own.

// branchPrefixes are the abbreviations that name a regional directorate of
// the body after them (ГУ МЧС, СУ СК).
var branchPrefixes = setOf(`гу су гсу`)

// branchHeads are the institution nouns whose regional branches are named
// «… по <region>».
var branchHeads = prefixes(`управлени департамент инспекци прокуратур отдел служб`)

// extendBranches widens organisations over a «по <place>» (and «и
// <place>») after them and over a branch prefix before them, dropping the
// places they take in. spans must be sorted and not overlap.
func (ix *index) extendBranches(text string, toks []token, spans []span) []span {
	out := spans[:0]
	for k := 0; k < len(spans); k++ {
		s := spans[k]
		if s.ref.typ != pipeline.EntityOrganisation || !branchBody(text, toks, s) {
			out = append(out, s)
			continue
		}
		took := false
		if k+2 < len(spans) && countryOfBody(text, toks, s, spans[k+1]) && ix.servedArea(spans[k+2]) &&
			cpGapIs(text, toks, spans[k+1].end, spans[k+2].start, " по ") {
			s.end = spans[k+1].end // УФСИН России по …: the country is part of the body's name
			k++
		}
		for _, joiner := range []string{" по ", " и "} {
			if k+1 >= len(spans) || !ix.servedArea(spans[k+1]) || !cpGapIs(text, toks, s.end, spans[k+1].start, joiner) ||
				joiner == " и " && !took {
				break
			}
			s.end = spans[k+1].end
			k++
			took = true
		}
		if took {
			s.ref.id, s.partial = "", false
			if j := tokenAt(toks, s.start); j > 0 && branchPrefixes[toks[j-1].norm] && toks[j-1].upper &&
				text[toks[j-1].bend:toks[j].bstart] == " " && (len(out) == 0 || out[len(out)-1].end <= toks[j-1].start) {
				s.start = toks[j-1].start
			}
		}
		out = append(out, s)
	}
	return out
}

// servedArea reports whether a place can be the area a regional branch
// serves: a region, a city, or a place the gazetteer does not know (ООН по
// Сирии is an envoy's brief, not a branch).
func (ix *index) servedArea(p span) bool {
	if p.ref.typ != pipeline.EntityLocation {
		return false
	}
	if p.ref.id == "" {
		return true
	}
	pl, ok := ix.g.Place(p.ref.id)
	return ok && (pl.Type == "region" || pl.Type == "city")
}

// branchBody reports whether an organisation can have regional branches:
// it has an abbreviation in capitals (МЧС, УФСИН, МВД России) or an
// administrative head noun.
func branchBody(text string, toks []token, s span) bool {
	j := tokenAt(toks, s.start)
	if j < 0 {
		return false // not on word boundaries (CJK)
	}
	for ; j < len(toks) && toks[j].start < s.end; j++ {
		if toks[j].upper && len([]rune(toks[j].norm)) >= 2 && !strings.EqualFold(toks[j].norm, "рф") || branchHeads.match(toks[j].norm) {
			return true
		}
	}
	return false
}

// cpGapIs reports whether the text between code points from and to (the
// end of a span and the start of the next) is exactly gap.
func cpGapIs(text string, toks []token, from, to int, gap string) bool {
	a, b := tokenEndingAt(toks, from), tokenAt(toks, to)
	if a < 0 || b < 0 {
		return false
	}
	return text[toks[a].bend:toks[b].bstart] == gap
}

// tokenEndingAt returns the index of the token that ends at code point end,
// or -1.
func tokenEndingAt(toks []token, end int) int {
	j := sort.Search(len(toks), func(i int) bool { return toks[i].end >= end })
	if j < len(toks) && toks[j].end == end {
		return j
	}
	return -1
}

// countryOfBody reports whether place p, right after organisation s, is
// the country the body belongs to (УФСИН России).
func countryOfBody(text string, toks []token, s, p span) bool {
	return p.ref.typ == pipeline.EntityLocation && p.ref.id == "RU" && cpGapIs(text, toks, s.end, p.start, " ")
}
