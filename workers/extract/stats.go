package extract

import (
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nodeStats summarises the text under one element.
type nodeStats struct {
	text      int // non-space runes
	link      int // non-space runes inside <a>
	commas    int // clause punctuation, a sign of prose
	paras     int // <p> elements with real text
	prose     int // <p> elements that read like prose: long, few links
	proseText int // their text
}

// linkDensity is the share of an element's text that sits in links.
func (s nodeStats) linkDensity() float64 {
	if s.text == 0 {
		return 0
	}
	return float64(s.link) / float64(s.text)
}

// computeStats fills stats for every element under root in one post-order
// pass (children before parents, without recursion).
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
		stats[n] = s
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
