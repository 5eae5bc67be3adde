package tag

import (
	"testing"
	"unicode"
)

// TestFoldMatchesNormalize checks the tokenizer's fast paths against the
// general normalize and the Unicode tables on every rune of the ranges they
// decide alone, alone and inside words.
func TestFoldMatchesNormalize(t *testing.T) {
	for r := rune(0); r < 0x2E80; r++ {
		if got, want := fastWordRune(r), isWordRune(r); got != want {
			t.Fatalf("fastWordRune(%U) = %v, want %v", r, got, want)
		}
		if got, want := isCyrillicRune(r), unicode.Is(unicode.Cyrillic, r); got != want {
			t.Fatalf("isCyrillicRune(%U) = %v, want %v", r, got, want)
		}
		if !isWordRune(r) {
			continue
		}
		for _, w := range []string{string(r), "Мо" + string(r) + "ва", "Te" + string(r) + "st", string(r) + "-" + string(r), "Ab" + string(r) + "'s"} {
			checkFold(t, w)
		}
	}
}

func TestFoldWords(t *testing.T) {
	for _, w := range []string{"Ёлка", "Mосква", "ТАСС", "Tokyo", "Кот-д'Ивуар", "Кот-д’Ивуар", "ёж", "Ҷ", "ⅣⅤ", "ＴＡＳＳ", "abc", "Abc-Мос"} {
		t.Run(w, func(t *testing.T) { checkFold(t, w) })
	}
}

func checkFold(t *testing.T, w string) {
	t.Helper()
	f, buf := foldWord(w, nil)
	got := f.norm
	if got == "" {
		got = string(buf[f.off:f.end])
	}
	if want := normalize(w); got != want {
		t.Fatalf("foldWord(%q) = %q, normalize = %q", w, got, want)
	}
	capital, upper := caseOf(w)
	if f.capital != capital || f.upper != upper {
		t.Fatalf("foldWord(%q) case = %v/%v, caseOf = %v/%v", w, f.capital, f.upper, capital, upper)
	}
}
