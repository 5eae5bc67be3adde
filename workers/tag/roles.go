package tag

import (
	"sort"
	"strings"
	"unicode"

	"github.com/polywire/polywire/pipeline"
)

// Role patterns: a role word before a person's name, with the places named
// between them («посол РФ в Японии Михаил Галузин», "Japanese Prime
// Minister Shinzo Abe"), or a Japanese role suffix after the name
// (安倍晋三首相). The role stated in the text is kept for people the
// gazetteer does not know or who hold no gazetteer role at the story's date.

// roleKeywords maps role words (Russian base forms, English lower case) to
// the English role keyword.
var roleKeywords = map[string]string{
	"губернатор": "governor", "посол": "ambassador", "президент": "president",
	"премьер-министр": "prime minister", "премьер": "prime minister", "министр": "minister",
	"мэр": "mayor", "глава": "head", "председатель": "chairman", "канцлер": "chancellor",
	"спикер": "speaker", "пресс-секретарь": "press secretary", "вице-премьер": "deputy prime minister",
	"governor": "governor", "ambassador": "ambassador", "president": "president", "premier": "prime minister",
	"minister": "minister", "mayor": "mayor", "chancellor": "chancellor", "speaker": "speaker", "envoy": "ambassador",
}

// jaRoleSuffixes follow a name in Japanese.
var jaRoleSuffixes = []struct{ suffix, role string }{
	{"首相", "prime minister"}, {"大統領", "president"}, {"知事", "governor"}, {"大使", "ambassador"},
	{"外相", "foreign minister"}, {"市長", "mayor"}, {"氏", ""},
}

// demonyms name a country in an English role phrase.
var demonyms = map[string]string{
	"japanese": "JP", "russian": "RU", "american": "US", "u.s.": "US", "us": "US", "chinese": "CN",
	"ukrainian": "UA", "french": "FR", "german": "DE", "british": "GB", "indian": "IN", "kazakh": "KZ",
	"belarusian": "BY", "korean": "KR", "south": "", "turkish": "TR", "italian": "IT",
	"российский": "RU", "японский": "JP", "американский": "US", "китайский": "CN", "украинский": "UA",
}

// roleIndex maps every inflected role form to its keyword.
func buildRoleIndex() map[string]string {
	out := map[string]string{}
	for w, role := range roleKeywords {
		if !hasCyrillic(w) {
			out[w] = role
			continue
		}
		for _, f := range ruForms(w, kindGiven) {
			out[f] = role
		}
	}
	// посол has a fleeting vowel (посла, послу, послом); после is a preposition.
	out["посла"], out["послу"], out["послом"] = "ambassador", "ambassador", "ambassador"
	delete(out, "после")
	return out
}

// applyRoles gives person spans the role their text states.
func (ix *index) applyRoles(text string, ct *cpText, toks []token, spans []span, lang string) []span {
	inPerson := coveredTokensOf(toks, spans, pipeline.EntityPerson)
	for k := range spans {
		if spans[k].ref.typ != pipeline.EntityPerson {
			continue
		}
		ix.roleBefore(text, toks, spans, k, inPerson)
		if spans[k].role == "" {
			roleAfterJa(ct, &spans[k])
		}
	}
	return spans
}

// roleBefore scans back from a person's first word to a role word, at most
// seven words, without crossing punctuation or another person.
func (ix *index) roleBefore(text string, toks []token, spans []span, k int, inPerson []bool) {
	first := tokenAt(toks, spans[k].start)
	if first < 0 {
		return
	}
	for j := first - 1; j >= 0 && first-j <= 7; j-- {
		if !joinable(text[toks[j].bend:toks[j+1].bstart]) || inPerson[j] {
			return
		}
		role, ok := ix.roles[toks[j].norm]
		if !ok {
			continue
		}
		s := &spans[k]
		s.role = qualifyRole(toks, j, role)
		s.office, s.to = placesBetween(text, toks, spans, j, first)
		for k := j - 1; s.office == "" && k >= max(0, j-2); k-- {
			s.office = demonyms[toks[k].norm] // Japanese (Prime) Minister
		}
		return
	}
}

// qualifyRole refines "minister" from its neighbours (Prime Minister,
// Foreign Minister, министр иностранных дел, министр обороны).
func qualifyRole(toks []token, j int, role string) string {
	if role != "minister" {
		return role
	}
	if j > 0 {
		switch toks[j-1].norm {
		case "prime":
			return "prime minister"
		case "foreign":
			return "foreign minister"
		case "defence", "defense":
			return "defence minister"
		}
	}
	if j+1 < len(toks) {
		switch toks[j+1].norm {
		case "иностранных":
			return "foreign minister"
		case "обороны":
			return "defence minister"
		}
	}
	return role
}

// placesBetween returns the office (the first place) and, for envoys, the
// destination (a place after в/во/to/in) named between two tokens. spans
// are sorted by start.
func placesBetween(text string, toks []token, spans []span, from, to int) (office, dest string) {
	first := sort.Search(len(spans), func(i int) bool { return spans[i].start >= toks[from].end })
	for _, s := range spans[first:] {
		if s.start >= toks[to].start {
			break
		}
		if s.ref.typ != pipeline.EntityLocation || s.ref.id == "" || s.end > toks[to].start {
			continue
		}
		j := tokenAt(toks, s.start)
		if j > 0 && (toks[j-1].norm == "в" || toks[j-1].norm == "во" || toks[j-1].norm == "to" || toks[j-1].norm == "in") {
			dest = s.ref.id
			continue
		}
		if office == "" {
			office = s.ref.id
		}
	}
	if office == "" {
		office = demonyms[toks[from+min(1, to-from-1)].norm]
	}
	return office, dest
}

// roleAfterJa reads a Japanese role suffix right after a name.
func roleAfterJa(ct *cpText, s *span) {
	rest := ct.sliceTo(s.end, 3)
	for _, r := range jaRoleSuffixes {
		if r.role != "" && strings.HasPrefix(rest, r.suffix) {
			s.role = r.role
			return
		}
	}
}

func tokenAt(toks []token, start int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].start < start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(toks) && toks[lo].start == start {
		return lo
	}
	return -1
}

// jaPeople finds Japanese-script names the gazetteer lacks: a katakana name
// with a middle dot (ミハイル・ガルージン) followed by a role suffix.
func jaPeople(runes []rune, known []span) []span {
	cov := newRuneCover(len(runes), known)
	var out []span
	for i := 0; i < len(runes); i++ {
		if !isKatakana(runes[i]) || (i > 0 && (isKatakana(runes[i-1]) || runes[i-1] == '・')) {
			continue
		}
		j, dot := i, false
		for j < len(runes) && (isKatakana(runes[j]) || runes[j] == '・') {
			dot = dot || runes[j] == '・'
			j++
		}
		if dot && hasJaRoleSuffix(runes[j:]) && !cov.any(i, j) {
			out = append(out, span{start: i, end: j, ref: ref{typ: pipeline.EntityPerson}})
		}
		i = j
	}
	return out
}

func hasJaRoleSuffix(rest []rune) bool {
	s := string(rest[:min(len(rest), 3)])
	for _, r := range jaRoleSuffixes {
		if strings.HasPrefix(s, r.suffix) {
			return true
		}
	}
	return false
}

func isKatakana(r rune) bool { return unicode.Is(unicode.Katakana, r) && r != '・' || r == 'ー' }
