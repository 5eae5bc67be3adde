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
	var toks []token
	cp := 0
	sent := true
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			if r == '.' || r == '!' || r == '?' || r == '\n' || r == '…' {
				sent = true
			}
			i += size
			cp++
			continue
		}
		t, n, ncp := scanToken(text, i, cp)
		t.sentStart = sent
		sent = false
		toks = append(toks, t)
		i += n
		cp += ncp
	}
	return toks
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
func scanToken(text string, i, cp int) (token, int, int) {
	if n := dottedAbbrev(text, i); n > 0 {
		w := text[i : i+n]
		t := token{start: cp, end: cp + n, bstart: i, bend: i + n, text: w, norm: normalize(w), cap: true, upper: true}
		return t, n, n
	}
	j, ncp := i, 0
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
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
	t := token{start: cp, end: cp + ncp, bstart: i, bend: j, text: w, norm: normalize(w)}
	// English possessive: Krai's matches Krai.
	if n := strings.TrimSuffix(t.norm, "'s"); n != t.norm && !hasCyrillic(n) {
		t.norm, t.possessive = n, true
	}
	t.cap, t.upper = caseOf(w)
	return t, j - i, ncp
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
