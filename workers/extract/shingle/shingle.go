// Package shingle is the article-extraction benchmark's metric, shared by
// the extractor's corpus test and the side-by-side benchmark (bench/extract).
package shingle

import "unicode"

// The benchmark's metric: tokens are runs of word characters, a text is a
// multiset of 4-token shingles (a text of 1–3 tokens is one shingle);
// precision and recall are computed per page, averaged over the pages that
// have predicted (resp. true) shingles, and F1 is taken of the two means.

// Counts are one page's shingle counts: true positives, false positives,
// false negatives.
type Counts struct{ TP, FP, FN int }

// Precision of one page (1 when both texts are empty).
func (c Counts) Precision() float64 {
	if c.FP == 0 && c.FN == 0 {
		return 1
	}
	if c.TP+c.FP == 0 {
		return 0
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall of one page (1 when both texts are empty).
func (c Counts) Recall() float64 {
	if c.FP == 0 && c.FN == 0 {
		return 1
	}
	if c.TP+c.FN == 0 {
		return 0
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// F1 of one page, from its precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Shingles returns the multiset of 4-token shingles of text (a text of 1–3
// tokens is one shingle).
func Shingles(text string) map[[4]string]int {
	words := Tokens(text)
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

// Tokens splits text into runs of word characters.
func Tokens(text string) []string {
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

// Compare counts the shingles of pred against those of truth.
func Compare(truth, pred string) Counts {
	ts, ps := Shingles(truth), Shingles(pred)
	var c Counts
	for k, n := range ps {
		common := min(n, ts[k])
		c.TP += common
		c.FP += n - common
	}
	for k, n := range ts {
		c.FN += n - min(n, ps[k])
	}
	return c
}

// Score returns mean precision, mean recall and their F1 over pages.
func Score(all []Counts) (p, r, f1 float64) {
	var np, nr int
	for _, c := range all {
		if c.TP+c.FP > 0 {
			p += c.Precision()
			np++
		}
		if c.TP+c.FN > 0 {
			r += c.Recall()
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
