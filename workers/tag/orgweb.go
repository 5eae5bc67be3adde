package tag

import "strings"

// News sites are cited by their domain name (сообщает baltinfo.ru,
// передаёт NEWSru.com): a host name ending in a common top-level domain,
// not part of a URL path or an e-mail address, is an organisation when it
// is written like a brand (a capital letter) or cited — after or before a
// verb of saying. A lower-case address spoken about (домен кремль.рф) is
// not.

// siteTLDs are the top-level domains a cited site ends in.
var siteTLDs = setOf(`ru com net org info su рф ua by kz uz am ge az md lv lt ee de uk fr it es jp cn us eu tv fm io co me`)

// domainAt returns 1 when token i is a host name (labels joined by dots,
// the tokenizer keeps them in one token) ending in a known top-level
// domain, else 0.
func (oc *orgCtx) domainAt(i int) int {
	t := &oc.toks[i]
	if !tldDotNearEnd(t.norm) {
		return 0 // the common case, decided without a scan
	}
	dot := strings.LastIndexByte(t.norm, '.')
	if dot <= 0 || !siteTLDs[t.norm[dot+1:]] || oc.covered[i] {
		return 0
	}
	if before := oc.text[:t.bstart]; strings.HasSuffix(before, "@") || strings.HasSuffix(before, "/") || strings.HasSuffix(before, ".") {
		return 0
	}
	if after := oc.text[t.bend:]; strings.HasPrefix(after, "/") || strings.HasPrefix(after, "@") || strings.HasPrefix(after, ":") {
		return 0
	}
	if !t.cap && !(i > 0 && sayingVerbs.match(oc.toks[i-1].norm)) && !(i+1 < len(oc.toks) && sayingVerbs.match(oc.toks[i+1].norm)) {
		return 0
	}
	return 1
}

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
