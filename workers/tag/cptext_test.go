package tag

import "testing"

// TestCPText: slices and runes at code-point offsets, in any order, equal
// those of the rune slice.
func TestCPText(t *testing.T) {
	for _, s := range []string{"", "abc", "Губернатор «Усс» — Tokyo", "東京とモスクワ", "a\xffб\xfe", "ё\u0301x"} {
		t.Run(s, func(t *testing.T) {
			runes := []rune(s)
			toks, invalid := tokenizeText(s, nil)
			ct := newCPText(s, toks, hasCJK(s) || invalid)
			for _, p := range [][2]int{{0, len(runes)}, {len(runes) / 2, len(runes)}, {0, len(runes) / 2}, {len(runes), len(runes)}, {1, 2}} {
				if p[0] > p[1] || p[1] > len(runes) {
					continue
				}
				if got, want := ct.slice(p[0], p[1]), string(runes[p[0]:p[1]]); got != want {
					t.Errorf("slice(%d, %d) = %q, want %q", p[0], p[1], got, want)
				}
			}
			for i := len(runes) - 1; i >= 0; i-- {
				if got := ct.at(i); got != runes[i] {
					t.Errorf("at(%d) = %q, want %q", i, got, runes[i])
				}
			}
		})
	}
}
