package tag

import (
	"strings"
	"unicode/utf8"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/tag/gazetteer"
)

// ref names the gazetteer entry a phrase belongs to.
type ref struct {
	typ string // pipeline.EntityPerson, EntityLocation, EntityOrganisation
	id  string
}

// ptoken is one word of an indexed phrase.
type ptoken struct {
	forms []string // normalised forms that match
	cap   bool     // must be capitalised in the text
	upper bool     // must be upper case in the text (abbreviation)
}

// phrase is one name variant of an entry, as a sequence of words.
type phrase struct {
	ref     ref
	toks    []ptoken
	partial bool // a surname alone: weaker than a full name
	order   int  // definition order, for ties
}

// index is the matching structure built from one gazetteer; immutable.
type index struct {
	g       *gazetteer.Gazetteer
	byFirst map[string][]*phrase // first-word form → phrases
	first   *wordFilter          // the keys of byFirst
	lower   *wordFilter          // the keys of byFirst that start a phrase written in lower case
	trie    *trieNode            // CJK names
	stop    map[string]bool      // normalised forms never matched alone
	order   int
	// canon holds every entry's canonical names.
	canon map[ref]*canonical
	// homes maps a national body's id to the country its names end in
	// (org:minfin-russia → RU, from «Минфин России»).
	homes map[string]string
	// firstNames maps forms of known first names to their nominative.
	firstNames map[string]firstNameInfo
	// roles maps role words (all forms) to English role keywords.
	roles map[string]string
}

func buildIndex(g *gazetteer.Gazetteer) *index {
	ix := &index{g: g, byFirst: map[string][]*phrase{}, first: newWordFilter(filterBits), lower: newWordFilter(lowerFilterBits), trie: newTrie(), stop: map[string]bool{}, firstNames: buildFirstNames(), roles: buildRoleIndex()}
	for _, p := range g.Places() {
		ix.addNames(ref{pipeline.EntityLocation, p.ID}, p.Names, false)
	}
	for _, p := range g.People() {
		ix.addNames(ref{pipeline.EntityPerson, p.ID}, p.Names, true)
	}
	for _, o := range g.Orgs() {
		ix.addNames(ref{pipeline.EntityOrganisation, o.ID}, o.Names, false)
		ix.addNames(ref{pipeline.EntityOrganisation, o.ID}, o.Abbreviations, false)
	}
	for _, l := range []string{"ru", "en", "uk", "ja"} {
		for _, w := range g.StopForms(l) {
			ix.stop[normalize(w)] = true
		}
	}
	ix.homes = ix.homeCountries()
	ix.canon = ix.canonicalNames()
	return ix
}

// canonical is an entry's canonical names, computed once per index: every
// mention of the entry shares its byLang map (read-only for callers).
type canonical struct {
	names  gazetteer.Names
	byLang map[string]string
}

// name is the canonical name in lang (gazetteer.Names.Canonical).
func (c *canonical) name(lang string) string {
	if v, ok := c.byLang[lang]; ok {
		return v
	}
	return c.names.Canonical(lang)
}

func (ix *index) canonicalNames() map[ref]*canonical {
	out := map[ref]*canonical{}
	add := func(r ref, n gazetteer.Names) { out[r] = &canonical{names: n, byLang: n.CanonicalByLang()} }
	for _, p := range ix.g.Places() {
		add(ref{pipeline.EntityLocation, p.ID}, p.Names)
	}
	for _, p := range ix.g.People() {
		add(ref{pipeline.EntityPerson, p.ID}, p.Names)
	}
	for _, o := range ix.g.Orgs() {
		add(ref{pipeline.EntityOrganisation, o.ID}, o.Names)
	}
	return out
}

func (ix *index) addNames(r ref, names gazetteer.Names, person bool) {
	for lang, variants := range names {
		for _, v := range variants {
			ix.order++
			if hasCJK(v) {
				ix.trie.insert(normalize(v), r)
				// A Japanese surname alone (ガルージン大使): the part after the last
				// middle dot.
				if i := strings.LastIndex(v, "・"); person && i > 0 && utf8.RuneCountInString(v[i:]) > 2 {
					ix.trie.insert(normalize(v[i+len("・"):]), r)
				}
				continue
			}
			ix.addPhrase(r, v, lang, person)
		}
	}
}

// addPhrase indexes one name variant, and for people also the surname
// alone (a later «Галузин подчеркнул» after «Михаил Галузин»).
func (ix *index) addPhrase(r ref, name, lang string, person bool) {
	words := nameWords(name)
	if len(words) == 0 {
		return
	}
	ix.add(&phrase{ref: r, toks: ix.ptokens(words, lang, person), order: ix.order})
	if person && len(words) >= 2 {
		last := words[len(words)-1]
		if utf8.RuneCountInString(last) >= 3 {
			ix.add(&phrase{ref: r, toks: ix.ptokens([]string{last}, lang, true), partial: true, order: ix.order})
		}
	}
}

func (ix *index) ptokens(words []string, lang string, person bool) []ptoken {
	norms := make([]string, len(words))
	for i, w := range words {
		norms[i] = normalize(w)
	}
	var kinds []wordKind
	if lang == "ru" {
		kinds = ruPhraseKinds(words, person)
		if person && len(words) == 1 {
			kinds = []wordKind{kindPerson}
		}
	}
	out := make([]ptoken, len(words))
	for i, w := range words {
		capital, upper := caseOf(w)
		forms := []string{norms[i]}
		if kinds != nil {
			forms = ruForms(norms[i], kinds[i])
		}
		out[i] = ptoken{forms: forms, cap: capital, upper: upper}
	}
	return out
}

func (ix *index) add(p *phrase) {
	for _, f := range p.toks[0].forms {
		ix.byFirst[f] = append(ix.byFirst[f], p)
		ix.first.add(f)
		if !p.toks[0].cap {
			ix.lower.add(f)
		}
	}
}

// nameWords splits a gazetteer name into the words the tokenizer would
// produce.
func nameWords(name string) []string {
	toks := tokenize(name)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.text
	}
	return out
}

func containsForm(forms []string, f string) bool {
	for _, x := range forms {
		if x == f {
			return true
		}
	}
	return false
}

// joinable reports whether the text between two words of one name holds
// only spaces, quotes or dashes (no sentence or clause break, no
// parenthesis: «Бавария» (Мюнхен) is a club and its city).
func joinable(gap string) bool {
	if len(gap) > 8 {
		return false
	}
	return strings.Trim(gap, " \u00a0«»\"'—–-") == ""
}
