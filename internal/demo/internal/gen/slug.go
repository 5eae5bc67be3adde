package main

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// translit is the transliteration WordPress slug plugins commonly use for
// Russian.
func translit() map[rune]string {
	return map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh",
		'з': "z", 'и': "i", 'й': "j", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
		'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "h", 'ц': "c",
		'ч': "ch", 'ш': "sh", 'щ': "shh", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	}
}

// slugify makes an ASCII URL slug of at most maxWords words.
func slugify(s string, maxWords int) string {
	tr := translit()
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if t, ok := tr[r]; ok {
			b.WriteString(t)
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			switch {
			case d < unicode.MaxASCII && (unicode.IsLetter(d) || unicode.IsDigit(d)):
				b.WriteRune(d)
			case unicode.Is(unicode.Mn, d):
				// accents fall away: "económico" → "economico"
			default:
				b.WriteByte(' ')
			}
		}
	}
	words := strings.Fields(b.String())
	if len(words) > maxWords {
		words = words[:maxWords]
	}
	return strings.Join(words, "-")
}

// excerpt cuts text after n words, WordPress-style.
func excerpt(text string, n int) string {
	words := strings.Fields(text)
	if len(words) <= n {
		return text
	}
	return strings.Join(words[:n], " ") + " [&#8230;]"
}
