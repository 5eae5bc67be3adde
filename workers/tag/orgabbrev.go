package tag

import "strings"

// commonAbbreviations returns the upper-case words that a text defines as
// short for a lower-case phrase: «свободного программного обеспечения
// (СПО)». They name things, not organisations. Keys are normalised.
func commonAbbreviations(text string, toks []token) map[string]bool {
	var out map[string]bool
	for j, t := range toks {
		if !t.upper || j == 0 || !strings.HasSuffix(text[toks[j-1].bend:t.bstart], "(") ||
			!strings.HasPrefix(text[t.bend:], ")") {
			continue
		}
		letters := []rune(t.norm)
		k := len(letters)
		if k < 2 || k > 6 || j < k {
			continue
		}
		match := true
		for m := 0; m < k && match; m++ {
			w := toks[j-k+m]
			first := []rune(w.norm)
			match = !w.cap && len(first) > 0 && first[0] == letters[m]
		}
		if first := toks[j-k].norm; match && (isOrgHead(first) || branchHeads.match(first)) {
			match = false // отдела внутренних дел (ОВД): an institution spelt out in lower case
		}
		if match {
			if out == nil {
				out = map[string]bool{}
			}
			out[t.norm] = true
		}
	}
	return out
}

// tldDotNearEnd reports whether w has a dot 3 to 5 bytes from its end,
// where the dot before a top-level domain of 2–4 bytes is.
func tldDotNearEnd(w string) bool {
	n := len(w)
	return n > 3 && (w[n-3] == '.' || w[n-4] == '.' || n > 4 && w[n-5] == '.')
}
