package tag

import "unicode/utf8"

// cpText addresses a text by code points, as mention offsets do. Text in
// CJK scripts (matched character by character) or with invalid UTF-8 is
// converted to runes once; other text is read in place through a cursor
// that remembers the last position, because offsets are asked for in
// nearly increasing order.
type cpText struct {
	text  string
	runes []rune  // when the text has CJK or invalid UTF-8
	toks  []token // otherwise: their offsets in both units are landmarks
	cp, b int     // the cursor: code point cp starts at byte b
}

// newCPText indexes text, whose tokens are toks; asRunes converts it to
// runes (CJK text, invalid UTF-8).
func newCPText(text string, toks []token, asRunes bool) *cpText {
	t := &cpText{text: text, toks: toks}
	if asRunes {
		t.runes = []rune(text)
	}
	return t
}

// byteAt returns the byte offset of code point cp (len(text) at the end),
// walking from the nearest token start at or before it.
func (t *cpText) byteAt(cp int) int {
	lo, hi := 0, len(t.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if t.toks[m].start <= cp {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo > 0 {
		if k := t.toks[lo-1]; k.start > t.cp || t.cp > cp {
			t.cp, t.b = k.start, k.bstart
			if k.end <= cp {
				t.cp, t.b = k.end, k.bend
			}
		}
	}
	return t.walk(cp)
}

// walk moves the cursor to code point cp.
func (t *cpText) walk(cp int) int {
	for t.cp < cp && t.b < len(t.text) {
		_, n := utf8.DecodeRuneInString(t.text[t.b:])
		t.b += n
		t.cp++
	}
	for t.cp > cp && t.b > 0 {
		_, n := utf8.DecodeLastRuneInString(t.text[:t.b])
		t.b -= n
		t.cp--
	}
	return t.b
}

// slice returns code points [start, end) of the text.
func (t *cpText) slice(start, end int) string {
	if t.runes != nil {
		return string(t.runes[start:end])
	}
	s := t.byteAt(start)
	return t.text[s:t.byteAt(end)]
}

// at returns the code point at i, or utf8.RuneError past the end.
func (t *cpText) at(i int) rune {
	if t.runes != nil {
		if i < 0 || i >= len(t.runes) {
			return utf8.RuneError
		}
		return t.runes[i]
	}
	b := t.byteAt(i)
	if i < 0 || b >= len(t.text) {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeRuneInString(t.text[b:])
	return r
}

// sliceTo returns up to n code points from start.
func (t *cpText) sliceTo(start, n int) string {
	if t.runes != nil {
		return string(t.runes[min(start, len(t.runes)):min(len(t.runes), start+n)])
	}
	s := t.byteAt(start)
	e := s
	for k := 0; k < n && e < len(t.text); k++ {
		_, size := utf8.DecodeRuneInString(t.text[e:])
		e += size
	}
	return t.text[s:e]
}
