package tag

import (
	"strings"
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
	toks := tokenize(w)
	if len(toks) != 1 || toks[0].text != w {
		return // not one token: nothing to compare
	}
	tok := toks[0]
	want := normalizeSlow(w)
	if got := normalize(w); got != want {
		t.Fatalf("normalize(%q) = %q, normalizeSlow = %q", w, got, want)
	}
	if tok.possessive {
		want = strings.TrimSuffix(want, "'s")
	}
	if tok.norm != want {
		t.Fatalf("token %q norm = %q, normalize = %q", w, tok.norm, want)
	}
	capital, upper := caseOf(w)
	if tok.cap != capital || tok.upper != upper {
		t.Fatalf("token %q case = %v/%v, caseOf = %v/%v", w, tok.cap, tok.upper, capital, upper)
	}
}

// TestTokenArena: normal forms kept in the arena land on their own tokens.
func TestTokenArena(t *testing.T) {
	toks := tokenize("Mосква и Ёлка, Krai's ТАСС tass Ｔｏｋｙｏ ёж Путин")
	want := []string{"москва", "и", "елка", "krai", "тасс", "tass", "tokyo", "еж", "путин"}
	if len(toks) != len(want) {
		t.Fatalf("%d tokens, want %d", len(toks), len(want))
	}
	for i, tok := range toks {
		if tok.norm != want[i] {
			t.Errorf("token %d %q: norm %q, want %q", i, tok.text, tok.norm, want[i])
		}
	}
}

func TestFastLetter(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if got, want := fastLetter(r), unicode.IsLetter(r); got != want {
			t.Fatalf("fastLetter(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestHasLookAlike(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		_, want := lookAlike[r]
		if got := hasLookAlike(string(r)); got != want {
			t.Errorf("hasLookAlike(%q) = %v, want %v", r, got, want)
		}
	}
}

// TestNormalizePhrases compares the fast normalize with the general one on
// phrases, where the look-alike mapping is decided word by word.
func TestNormalizePhrases(t *testing.T) {
	for _, s := range []string{"Mосква и Moscow", "Ёлка ТАСС", "кот-д'ивуар", "Kyiv Київ", "a Мexico", "ПАО «Газпром»", "x", ""} {
		if got, want := normalize(s), normalizeSlow(s); got != want {
			t.Errorf("normalize(%q) = %q, normalizeSlow = %q", s, got, want)
		}
	}
}

// TestWordFilter: the filter never misses a word added to it, and rejects
// most others.
func TestWordFilter(t *testing.T) {
	f := newWordFilter(filterBits)
	in := []string{"москва", "москвы", "tokyo", "ростова-на-дону", "а", "тасс", "x"}
	for _, w := range in {
		f.add(w)
	}
	for _, w := range in {
		if !f.maybe(w) {
			t.Errorf("maybe(%q) = false for a member", w)
		}
	}
	hits := 0
	for _, w := range tokenize("в понедельник на здании мэрии состоялась очередная акция протеста против политики властей") {
		if f.maybe(w.norm) {
			hits++
		}
	}
	if hits > 1 {
		t.Errorf("%d of 12 other words pass the filter", hits)
	}
}

// TestPrefixSetFilter: the first-letter bitmap never rejects a word a stem
// starts.
func TestPrefixSetFilter(t *testing.T) {
	p := prefixes(`движени министерств мвд abc Zeta ёлк`)
	for _, w := range []string{"движения", "министерство", "мвд", "abcd", "Zetas", "ёлка"} {
		if !p.match(w) {
			t.Errorf("match(%q) = false", w)
		}
	}
	for _, w := range []string{"банк", "xyz", "", "я"} {
		if p.match(w) {
			t.Errorf("match(%q) = true", w)
		}
	}
}
