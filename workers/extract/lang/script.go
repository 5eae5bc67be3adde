package lang

import "unicode"

// script is the writing system of a rune, as far as detection cares.
type script int

const (
	scriptOther script = iota
	scriptLatin
	scriptCyrillic
	scriptHan
	scriptKana
	scriptHangul
	scriptArabic
	scriptHebrew
	scriptGreek
	scriptThai
	scriptDevanagari
	scriptGeorgian
	scriptArmenian
	numScripts
)

// scriptOf classifies r; digits, punctuation and spaces are scriptOther.
func scriptOf(r rune) script {
	switch {
	case r < 0x80:
		if (r|0x20) >= 'a' && (r|0x20) <= 'z' {
			return scriptLatin
		}
		return scriptOther
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	case unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
		return scriptKana
	case unicode.Is(unicode.Han, r):
		return scriptHan
	case unicode.Is(unicode.Hangul, r):
		return scriptHangul
	case unicode.Is(unicode.Arabic, r):
		return scriptArabic
	case unicode.Is(unicode.Hebrew, r):
		return scriptHebrew
	case unicode.Is(unicode.Greek, r):
		return scriptGreek
	case unicode.Is(unicode.Thai, r):
		return scriptThai
	case unicode.Is(unicode.Devanagari, r):
		return scriptDevanagari
	case unicode.Is(unicode.Georgian, r):
		return scriptGeorgian
	case unicode.Is(unicode.Armenian, r):
		return scriptArmenian
	}
	return scriptOther
}

// singleLanguage maps scripts used by essentially one language (for our
// purposes) to that language.
var singleLanguage = [numScripts]string{
	scriptHangul:     "ko",
	scriptHebrew:     "he",
	scriptGreek:      "el",
	scriptThai:       "th",
	scriptDevanagari: "hi",
	scriptGeorgian:   "ka",
	scriptArmenian:   "hy",
}
