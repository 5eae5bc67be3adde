package extract

import (
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nodeStats summarises the text under one element. The counts are int32
// to halve the per-element maps of large pages (a page would need 2^31
// runes to overflow one; products of counts are taken in int64).
type nodeStats struct {
	text      int32 // non-space runes
	link      int32 // non-space runes inside <a>
	commas    int32 // clause punctuation, a sign of prose
	paras     int32 // <p> elements with real text
	prose     int32 // <p> elements that read like prose: long, few links
	proseText int32 // their text
}

// linkDensity is the share of an element's text that sits in links.
func (s nodeStats) linkDensity() float64 {
	if s.text == 0 {
		return 0
	}
	return float64(s.link) / float64(s.text)
}

// computeStats fills stats for every element under root in one post-order
// pass (children before parents, without recursion). Text nodes count in
// their ancestors' stats but have no entry of their own: use textStats.
func computeStats(root *html.Node) map[*html.Node]nodeStats {
	nodes := preorder(root, nil)
	stats := make(map[*html.Node]nodeStats, len(nodes)/2)
	for i := len(nodes) - 1; i >= 0; i-- {
		n := nodes[i]
		var s nodeStats
		switch n.Type {
		case html.TextNode:
			s = textStats(n.Data)
		case html.ElementNode:
			s = stats[n]
			if n.DataAtom == atom.A {
				s.link = s.text
			}
			if n.DataAtom == atom.P && s.text >= 25 {
				s.paras++
			}
			if n.DataAtom == atom.P && s.text >= 60 && s.link*3 < s.text {
				s.prose++
				s.proseText += s.text
			}
		default:
			continue
		}
		if n.Type == html.ElementNode {
			// Text nodes are not kept: they are half of all nodes, and
			// textStats recomputes one when needed.
			stats[n] = s
		}
		if p := n.Parent; p != nil {
			ps := stats[p]
			ps.text += s.text
			ps.link += s.link
			ps.commas += s.commas
			ps.paras += s.paras
			ps.prose += s.prose
			ps.proseText += s.proseText
			stats[p] = ps
		}
	}
	return stats
}

func textStats(s string) nodeStats {
	var st nodeStats
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case r == ',' || r == '，' || r == '、' || r == '،' || r == ';':
			st.commas++
			st.text++
		default:
			st.text++
		}
	}
	return st
}
