package tag

import (
	"github.com/polywire/polywire/pipeline"
	"slices"
	"strings"
	"unicode"
)

// span is a candidate mention before it is turned into a pipeline.Mention.
type span struct {
	start, end int // code points
	ref        ref
	partial    bool   // surname alone
	role       string // from a role pattern, for people the gazetteer lacks
	office, to string
	override   bool // replaces the gazetteer mentions it covers (банк «Россия»)
}

// matchTokens finds gazetteer names among the tokens, longest match first,
// left to right.
func (ix *index) matchTokens(text string, toks []token) []span {
	out := make([]span, 0, len(toks)/8+4) // room for the recognisers' spans too
	for i := 0; i < len(toks); {
		p, n := ix.bestAt(text, toks, i)
		if p == nil || ix.firstNameNotPlace(text, toks, i, p) {
			i++
			continue
		}
		end := toks[i+n-1].end
		if toks[i+n-1].possessive {
			end -= 2 // the mention is the name, without 's
		}
		end = closeQuote(text, toks[i].bstart, toks[i+n-1].bend, end)
		out = append(out, span{start: toks[i].start, end: end, ref: p.ref, partial: p.partial})
		i += n
	}
	return out
}

func (ix *index) bestAt(text string, toks []token, i int) (*phrase, int) {
	var best *phrase
	filter := ix.first
	if !toks[i].cap {
		filter = ix.lower // a capitalised name never starts at a lower-case word
	}
	if !filter.maybe(toks[i].norm) {
		return nil, 0
	}
	for _, p := range ix.byFirst[toks[i].norm] {
		if !ix.phraseMatches(text, toks, i, p) {
			continue
		}
		if best == nil || better(p, best) {
			best = p
		}
	}
	if best == nil {
		return nil, 0
	}
	return best, len(best.toks)
}

func better(a, b *phrase) bool {
	if len(a.toks) != len(b.toks) {
		return len(a.toks) > len(b.toks)
	}
	if a.partial != b.partial {
		return !a.partial
	}
	return a.order < b.order
}

func (ix *index) phraseMatches(text string, toks []token, i int, p *phrase) bool {
	if i+len(p.toks) > len(toks) {
		return false
	}
	if len(p.toks) == 1 && ix.stop[toks[i].norm] {
		return false
	}
	for k, pt := range p.toks {
		t := toks[i+k]
		if k > 0 && (!containsForm(pt.forms, t.norm) || !joinable(text[toks[i+k-1].bend:t.bstart]) && !abbrevDot(toks[i+k-1], text[toks[i+k-1].bend:t.bstart])) {
			return false
		}
		if pt.upper && !t.upper {
			if _, ok := inflectedAbbrev(t.text); !ok {
				return false // an abbreviation must be in capitals (МИДе counts)
			}
		}
		if pt.cap && !t.cap && (k == 0 || !descriptorWords[pt.forms[0]]) {
			return false
		}
	}
	return true
}

// matchCJK finds CJK names by longest match at every character.
func (ix *index) matchCJK(runes []rune) []span {
	var out []span
	for i := 0; i < len(runes); {
		n, refs := ix.trie.longest(runes, i)
		if n == 0 || !cjkBoundary(runes, i, i+n) {
			i++
			continue
		}
		out = append(out, span{start: i, end: i + n, ref: refs[0]})
		i += n
	}
	return out
}

// cjkBoundary rejects matches that cut a katakana word or a Latin word in
// two (ロシア inside ベラロシア, タス inside タスク).
func cjkBoundary(runes []rune, start, end int) bool {
	if start > 0 && sameRun(runes[start-1], runes[start]) {
		return false
	}
	if end < len(runes) && sameRun(runes[end-1], runes[end]) {
		return false
	}
	return true
}

func sameRun(a, b rune) bool {
	kata := func(r rune) bool { return unicode.Is(unicode.Katakana, r) || r == 'ー' }
	latin := func(r rune) bool { return r < 0x250 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	return (kata(a) && kata(b)) || (latin(a) && latin(b))
}

// resolve sorts spans and drops those that overlap an earlier, longer or
// stronger one.
func resolve(spans []span) []span {
	slices.SortStableFunc(spans, func(a, b span) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return (b.end - b.start) - (a.end - a.start)
	})
	out := spans[:0] // in place: out never overtakes the span being read
	for _, s := range spans {
		if n := len(out); n > 0 && s.start < out[n-1].end {
			longer := s.end-s.start > out[n-1].end-out[n-1].start
			if longer && out[n-1].ref.id == "" || s.override && s.start <= out[n-1].start && s.end >= out[n-1].end {
				out[n-1] = s
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// abbrevDot: a gap ". " after a short capitalised abbreviation inside a
// name (St. Petersburg, Ft. Worth).
func abbrevDot(prev token, gap string) bool {
	return gap == ". " && prev.cap && len(prev.text) <= 3
}

// descriptorWords may be written in lower case inside a name the gazetteer
// capitalises (Чеченской республики, Соединенными штатами).
var descriptorWords = setOf(`республика дума федерация союз округ область край штаты острова остров империя
государство королевство организация ассоциация`)

// closeQuote takes in the closing quote of a name whose opening quote is
// inside it (РИА «Новости»), so that mentions do not cut a quotation.
func closeQuote(text string, bstart, bend, end int) int {
	inner := text[bstart:bend]
	if strings.Count(inner, "«") > strings.Count(inner, "»") && strings.HasPrefix(text[bend:], "»") {
		return end + 1
	}
	return end
}

// firstNameNotPlace: a one-word place that is also a first name, followed
// by a capitalised word, is a person (София Ротару, not Sofia).
func (ix *index) firstNameNotPlace(text string, toks []token, i int, p *phrase) bool {
	if p.ref.typ != pipeline.EntityLocation || len(p.toks) != 1 || i+1 >= len(toks) {
		return false
	}
	if _, ok := ix.firstNames[toks[i].norm]; !ok {
		return false
	}
	next := toks[i+1]
	return next.cap && !next.upper && text[toks[i].bend:next.bstart] == " "
}
