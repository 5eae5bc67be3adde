package tag

import (
	"strings"

	"github.com/polywire/polywire/pipeline"
)

// English recognisers for names the gazetteer lacks: organisations by a
// head word at the end of a title-case run (Toyota Motor Corp, Japan
// Meteorological Agency) or at its start before "of" (Ministry of Defense,
// Bank of Thailand), abbreviations in capitals (IAEA), places by a
// descriptor (Hokkaido Prefecture, Kemerovo Oblast), and people by a
// given name (John Smith) or a title (Mr Tanaka). Mentions carry no id,
// except people with a first name and a surname (identity.go).

var (
	enOrgTails = setOf(`corp corporation inc incorporated ltd limited co company group holdings bank ministry agency
	committee council commission party university institute association federation union organization organisation
	foundation fund authority office department service bureau court parliament assembly airlines airways motors
	industries news times post journal press network channel club team institution academy society`)
	enOrgHeads  = setOf(`ministry department bank university institute office bureau council commission agency organization organisation federation association union court house academy`)
	enPlaceTail = setOf(`city province prefecture county oblast krai region island islands district republic`)
	// enCorporateTails are legal forms: they may follow a company's name
	// without making another organisation (Apple Inc). Motor, Group and the
	// like do (Mitsubishi Motors is not Mitsubishi Corp).
	enCorporateTails = setOf(`corp corporation inc incorporated ltd limited co plc ag sa nv llc`)
	enHonorific      = setOf(`mr mrs ms dr sir lady lord`)
	// enNotOrgAbbrev are capitals that are not organisations.
	enNotOrgAbbrev = setOf(`ceo cfo gdp tv am pm utc gmt ok id pr it ai usd eur jpy rub cny fy covid hiv aids dna uk us usa eu
	ii iii iv vi vii viii ix xi xii xx xxi i ad bc km kg mw gw lng lpg faq vs`)
	enJoiners = setOf(`of and for the on de`)
)

// englishCtx is what the English recognisers know about one text.
type englishCtx struct {
	text          string
	toks          []token
	covered       []bool // in a mention already
	place         []bool // in a gazetteer place: may be inside an organisation's name
	org           []bool // in a gazetteer organisation: may start a longer name
	orgAt         []int  // the known organisation span of each token, -1 for none
	names         map[string]firstNameInfo
	knownGivenLat map[string]bool
}

func (ix *index) newEnglishCtx(text string, toks []token, known []span) *englishCtx {
	ec := &englishCtx{text: text, toks: toks, covered: coveredTokens(toks, known),
		place: coveredTokensOf(toks, known, pipeline.EntityLocation), org: make([]bool, len(toks)), orgAt: make([]int, len(toks)),
		names: ix.firstNames, knownGivenLat: latinFirstNames}
	for k := range ec.orgAt {
		ec.orgAt[k] = -1
	}
	eachCovered(toks, known, pipeline.EntityOrganisation, func(k, s int) { ec.org[k], ec.orgAt[k] = true, s })
	return ec
}

// englishOrgs finds organisations and English places.
func (ix *index) englishOrgs(text string, toks []token, known []span) []span {
	ec := ix.newEnglishCtx(text, toks, known)
	var out []span
	for i := 0; i < len(toks); {
		n, typ, override := ec.orgOrPlaceAt(i)
		if n == 0 {
			i++
			continue
		}
		s := span{start: toks[i].start, end: toks[i+n-1].end, ref: ref{typ: typ}, override: override}
		if r, ok := ec.sameOrg(known, i, n); typ == pipeline.EntityOrganisation && ok {
			s.ref = r // European Union, Apple Inc: the known organisation, perhaps with its corporate tail
		}
		out = append(out, s)
		i += n
	}
	return out
}

// sameOrg reports whether the run of n tokens at i is a known organisation
// the gazetteer found, alone or followed by corporate tails (Inc, Corp,
// Group): the run keeps that organisation's identity.
func (ec *englishCtx) sameOrg(known []span, i, n int) (ref, bool) {
	if ec.orgAt[i] < 0 {
		return ref{}, false
	}
	found := &known[ec.orgAt[i]]
	if found.ref.id == "" || found.start != ec.toks[i].start {
		return ref{}, false
	}
	for j := i; j < i+n; j++ {
		if ec.covered[j] && ec.orgAt[j] != ec.orgAt[i] {
			return ref{}, false // another known name inside the run
		}
	}
	for j := i; j < i+n; j++ {
		if ec.toks[j].start >= found.end && !enCorporateTails[strings.TrimSuffix(ec.toks[j].norm, ".")] {
			return ref{}, false
		}
	}
	return found.ref, true
}

// titleRun returns the length of the title-case run at i: capitalised
// Latin words, gazetteer places among them, and lower-case joiners between
// two of them; at most eight words.
func (ec *englishCtx) titleRun(i int) int {
	n := 0
	for i+n < len(ec.toks) && n < 8 {
		j := i + n
		if n > 0 && !ec.spacedEn(j-1, j) {
			break
		}
		switch {
		case ec.runWord(j):
			n++
		case n > 0 && enJoiners[ec.toks[j].norm] && !ec.toks[j].cap && j+1 < len(ec.toks) && ec.runWord(j+1) && ec.spacedEn(j, j+1) &&
			!ec.toks[j+1].upper && !ec.org[j+1]: // not "Bank of Thailand and NATO"
			n++
		default:
			return n
		}
	}
	return n
}

