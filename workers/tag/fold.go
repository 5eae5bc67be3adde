package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fast paths for the tokenizer. Russian and English news is almost all
// ASCII and basic Cyrillic, where NFKC changes nothing and lower-casing is
// arithmetic; the general normalize (NFKC and Unicode tables) runs only for
// words with other letters. fold_test.go checks both agree on every rune of
// the fast ranges.

// simpleRune reports whether r is ASCII or in the Cyrillic block, where
// NFKC is the identity.
func simpleRune(r rune) bool { return r < 0x80 || r >= 0x400 && r <= 0x4FF }

// fastWordRune is isWordRune with the common scripts decided without the
// Unicode tables.
func fastWordRune(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	case r >= 0x410 && r <= 0x44F || r == 0x401 || r == 0x451:
		return true
	case r < 0x2E80:
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return isWordRune(r)
}

// fastLetter is unicode.IsLetter with ASCII and basic Cyrillic decided
// first.
func fastLetter(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	case r >= 0x410 && r <= 0x44F || r == 0x401 || r == 0x451:
		return true
	}
	return unicode.IsLetter(r)
}

func isCyrillicRune(r rune) bool {
	if r < 0x400 {
		return false
	}
	if r <= 0x4FF {
		return r != 0x485 && r != 0x486 // combining marks of the Inherited script
	}
	return unicode.Is(unicode.Cyrillic, r)
}

// foldSimple lower-cases one ASCII or Cyrillic-block rune.
func foldSimple(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + 32
	case r >= 0x410 && r <= 0x42F:
		return r + 32
	case r >= 0x400 && r <= 0x40F:
		return r + 80
	case r < 0x80 || r >= 0x430 && r <= 0x45F:
		return r
	}
	return unicode.ToLower(r)
}

// wordFlags describe the letters of one token, gathered while scanning it.
type wordFlags struct {
	capital, lower     bool // first letter upper case; some letter not upper case
	letters            int
	hasCyr             bool // a Cyrillic letter
	slow               bool // a rune outside ASCII and the Cyrillic block
	changes            bool // normalize changes some rune (besides look-alikes)
	pendingFirstLetter bool
}

// add records one rune of the token (r is a word rune or a joiner).
func (f *wordFlags) add(r rune) {
	if !simpleRune(r) {
		f.slow = true
	}
	if r >= 0x400 && isCyrillicRune(r) {
		f.hasCyr = true
	}
	if fastLetter(r) {
		up := r >= 'A' && r <= 'Z' || r >= 0x400 && r <= 0x42F || r > 0x7F && !(r >= 0x430 && r <= 0x45F) && unicode.IsUpper(r)
		f.letter(up)
	}
	f.changes = f.changes || r == 'ё' || r > 0x45F
}

func (f *wordFlags) letter(up bool) {
	if f.pendingFirstLetter {
		f.capital, f.pendingFirstLetter = up, false
	}
	f.letters++
	f.lower = f.lower || !up
	f.changes = f.changes || up
}

// fold sets t.norm (normalize(t.text)), t.cap and t.upper from the flags
// scan gathered. The norm shares the text's bytes when the word is already
// in normal form; a changed form goes to the arena (fillNorms points it
// there), and words with letters outside ASCII and Cyrillic take the
// general normalize.
func (tz *tokenizer) fold(t *token, f *wordFlags) {
	w := t.text
	t.cap, t.upper = f.capital, !f.lower && f.letters >= 2
	switch {
	case !f.hasCyr && possessive(w):
		t.norm, t.possessive = strings.TrimSuffix(normalize(w), "'s"), true
	case f.slow:
		t.norm = normalize(w)
	case f.changes || f.hasCyr && hasLookAlike(w):
		off := len(tz.arena)
		tz.arena = appendFold(tz.arena, w)
		tz.inArena = append(tz.inArena, [2]int{off, len(tz.arena)})
	default:
		t.norm = w
	}
}

// possessive: an English word ending in 's (Krai's matches Krai).
func possessive(w string) bool {
	n := len(w)
	if n < 3 || w[n-1] != 's' && w[n-1] != 'S' {
		return false
	}
	return w[n-2] == '\'' || strings.HasSuffix(w[:n-1], "’")
}

// hasLookAlike reports whether w has a Latin letter normalize maps to
// Cyrillic (in a Cyrillic word).
func hasLookAlike(w string) bool {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'a', 'b', 'c', 'e', 'h', 'k', 'm', 'o', 'p', 't', 'x', 'y':
			return true // the keys of lookAlike
		}
	}
	return false
}

// appendFold writes the folded w (a simpleString), deciding the
// look-alike mapping per run of letters and digits as normalize does.
func appendFold(buf []byte, w string) []byte {
	for i := 0; i < len(w); {
		j, cyr := i, false
		for j < len(w) {
			r, n := utf8.DecodeRuneInString(w[j:])
			if !(fastLetter(r) || r >= '0' && r <= '9' || r > 0x7F && unicode.IsDigit(r)) {
				break
			}
			cyr = cyr || w[j] >= 0xD0 && w[j] <= 0xD3 // the Cyrillic block's lead bytes
			j += n
		}
		if j == i { // a separator
			r, n := utf8.DecodeRuneInString(w[i:])
			buf = utf8.AppendRune(buf, foldRune(r, false))
			i += n
			continue
		}
		buf = appendFoldRun(buf, w[i:j], cyr)
		i = j
	}
	return buf
}

// appendFoldRun folds one run of letters and digits; basic Cyrillic and
// ASCII are mapped byte-wise.
func appendFoldRun(buf []byte, run string, cyr bool) []byte {
	for k := 0; k < len(run); {
		c := run[k]
		switch {
		case c < 0x80:
			if c >= 'A' && c <= 'Z' {
				c += 32
			}
			if cyr {
				if m, ok := lookAlike[rune(c)]; ok {
					buf = utf8.AppendRune(buf, m)
					k++
					continue
				}
			}
			buf = append(buf, c)
			k++
		case k+1 < len(run) && (c == 0xD0 || c == 0xD1):
			buf = appendCyrillic(buf, c, run[k+1])
			k += 2
		default:
			r, n := utf8.DecodeRuneInString(run[k:])
			buf = utf8.AppendRune(buf, foldRune(foldSimple(r), cyr))
			k += n
		}
	}
	return buf
}

// appendCyrillic lower-cases a two-byte Cyrillic letter U+0400–U+047F, with
// ё→е.
func appendCyrillic(buf []byte, c1, c2 byte) []byte {
	switch {
	case c1 == 0xD0 && c2 >= 0xB0 && c2 <= 0xBF, c1 == 0xD1 && c2 >= 0x80 && c2 <= 0x8F: // а–я
		return append(buf, c1, c2)
	case c1 == 0xD0 && c2 == 0x81, c1 == 0xD1 && c2 == 0x91: // Ё ё
		return append(buf, 0xD0, 0xB5)
	case c1 == 0xD0 && c2 >= 0x90 && c2 <= 0x9F: // А–П
		return append(buf, 0xD0, c2+0x20)
	case c1 == 0xD0 && c2 >= 0xA0 && c2 <= 0xAF: // Р–Я
		return append(buf, 0xD1, c2-0x20)
	case c1 == 0xD0 && c2 >= 0x80 && c2 <= 0x8F: // Ѐ–Џ
		return append(buf, 0xD1, c2+0x10)
	}
	r, _ := utf8.DecodeRune([]byte{c1, c2})
	return utf8.AppendRune(buf, foldRune(foldSimple(r), true))
}
