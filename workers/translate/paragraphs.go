package translate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// segment is a piece of text to translate and the whitespace that followed
// it in the input, put back verbatim after the translation.
type segment struct {
	text string
	sep  string
}

// paragraphBreaks returns the [start, end) byte ranges of the paragraph
// breaks in s: a line break, optional blanks, another line break, with the
// whitespace before and after them. A hand-written scan: a regexp with a
// leading blank class costs twenty times more on long bodies.
func paragraphBreaks(s string) [][2]int {
	var out [][2]int
	prevEnd := 0
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			break
		}
		j += i
		k := skipBlanks(s, j+1)
		if k >= len(s) || s[k] != '\n' {
			i = k
			continue
		}
		start := j
		for start > prevEnd {
			r, size := utf8.DecodeLastRuneInString(s[prevEnd:start])
			if !unicode.IsSpace(r) {
				break
			}
			start -= size
		}
		end := skipSpace(s, k+1)
		out = append(out, [2]int{start, end})
		prevEnd, i = end, end
	}
	return out
}

// skipBlanks skips whitespace other than line feeds from i.
func skipBlanks(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\n' || !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// splitParagraphs returns the leading whitespace of text and its paragraphs,
// each with the break that followed it (the last one's trailing whitespace).
func splitParagraphs(text string) (lead string, segs []segment) {
	trimmed := strings.TrimLeftFunc(text, unicode.IsSpace)
	lead = text[:len(text)-len(trimmed)]
	start := 0
	for _, b := range paragraphBreaks(trimmed) {
		segs = append(segs, segment{text: trimmed[start:b[0]], sep: trimmed[b[0]:b[1]]})
		start = b[1]
	}
	if start < len(trimmed) {
		last := trimmed[start:]
		body := strings.TrimRightFunc(last, unicode.IsSpace)
		segs = append(segs, segment{text: body, sep: last[len(body):]})
	}
	return lead, segs
}

// splitBlank splits a translated chunk at its paragraph breaks.
func splitBlank(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	var out []string
	start := 0
	for _, b := range paragraphBreaks(s) {
		out = append(out, s[start:b[0]])
		start = b[1]
	}
	return append(out, s[start:])
}

// splitLong cuts a paragraph longer than limit bytes into pieces of at most
// limit bytes, preferring sentence ends, then any whitespace, then a rune
// boundary. Each piece keeps the whitespace it was cut at as its sep.
func splitLong(p string, limit int) []segment {
	var out []segment
	for len(p) > limit {
		cut, next := cutPoint(p, limit)
		out = append(out, segment{text: p[:cut], sep: p[cut:next]})
		p = p[next:]
	}
	if p != "" {
		out = append(out, segment{text: p})
	}
	return out
}

// cutPoint returns where to end the piece (cut) and where the rest starts
// (next) for a text longer than limit.
func cutPoint(p string, limit int) (cut, next int) {
	window := p[:limit]
	if i := lastSentenceEnd(window); i > 0 {
		return i, skipSpace(p, i)
	}
	if i := strings.LastIndexFunc(window, unicode.IsSpace); i > 0 {
		if j := len(strings.TrimRightFunc(p[:i], unicode.IsSpace)); j > 0 {
			return j, skipSpace(p, j)
		}
	}
	cut = limit
	for cut > 0 && !utf8.RuneStart(p[cut]) {
		cut--
	}
	if cut == 0 { // limit smaller than the first rune
		_, size := utf8.DecodeRuneInString(p)
		cut = size
	}
	return cut, skipSpace(p, cut)
}

// lastSentenceEnd returns the index just after the last sentence-ending
// punctuation in s that is followed by whitespace, or -1.
func lastSentenceEnd(s string) int {
	best := -1
	for _, end := range []string{". ", "! ", "? ", ".\n", "。", "！", "？"} {
		if i := strings.LastIndex(s, end); i >= 0 {
			e := i + len(end)
			if end[len(end)-1] == ' ' || end[len(end)-1] == '\n' {
				e = i + 1
			}
			if e > best {
				best = e
			}
		}
	}
	return best
}

func skipSpace(p string, i int) int {
	for i < len(p) {
		r, size := utf8.DecodeRuneInString(p[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}
