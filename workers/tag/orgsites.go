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
