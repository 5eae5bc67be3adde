package tag

import (
	"strings"
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

// tokenize splits text into tokens, skipping CJK characters (they are
// matched by the trie).
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/8)
	var arena []byte
	var inArena []wordFold // arena offsets of the tokens whose norm is there
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
		t, f, n, ncp := scanToken(text, i, cp, &arena)
		t.sentStart = sent
		sent = false
		if t.norm == "" {
			inArena = append(inArena, f)
		}
		toks = append(toks, t)
		i += n
		cp += ncp
	}
	fillNorms(toks, string(arena), inArena)
	return toks
}

// fillNorms points the tokens whose normal form went to the arena at it.
func fillNorms(toks []token, arena string, folds []wordFold) {
	k := 0
	for i := range toks {
		if toks[i].norm == "" && k < len(folds) {
			toks[i].norm = arena[folds[k].off:folds[k].end]
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

// scanToken reads one token starting at byte i (code point cp).
func scanToken(text string, i, cp int, arena *[]byte) (token, wordFold, int, int) {
	if n := dottedAbbrev(text, i); n > 0 {
		w := text[i : i+n]
		t := token{start: cp, end: cp + n, bstart: i, bend: i + n, text: w, norm: normalize(w), cap: true, upper: true}
		return t, wordFold{}, n, n
	}
	j, ncp := i, 0
	for j < len(text) {
		r, size := rune(text[j]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[j:])
		}
		if fastWordRune(r) {
			j += size
			ncp++
			continue
		}
		if r == '.' && j > i && j+size < len(text) {
			// Domain-like words keep their dots (Lenta.ru, NEWSru.com);
			// initials (В.В.) do not: the letter before the dot is upper case.
			prev, _ := utf8.DecodeLastRuneInString(text[i:j])
			if next, _ := utf8.DecodeRuneInString(text[j+size:]); unicode.IsLower(prev) && isWordRune(next) {
				j += size
				ncp++
				continue
			}
		}
		if (r == '-' || r == '\'' || r == '’') && j+size < len(text) {
			if next, _ := utf8.DecodeRuneInString(text[j+size:]); isWordRune(next) {
				j += size
				ncp++
				continue
			}
		}
		break
	}
	w := text[i:j]
	f, buf := foldWord(w, *arena)
	*arena = buf
	t := token{start: cp, end: cp + ncp, bstart: i, bend: j, text: w, norm: f.norm, cap: f.capital, upper: f.upper}
	// English possessive: Krai's matches Krai.
	if !f.hasCyr && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'S") || strings.HasSuffix(w, "’S")) {
		t.norm, t.possessive = strings.TrimSuffix(normalize(w), "'s"), true
	}
	return t, f, j - i, ncp
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
