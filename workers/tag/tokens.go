package tag

import (
	"unicode"
	"unicode/utf8"
)

// token is one word of the text: letters and digits, with inner hyphens
// (Санкт-Петербург, премьер-министр) and apostrophes kept.
type token struct {
	start, end int // code points
	bstart     int // bytes, for the gap checks
	bend       int
	text       string // as written
	norm       string // normalize(text)
	cap        bool   // first letter upper case
	upper      bool   // every letter upper case, at least two letters
	sentStart  bool   // first word of a sentence or paragraph
	possessive bool   // ends in 's, which norm leaves out
}

// tokenizer holds the state of one tokenize call. Normal forms that differ
// from the text go to one arena, turned into a single string at the end,
// instead of a string allocation per capitalised word.
type tokenizer struct {
	text    string
	toks    []token
	arena   []byte
	inArena [][2]int // arena bounds of the tokens whose norm is there, in order
}

// tokenize splits text into tokens, skipping CJK characters (they are
// matched by the trie).
func tokenize(text string) []token {
	tz := tokenizer{text: text, toks: make([]token, 0, len(text)/10+1)}
	cp := 0
	sent := true
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !fastWordRune(r) {
			if r == '.' || r == '!' || r == '?' || r == '\n' || r == '…' {
				sent = true
			}
			i += size
			cp++
			continue
		}
		tz.toks = append(tz.toks, token{sentStart: sent})
		sent = false
		n, ncp := tz.scan(&tz.toks[len(tz.toks)-1], i, cp)
		i += n
		cp += ncp
	}
	tz.fillNorms()
	return tz.toks
}

// fillNorms points the tokens whose normal form went to the arena at it.
func (tz *tokenizer) fillNorms() {
	arena := string(tz.arena)
	k := 0
	for i := range tz.toks {
		if tz.toks[i].norm == "" && k < len(tz.inArena) {
			b := tz.inArena[k]
			tz.toks[i].norm = arena[b[0]:b[1]]
			k++
		}
	}
}

func isWordRune(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isCJK(r)
}

// dottedAbbrev returns the byte length of a Latin dotted abbreviation at
// text[i:] (U.S., U.N.), dots included, or 0.
func dottedAbbrev(text string, i int) int {
	j, letters := i, 0
	for j+1 < len(text) && text[j] >= 'A' && text[j] <= 'Z' && text[j+1] == '.' {
		j += 2
		letters++
	}
	if letters < 2 || (j < len(text) && isWordRune(rune(text[j]))) {
		return 0
	}
	return j - i
}

// scan reads the token starting at byte i (code point cp) into t and
// returns its length in bytes and code points.
func (tz *tokenizer) scan(t *token, i, cp int) (int, int) {
	text := tz.text
	if n := dottedAbbrev(text, i); n > 0 {
		w := text[i : i+n]
		t.start, t.end, t.bstart, t.bend, t.text, t.norm, t.cap, t.upper = cp, cp+n, i, i+n, w, normalize(w), true, true
		return n, n
	}
	j := tokenEnd(text, i)
	w := text[i:j]
	t.start, t.bstart, t.bend, t.text = cp, i, j, w
	t.end = cp + utf8.RuneCountInString(w)
	tz.fold(t)
	return j - i, t.end - cp
}

// tokenEnd returns the byte offset where the token starting at i ends.
func tokenEnd(text string, i int) int {
	j := i
	for j < len(text) {
		r, size := rune(text[j]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[j:])
		}
		if fastWordRune(r) {
			j += size
			continue
		}
		if r == '.' && j > i && j+size < len(text) {
			// Domain-like words keep their dots (Lenta.ru, NEWSru.com);
			// initials (В.В.) do not: the letter before the dot is upper case.
			prev, _ := utf8.DecodeLastRuneInString(text[i:j])
			if next, _ := utf8.DecodeRuneInString(text[j+size:]); unicode.IsLower(prev) && isWordRune(next) {
				j += size
				continue
			}
		}
		if (r == '-' || r == '\'' || r == '’') && j+size < len(text) {
			if next, _ := utf8.DecodeRuneInString(text[j+size:]); isWordRune(next) {
				j += size
				continue
			}
		}
		break
	}
	return j
}

func caseOf(w string) (capital, upper bool) {
	first, _ := utf8.DecodeRuneInString(w)
	capital = unicode.IsUpper(first)
	letters := 0
	upper = true
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				upper = false
			}
		}
	}
	return capital, upper && letters >= 2
}
