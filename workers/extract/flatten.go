package extract

import (
	"bytes"

	"golang.org/x/net/html"
)

// flattenDepth is the nesting kept when a page is too deep for the parser
// (which stops at 512 open elements).
const flattenDepth = 256

// optionalEnd are elements whose end tag may be omitted; they are not
// counted as nesting because the parser closes them implicitly.
var optionalEnd = map[string]bool{
	"p": true, "li": true, "dt": true, "dd": true, "option": true, "tr": true,
	"td": true, "th": true, "tbody": true, "thead": true, "tfoot": true,
	"optgroup": true, "rb": true, "rt": true, "rp": true, "colgroup": true,
}

// flatten rewrites page dropping the start and end tags of elements nested
// deeper than limit, keeping their text. Nesting is estimated from the
// token stream, which is close enough for pathological pages.
func flatten(page []byte, limit int) []byte {
	z := html.NewTokenizer(bytes.NewReader(page))
	var out bytes.Buffer
	out.Grow(len(page))
	depth := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.Bytes()
		}
		raw := z.Raw()
		name, _ := z.TagName()
		switch {
		case tt == html.StartTagToken && !voidElement(string(name)) && !optionalEnd[string(name)]:
			depth++
			if depth > limit {
				continue
			}
		case tt == html.EndTagToken && !optionalEnd[string(name)]:
			depth--
			if depth >= limit {
				continue
			}
		}
		out.Write(raw)
	}
}

func voidElement(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen":
		return true
	}
	return false
}
