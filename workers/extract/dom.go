package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The tree walks in this package are iterative: a page may nest as deep as
// the parser allows, and a walk must not grow the goroutine stack with it.

// preorder returns the element and text nodes under root (root included) in
// document order. skip, when non-nil, prunes a node and its subtree.
func preorder(root *html.Node, skip func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if skip != nil && skip(n) {
			continue
		}
		out = append(out, n)
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return out
}

// attr returns the value of n's attribute key ("" when absent).
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func isElement(n *html.Node, tags ...atom.Atom) bool {
	if n == nil || n.Type != html.ElementNode {
		return false
	}
	for _, t := range tags {
		if n.DataAtom == t {
			return true
		}
	}
	return len(tags) == 0
}

// detach removes n from its parent.
func detach(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// textOf returns the text under n with whitespace collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	for _, d := range preorder(n, nil) {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
			b.WriteByte(' ')
		}
	}
	return collapse(b.String())
}

// collapse turns every run of white space into one space and trims.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// findFirst returns the first element under root (document order) for
// which match is true, or nil.
func findFirst(root *html.Node, match func(*html.Node) bool) *html.Node {
	for _, n := range preorder(root, nil) {
		if n.Type == html.ElementNode && match(n) {
			return n
		}
	}
	return nil
}
