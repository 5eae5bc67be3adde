package main

import "unicode"

// The benchmark's metric: tokens are runs of word characters, a text is a
// multiset of 4-token shingles (a text of 1–3 tokens is one shingle);
// precision and recall are computed per page, averaged over the pages that
// have predicted (resp. true) shingles, and F1 is taken of the two means.

// counts are one page's shingle counts.
type counts struct{ tp, fp, fn int }

func (c counts) precision() float64 {
	if c.fp == 0 && c.fn == 0 {
		return 1
	}
	if c.tp+c.fp == 0 {
		return 0
	}
	return float64(c.tp) / float64(c.tp+c.fp)
}

func (c counts) recall() float64 {
	if c.fp == 0 && c.fn == 0 {
		return 1
	}
	if c.tp+c.fn == 0 {
		return 0
	}
	return float64(c.tp) / float64(c.tp+c.fn)
}

func shingles(text string) map[[4]string]int {
	words := tokens(text)
	out := map[[4]string]int{}
	switch {
	case len(words) == 0:
	case len(words) < 4:
		var k [4]string
		copy(k[:], words)
		out[k]++
	default:
		for i := 0; i+4 <= len(words); i++ {
			out[[4]string(words[i:i+4])]++
		}
	}
	return out
}

// isWord matches Python's \w on str patterns: letters (L*), numbers of
// every kind (Nd, Nl, No: "²", "Ⅻ", "½") and the underscore; combining marks
// are not word characters there, so they split tokens here too.
func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_'
}

func tokens(text string) []string {
	var words []string
	start := -1
	for i, r := range text {
		switch w := isWord(r); {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			words = append(words, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, text[start:])
	}
	return words
}

func compare(truth, pred string) counts {
	ts, ps := shingles(truth), shingles(pred)
	var c counts
	for k, n := range ps {
		common := min(n, ts[k])
		c.tp += common
		c.fp += n - common
	}
	for k, n := range ts {
		c.fn += n - min(n, ps[k])
	}
	return c
}

// score returns mean precision, mean recall and their F1.
func score(all []counts) (p, r, f1 float64) {
	var np, nr int
	for _, c := range all {
		if c.tp+c.fp > 0 {
			p += c.precision()
			np++
		}
		if c.tp+c.fn > 0 {
			r += c.recall()
			nr++
		}
	}
	if np > 0 {
		p /= float64(np)
	}
	if nr > 0 {
		r /= float64(nr)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}
