package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// selectContent returns the elements that hold the article, in document
// order: the best-scoring container and those of its siblings that look like
// more of the same article (sites split long stories into several blocks).
// It returns nil when the page has no prose at all.
func selectContent(root *html.Node) []*html.Node {
	s := newScorer(root)
	s.scoreAll(root)
	top := s.best()
	if top == nil {
		// Text written straight into <body>: a plain-text page.
		if body := findFirst(root, func(n *html.Node) bool { return n.DataAtom == atom.Body }); body != nil && s.scores[body] > 0 {
			return []*html.Node{body}
		}
		return nil
	}
	top = s.liftToArticle(s.liftToProse(top))
	if top.Parent == nil {
		return []*html.Node{top}
	}
	topScore := s.final(top)
	threshold := max(10, topScore*0.2)
	topClass := attr(top, "class")
	var out []*html.Node
	for c := top.Parent.FirstChild; c != nil; c = c.NextSibling {
		// Line breaks between the chosen siblings keep their paragraphs
		// apart; elsewhere they render as nothing.
		if c == top || isElement(c, atom.Br) || s.siblingBelongs(c, threshold, topClass, topScore) {
			out = append(out, c)
		}
	}
	return out
}

// liftToProse moves the pick up while an ancestor holds clearly more prose
// paragraphs with few links: the article was split into blocks (chunks
// between ads) and the best block is only one of them.
func (s *scorer) liftToProse(top *html.Node) *html.Node {
	for a := top.Parent; a != nil && a.Type == html.ElementNode && !isElement(a, atom.Body, atom.Html); a = a.Parent {
		if s.moreOfTheSame(top, a) {
			top = a
		}
	}
	return top
}

// moreOfTheSame reports whether ancestor a adds prose paragraphs to top's
// that look like top's own: enough of them, about as long (teasers of other
// stories are short), and few links.
func (s *scorer) moreOfTheSame(top, a *html.Node) bool {
	st, at := s.stats[top], s.stats[a]
	added, addedText := at.prose-st.prose, at.proseText-st.proseText
	if added < max(2, st.prose*3/10) || at.linkDensity() > 0.3 || st.prose == 0 {
		return false
	}
	return int64(addedText)*int64(st.prose)*10 >= int64(st.proseText)*int64(added)*6
}

// liftToArticle moves the pick up to an enclosing <article> or articleBody
// element when that element is not much larger: the pick is then the
// article's main column and its siblings within the article belong to it.
func (s *scorer) liftToArticle(top *html.Node) *html.Node {
	for a := top.Parent; a != nil && a.Type == html.ElementNode; a = a.Parent {
		if isElement(a, atom.Body, atom.Html) {
			break
		}
		if isElement(a, atom.Article) || attr(a, "itemprop") == "articleBody" {
			st, at := s.stats[top], s.stats[a]
			if at.text > 0 && int64(st.text)*10 >= int64(at.text)*6 {
				return a
			}
			break
		}
	}
	return top
}

func (s *scorer) siblingBelongs(c *html.Node, threshold float64, topClass string, topScore float64) bool {
	if c.Type == html.TextNode {
		return strings.TrimSpace(c.Data) != "" && len(c.Data) > 80
	}
	if c.Type != html.ElementNode || isAboutBlock(c) {
		return false
	}
	bonus := 0.0
	if topClass != "" && attr(c, "class") == topClass {
		bonus = topScore * 0.2
	}
	if _, ok := s.scores[c]; ok && s.final(c)+bonus >= threshold {
		return true
	}
	// A paragraph may come wrapped (<div class="media"><p>…</p></div>).
	if c = soleElement(c); c.DataAtom != atom.P {
		return false
	}
	st := s.stats[c]
	text := textOf(c)
	switch {
	case st.text > 80 && st.linkDensity() < 0.25:
		return true
	case st.text > 0 && st.link == 0 && endsSentence(text):
		return true
	}
	return false
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'»”’)")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "。") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// maxWrappers bounds how deep soleElement looks through wrappers.
const maxWrappers = 8

// soleElement returns the element n wraps: while n has exactly one element
// child and no text of its own, that child.
func soleElement(n *html.Node) *html.Node {
	for range maxWrappers {
		var only *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
				return n
			case c.Type != html.ElementNode:
			case only != nil:
				return n
			default:
				only = c
			}
		}
		if only == nil {
			return n
		}
		n = only
	}
	return n
}
