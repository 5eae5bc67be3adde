package tag

import (
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

// wordFold is the matching form of one token, with its case: norm is
// normalize(w) and shares w's bytes when w is already in that form.
type wordFold struct {
	norm         string // "" when the form is in the arena at [off, end)
	off, end     int
	capital      bool // first letter upper case
	upper        bool // every letter upper case, at least two letters
	hasCyr, slow bool
}

// foldWord normalises a token. A changed form is appended to buf, an arena
// the caller turns into one string at the end, instead of allocating a
// string per word.
func foldWord(w string, buf []byte) (wordFold, []byte) {
	f := wordFold{upper: true}
	letters := 0
	for i, r := range w {
		if !simpleRune(r) {
			f.slow = true
		}
		if isCyrillicRune(r) {
			f.hasCyr = true
		}
		if unicode.IsLetter(r) {
			letters++
			up := r >= 'A' && r <= 'Z' || r >= 0x400 && r <= 0x42F || r > 0x7F && !(r >= 0x430 && r <= 0x45F) && unicode.IsUpper(r)
			if i == 0 {
				f.capital = up
			}
			f.upper = f.upper && up
		}
	}
	f.upper = f.upper && letters >= 2
	if f.slow {
		f.norm = normalize(w)
		return f, buf
	}
	if !f.changes(w) {
		f.norm = w
		return f, buf
	}
	f.off = len(buf)
	buf = f.appendFold(buf, w)
	f.end = len(buf)
	return f, buf
}

// changes reports whether folding w changes any byte.
func (f *wordFold) changes(w string) bool {
	for _, r := range w {
		if r >= 'A' && r <= 'Z' || r >= 0x400 && r <= 0x42F || r == 'ё' || r == '’' || r == '‘' || r > 0x45F {
			return true
		}
		if f.hasCyr && r < 0x80 {
			if _, ok := lookAlike[r]; ok {
				return true
			}
		}
	}
	return false
}

// appendFold writes the folded w, deciding the look-alike mapping per run
// of letters and digits as normalize does.
func (f *wordFold) appendFold(buf []byte, w string) []byte {
	for i := 0; i < len(w); {
		j, cyr := i, false
		for j < len(w) {
			r, n := utf8.DecodeRuneInString(w[j:])
			if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
				break
			}
			cyr = cyr || isCyrillicRune(r)
			j += n
		}
		if j == i { // a separator
			r, n := utf8.DecodeRuneInString(w[i:])
			buf = utf8.AppendRune(buf, foldRune(r, false))
			i += n
			continue
		}
		for _, r := range w[i:j] {
			buf = utf8.AppendRune(buf, foldRune(foldSimple(r), cyr))
		}
		i = j
	}
	return buf
}
