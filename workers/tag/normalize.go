package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// lookAlike maps lower-case Latin letters that look like Cyrillic ones; it is
// applied only inside words that also contain Cyrillic letters (OCR and
// keyboard-layout noise such as "Mосква" with a Latin M).
var lookAlike = map[rune]rune{
	'a': 'а', 'b': 'в', 'c': 'с', 'e': 'е', 'h': 'н', 'k': 'к', 'm': 'м',
	'o': 'о', 'p': 'р', 't': 'т', 'x': 'х', 'y': 'у',
}

// normalize returns the matching form of a word or phrase: NFKC, lower
// case, ё→е, typographic apostrophes and dashes unified, and Latin
// look-alikes mapped to Cyrillic inside Cyrillic words.
func normalize(s string) string {
	if simpleString(s) {
		// ASCII and Cyrillic: NFKC is the identity, lower-casing arithmetic.
		if !foldChanges(s) {
			return s
		}
		return string(appendFold(make([]byte, 0, len(s)), s))
	}
	return normalizeSlow(s)
}

// normalizeSlow is normalize by the Unicode tables, for any text.
func normalizeSlow(s string) string {
	s = norm.NFKC.String(s)
	s = strings.ToLower(s)
	if !strings.ContainsAny(s, "ё’‘—–") && !hasCyrillic(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, w := range splitKeep(s) {
		cyr := hasCyrillic(w)
		for _, r := range w {
			b.WriteRune(foldRune(r, cyr))
		}
	}
	return b.String()
}

func simpleString(s string) bool {
	for _, r := range s {
		if !simpleRune(r) {
			return false
		}
	}
	return true
}

// foldChanges reports whether normalize changes a simpleString.
func foldChanges(s string) bool {
	cyr := false
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= 0x400 && r <= 0x42F || r == 'ё' || r > 0x45F {
			return true
		}
		cyr = cyr || r >= 0x400
	}
	return cyr && hasLookAlike(s)
}

func foldRune(r rune, cyr bool) rune {
	switch r {
	case 'ё':
		return 'е'
	case '’', '‘':
		return '\''
	case '—', '–':
		return '-'
	}
	if cyr {
		if c, ok := lookAlike[r]; ok {
			return c
		}
	}
	return r
}

// splitKeep splits s into words and separators, keeping both, so that the
// look-alike mapping is decided word by word.
func splitKeep(s string) []string {
	var out []string
	start := 0
	inWord := false
	for i, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if i > 0 && w != inWord {
			out = append(out, s[start:i])
			start = i
		}
		inWord = w
	}
	return append(out, s[start:])
}

func hasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// isCJK reports whether r is written without spaces between words: Han,
// Hiragana, Katakana and the prolonged sound mark.
func isCJK(r rune) bool {
	if r < 0x2E80 {
		return false // below the CJK radicals: no Han, kana or their marks
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || r == 'ー' || r == '々' || r == '・'
}

func hasCJK(s string) bool {
	// CJK runes start at U+2E80: their UTF-8 lead byte is at least 0xE2, so
	// Cyrillic and Latin text is skipped byte by byte.
	for i := 0; i < len(s); i++ {
		if s[i] < 0xE2 {
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isCJK(r) {
			return true
		}
		i += n - 1
	}
	return false
}
