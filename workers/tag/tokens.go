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
	invalid bool // the text has invalid UTF-8
	text    string
	toks    []token
	arena   []byte
	inArena [][2]int // arena bounds of the tokens whose norm is there, in order
}

// buffers are the tokenizer's reusable memory: a token slice, and the
// arena's bytes (copied into one string at the end, so reusable).
type buffers struct {
	toks  []token
	arena []byte
}

// tokenize splits text into tokens, skipping CJK characters (they are
// matched by the trie).
func tokenize(text string) []token {
	toks, _ := tokenizeText(text, &buffers{})
	return toks
}

// tokenizeText is tokenize, also reporting whether text has invalid UTF-8;
// it fills buf (buffers the caller reuses): the tokens returned are
// buf.toks, the arena is buf.arena.
func tokenizeText(text string, buf *buffers) ([]token, bool) {
	if cap(buf.toks) == 0 {
		buf.toks = make([]token, 0, len(text)/10+1)
	}
	tz := tokenizer{text: text, toks: buf.toks[:0], arena: buf.arena[:0]}
	defer func() { buf.arena = tz.arena[:0] }()
	cp := 0
	sent := true
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			tz.invalid = tz.invalid || size == 1
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
	return tz.toks, tz.invalid
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
	f := wordFlags{pendingFirstLetter: true}
	j, ncp := scanWord(text, i, &f)
	t.start, t.end, t.bstart, t.bend, t.text = cp, cp+ncp, i, j, text[i:j]
	if !startsWithLetter(t.text) {
		f.capital = false // a digit first (1990-Е): not a capitalised word
	}
	tz.fold(t, &f)
	return j - i, ncp
}

func startsWithLetter(w string) bool {
	switch c := w[0]; {
	case c < 0x80:
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	case len(w) > 1 && (c == 0xD0 && w[1] >= 0x90 && w[1] <= 0xBF || c == 0xD1 && w[1] >= 0x80 && w[1] <= 0x8F):
		return true // А–я
	}
	r, _ := utf8.DecodeRuneInString(w)
	return fastLetter(r)
}

// scanWord finds the end of the word starting at byte i, counting its code
// points and gathering its flags on the way. Basic Cyrillic letters, the
// bulk of Russian text, are decided from their two UTF-8 bytes.
func scanWord(text string, i int, f *wordFlags) (int, int) {
	j, ncp := i, 0
	for j < len(text) {
		c := text[j]
		if (c == 0xD0 || c == 0xD1) && j+1 < len(text) {
			c2 := text[j+1]
			if c == 0xD0 && c2 >= 0xB0 && c2 <= 0xBF || c == 0xD1 && c2 >= 0x80 && c2 <= 0x8F { // а–я, the bulk
				if f.pendingFirstLetter {
					f.pendingFirstLetter = false
				}
				f.hasCyr, f.lower = true, true
				f.letters++
				j += 2
				ncp++
				continue
			}
			if c == 0xD0 && c2 >= 0x90 && c2 < 0xB0 { // А–Я
				f.hasCyr = true
				f.letter(true)
				j += 2
				ncp++
				continue
			}
		}
		r, size := rune(c), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[j:])
		}
		if fastWordRune(r) || joinerAt(text, i, j, r, size) {
			f.add(r)
			j += size
			ncp++
			continue
		}
		break
	}
	return j, ncp
}

// joinerAt reports whether the non-word rune r at byte j continues the word
// that started at i: a dot in a domain-like word (Lenta.ru, NEWSru.com, but
// not after an initial: В.В.), or a hyphen or apostrophe between letters.
func joinerAt(text string, i, j int, r rune, size int) bool {
	if j+size >= len(text) {
		return false
	}
	switch r {
	case '.':
		if j == i {
			return false
		}
		prev, _ := utf8.DecodeLastRuneInString(text[i:j])
		next, _ := utf8.DecodeRuneInString(text[j+size:])
		return unicode.IsLower(prev) && isWordRune(next)
	case '-', '\'', '’':
		next, _ := utf8.DecodeRuneInString(text[j+size:])
		return isWordRune(next)
	}
	return false
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