// runWord: a capitalised Latin word that is not part of a person's name.
func (ec *englishCtx) runWord(j int) bool {
	t := &ec.toks[j]
	return t.cap && isLatinWord(t.text) && (!ec.covered[j] || ec.place[j] || ec.org[j])
}

func (ec *englishCtx) orgOrPlaceAt(i int) (int, string, bool) {
	t := &ec.toks[i]
	if !ec.runWord(i) {
		return 0, "", false
	}
	if t.upper && !ec.covered[i] && len(t.norm) >= 2 && len(t.norm) <= 6 && !enNotOrgAbbrev[t.norm] && !romanNumeral(t.norm) {
		return 1, pipeline.EntityOrganisation, false // NATO, IAEA
	}
	n := ec.titleRun(i)
	start := 0
	if t.norm == "the" || t.sentStart && functionWordEN[t.norm] {
		start = 1 // "The Bank of Japan": the article is not part of the name
	}
	if n-start < 1 {
		return 0, "", false
	}
	if t.sentStart && n > 1 && !enOrgHeads[t.norm] && enJoiners[ec.toks[i+1].norm] {
		return 0, "", false // "Executives of Acme Inc": a sentence's capital is no evidence
	}
	last := strings.TrimSuffix(ec.toks[i+n-1].norm, ".")
	first := ec.toks[i+start].norm
	override := ec.hasKnown(i+start, i+n)
	switch {
	case n-start >= 2 && enOrgTails[last] || enOrgHeads[first] && n-start >= 3 && ec.toks[i+start+1].norm == "of":
		return ec.shift(start, n, pipeline.EntityOrganisation, override)
	case n-start >= 2 && enPlaceTail[last] && !override:
		return ec.shift(start, n, pipeline.EntityLocation, false) // a known place keeps its id without the descriptor
	}
	return 0, "", false
}

// shift drops a leading article from a run: the caller restarts one token
// later, so an article is reported as "no match here".
func (ec *englishCtx) shift(start, n int, typ string, override bool) (int, string, bool) {
	if start > 0 {
		return 0, "", false
	}
	return n, typ, override
}

func (ec *englishCtx) hasKnown(a, b int) bool {
	for k := a; k < b; k++ {
		if ec.covered[k] {
			return true
		}
	}
	return false
}

func (ec *englishCtx) spacedEn(a, b int) bool {
	g := ec.text[ec.toks[a].bend:ec.toks[b].bstart]
	return g == " " || g == "\u00a0"
}

func isLatinWord(w string) bool {
	for _, r := range w {
		if r >= 0x250 {
			return false
		}
	}
	return true
}

// functionWordEN open English sentences with a capital.
var functionWordEN = setOf(`the a an in on at for from to by with as but and or if when while after before this that these those
it its he she they we i his her their our my there here what which who how why all some many most no not`)

// englishNamedPeople finds people by a given name or an honorific:
// a known first name and one or two capitalised words (John Smith, Mary
// Ann Evans), or Mr/Mrs/Ms/Dr and a capitalised word (Mr Tanaka).
func (ec *englishCtx) namedPeople() []span {
	var out []span
	for i := 0; i+1 < len(ec.toks); i++ {
		t := &ec.toks[i]
		if ec.covered[i] || !t.cap || t.upper || !isLatinWord(t.text) {
			continue
		}
		honorific := enHonorific[strings.TrimSuffix(t.norm, ".")]
		if !honorific && !ec.knownGivenLat[t.norm] {
			continue
		}
		n := 0
		for n < 2 && i+1+n < len(ec.toks) && ec.personWord(i+1+n) && (ec.spacedEn(i+n, i+1+n) || ec.gapIs(i+n, i+1+n, ". ")) {
			n++
		}
		if n == 0 {
			continue
		}
		if honorific {
			out = append(out, span{start: ec.toks[i+1].start, end: ec.toks[i+n].end, ref: ref{typ: pipeline.EntityPerson}})
		} else {
			out = append(out, span{start: t.start, end: ec.toks[i+n].end, ref: ref{typ: pipeline.EntityPerson}})
		}
		i += n
	}
	return out
}

func (ec *englishCtx) personWord(j int) bool {
	t := &ec.toks[j]
	return t.cap && !t.upper && !ec.covered[j] && isLatinWord(t.text) && !enOrgTails[t.norm] && !functionWordEN[t.norm]
}

func (ec *englishCtx) gapIs(a, b int, g string) bool {
	return ec.text[ec.toks[a].bend:ec.toks[b].bstart] == g
}

// governedRegions turns a city named before "Governor" into its region
// (Krasnoyarsk Governor, Tokyo Governor): a governor heads the region, not
// the city that gives it its name.
func (ix *index) governedRegions(text string, toks []token, spans []span) []span {
	for k := range spans {
		s := &spans[k]
		if s.ref.typ != pipeline.EntityLocation || !strings.HasPrefix(s.ref.id, "city:") {
			continue
		}
		j := tokenEndingAt(toks, s.end)
		if j < 0 || j+1 >= len(toks) || toks[j+1].norm != "governor" || text[toks[j].bend:toks[j+1].bstart] != " " {
			continue
		}
		city, ok := ix.g.Place(s.ref.id)
		if !ok {
			continue
		}
		if region, ok := ix.g.Place(city.Parent); ok && region.Type == "region" {
			s.ref.id = region.ID
		}
	}
	return spans
}
