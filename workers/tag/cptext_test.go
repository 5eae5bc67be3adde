package tag

import "testing"

// TestCPText: slices and runes at code-point offsets, in any order, equal
// those of the rune slice.
func TestCPText(t *testing.T) {
	for _, s := range []string{"", "abc", "Губернатор «Усс» — Tokyo", "東京とモスクワ", "a\xffб\xfe", "ё\u0301x"} {
		t.Run(s, func(t *testing.T) {
			runes := []rune(s)
			toks, invalid := tokenizeText(s, &buffers{})
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

// TestCoveredTokens: the marks equal a brute-force overlap test, for spans
// in and out of order.
func TestCoveredTokens(t *testing.T) {
	toks := tokenize("Губернатор Красноярского края Александр Усс прибыл в Токио, где встретился с послом России.")
	spans := []span{{start: 11, end: 29}, {start: 0, end: 3}, {start: 30, end: 43}, {start: 30, end: 35}, {start: 60, end: 61}, {start: 80, end: 200}}
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5}, {1, 0, 3, 2, 5, 4}, {5, 4, 3, 2, 1, 0}} {
		var in []span
		for _, k := range order {
			in = append(in, spans[k])
		}
		got := coveredTokens(toks, in)
		for i, tk := range toks {
			want := false
			for _, s := range in {
				want = want || tk.start < s.end && s.start < tk.end
			}
			if got[i] != want {
				t.Errorf("order %v: token %q covered = %v, want %v", order, tk.text, got[i], want)
			}
		}
	}
}
