package extract

import (
	"bytes"

	"golang.org/x/net/html"
)

// flattenLimits are the nesting depths tried, in turn, when a page is too
// deep for the parser (which stops at 512 open elements). The estimate
// below misses elements the parser adds on its own (tbody, reopened
// formatting elements), hence the margin and the second, stricter try.
var flattenLimits = []int{256, 64}

// optionalEnd are elements whose end tag may be omitted: a new one closes
// an open one of the same name above the nearest other element.
var optionalEnd = map[string]bool{
	"p": true, "li": true, "dt": true, "dd": true, "option": true, "tr": true,
	"td": true, "th": true, "tbody": true, "thead": true, "tfoot": true,
	"optgroup": true, "rb": true, "rt": true, "rp": true, "colgroup": true,
}

// flattener rewrites a token stream, dropping the start and end tags of
// elements nested deeper than limit and keeping their text. It models the
// open elements as a stack of names, which is close enough to the parser's
// for pathological pages.
type flattener struct {
	limit   int
	open    []string
	dropped map[string]int
}

// flatten returns page with its nesting bounded by limit.
func flatten(page []byte, limit int) []byte {
	f := &flattener{limit: limit, dropped: map[string]int{}}
	z := html.NewTokenizer(bytes.NewReader(page))
	var out bytes.Buffer
	out.Grow(len(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.Bytes()
		}
		raw := z.Raw()
		name, _ := z.TagName()
		if f.keep(tt, string(name)) {
			out.Write(raw)
		}
	}
}

// keep updates the model for one token and reports whether to write it.
func (f *flattener) keep(tt html.TokenType, name string) bool {
	switch {
	case tt == html.StartTagToken && !voidElement(name):
		if optionalEnd[name] {
			f.closeOptional(name)
		}
		if len(f.open) >= f.limit {
			f.dropped[name]++
			return false
		}
		f.open = append(f.open, name)
	case tt == html.EndTagToken:
		for i := len(f.open) - 1; i >= 0; i-- {
			if f.open[i] == name {
				f.open = f.open[:i]
				return true
			}
		}
		if f.dropped[name] > 0 {
			f.dropped[name]--
		}
		return false // dropped or stray: the parser would ignore it too
	}
	return true
}

// closeOptional pops an open element of the same name that a new one
// implicitly closes (<p>…<p>, <li>…<li>).
func (f *flattener) closeOptional(name string) {
	for i := len(f.open) - 1; i >= 0; i-- {
		if f.open[i] == name {
			f.open = f.open[:i]
			return
		}
		if !optionalEnd[f.open[i]] && !inlineElement(f.open[i]) {
			return
		}
	}
}

func voidElement(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen":
		return true
	}
	return false
}

func inlineElement(name string) bool {
	switch name {
	case "a", "b", "i", "em", "strong", "span", "font", "small", "big", "u", "s", "code", "sub", "sup", "abbr", "cite", "mark", "q", "time":
		return true
	}
	return false
}
