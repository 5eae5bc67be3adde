package extract

import (
	"math"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minParagraph is the shortest text (non-space runes) that counts as prose
// when scoring containers.
const minParagraph = 25

// blockTags break the flow of text: an element with one of them among its
// children is a container, not a paragraph.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Blockquote: true, atom.Div: true,
	atom.Dl: true, atom.Fieldset: true, atom.Figure: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Hr: true, atom.Li: true, atom.Main: true, atom.Ol: true, atom.P: true,
	atom.Pre: true, atom.Section: true, atom.Table: true, atom.Ul: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Dd: true, atom.Dt: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Caption: true,
}

// isProse reports elements whose own text is a paragraph: <p>, <pre>, and
// divs or cells that hold only inline content.
func isProse(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Pre:
		return true
	case atom.Div, atom.Td, atom.Section, atom.Blockquote:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && blockTags[c.DataAtom] {
				return false
			}
		}
		return true
	}
	return false
}

// tagWeight is the prior of a container by its tag.
func tagWeight(n *html.Node) float64 {
	switch n.DataAtom {
	case atom.Article:
		return 10
	case atom.Div, atom.Main, atom.Section:
		return 5
	case atom.Pre, atom.Td, atom.Blockquote:
		return 3
	case atom.Ol, atom.Ul, atom.Dl, atom.Form, atom.Li, atom.Th, atom.Address:
		return -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return -5
	}
	return 0
}

// classWeight favours containers named like an article body.
func classWeight(n *html.Node) float64 {
	if attr(n, "itemprop") == "articleBody" {
		return 50
	}
	switch junkScore(n) {
	case 1:
		return -25
	case -1:
		return 25
	}
	return 0
}

// scorer ranks containers by the prose they hold.
type scorer struct {
	stats  map[*html.Node]nodeStats
	scores map[*html.Node]float64
	order  map[*html.Node]int
}

func newScorer(root *html.Node) *scorer {
	s := &scorer{stats: computeStats(root), scores: map[*html.Node]float64{}, order: map[*html.Node]int{}}
	for i, n := range preorder(root, nil) {
		s.order[n] = i
	}
	return s
}

// scoreAll gives every ancestor of a prose block a share of the block's
// score: all of it to the parent, half to the grandparent, a third to the
// great-grandparent.
func (s *scorer) scoreAll(root *html.Node) {
	for _, n := range preorder(root, nil) {
		if n.Type != html.ElementNode {
			continue
		}
		st, first := s.proseOf(n)
		if st.text < minParagraph {
			continue
		}
		value := 1 + float64(st.commas) + math.Min(float64(st.text)/100, 3)
		level := 0
		for a := first; a != nil && level < 3 && a.Type == html.ElementNode; a = a.Parent {
			div := 1.0
			if level > 0 {
				div = float64(level) * 2
			}
			s.add(a, value/div)
			level++
		}
	}
}

// proseOf returns the prose n holds as a paragraph of its own and the first
// element to credit for it. A <p> credits its parent. A prose div credits
// itself (some sites write the whole article in one <div> with <br>s); so
// does a container for text written directly inside it, between its block
// children.
func (s *scorer) proseOf(n *html.Node) (nodeStats, *html.Node) {
	if isProse(n) {
		if n.DataAtom == atom.P {
			return s.stats[n], n.Parent
		}
		return s.stats[n], n
	}
	var st nodeStats
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode || c.Type == html.ElementNode && !blockTags[c.DataAtom] {
			cs := s.stats[c]
			if c.Type == html.TextNode {
				cs = textStats(c.Data)
			}
			st.text += cs.text
			st.link += cs.link
			st.commas += cs.commas
		}
	}
	if st.linkDensity() > 0.5 {
		return nodeStats{}, nil
	}
	return st, n
}

func (s *scorer) add(n *html.Node, v float64) {
	if _, ok := s.scores[n]; !ok {
		s.scores[n] = tagWeight(n) + classWeight(n)
	}
	s.scores[n] += v
}

// final is a container's score discounted by its link density.
func (s *scorer) final(n *html.Node) float64 {
	return s.scores[n] * (1 - s.stats[n].linkDensity())
}

// best returns the highest-scoring container, or nil when no element holds
// prose.
func (s *scorer) best() *html.Node {
	var top *html.Node
	topScore := math.Inf(-1)
	for n := range s.scores {
		if isElement(n, atom.Html, atom.Body) {
			continue
		}
		if f := s.final(n); f > topScore || f == topScore && s.order[n] < s.order[top] {
			top, topScore = n, f
		}
	}
	return top
}
