package extract

// Page furniture recognised by its shape rather than its class names:
// teaser cards of other stories, photo blocks with their captions, and
// "About <name>" blocks beside the story.

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Teaser cards: "other news" blocks list stories as cards, each a linked
// headline followed by a short summary. The summaries carry no links, so
// link density alone lets them through as prose.
const (
	maxCardRunes     = 500 // a card longer than this is an article section
	minCardHeadRunes = 12  // a linked headline, not "Photo" or "More"
	minCards         = 2
)

// isTeaserList reports a container of two or more story cards that make
// up most of its text.
func isTeaserList(n *html.Node, stats map[*html.Node]nodeStats) bool {
	total := stats[n].text
	if total == 0 || total > maxCardRunes*12 {
		return false
	}
	cards, cardText := 0, int32(0)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isCard(c, stats) {
			cards++
			cardText += stats[c].text
		}
	}
	return cards >= minCards && cardText*10 >= total*7
}

// isCard reports one teaser: a block of title and summary, short, that
// starts with a link of headline length and holds text beyond it.
func isCard(c *html.Node, stats map[*html.Node]nodeStats) bool {
	st := stats[c]
	if st.text > maxCardRunes || st.link == st.text || !hasBlockChild(c) {
		return false
	}
	link := firstTextLink(c)
	return link != nil && stats[link].text >= minCardHeadRunes
}

// hasBlockChild reports a block among n's children, or among the
// children of a link child (<a><h3>Title</h3></a>).
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockTags[c.DataAtom] {
			return true
		}
		if isElement(c, atom.A) {
			for g := c.FirstChild; g != nil; g = g.NextSibling {
				if g.Type == html.ElementNode && blockTags[g.DataAtom] {
					return true
				}
			}
		}
	}
	return false
}

// searchLimit bounds the nodes looked at when searching a small block, so
// that deeply nested pages cost linear time.
const searchLimit = 64

// firstTextLink returns the <a> around n's first non-blank text, or nil
// when that text is not in a link (or not among the first nodes).
func firstTextLink(n *html.Node) *html.Node {
	text := firstWithin(n, searchLimit, func(t *html.Node) bool {
		return t.Type == html.TextNode && strings.TrimSpace(t.Data) != ""
	})
	for a := text; a != nil && a != n; a = a.Parent {
		if isElement(a, atom.A) {
			return a
		}
	}
	return nil
}

// maxCaptionRunes bounds the text of an image block read as a caption.
const maxCaptionRunes = 300

// isImageBlock reports a block that holds a picture and only a short text
// beside it: a photo with its caption or credit, whatever its class. The
// caption describes the photo, not the story.
func isImageBlock(n *html.Node, stats map[*html.Node]nodeStats) bool {
	if !isElement(n, atom.Div, atom.Figure, atom.Span) || stats[n].text > maxCaptionRunes || stats[n].paras > 1 {
		return false
	}
	return firstWithin(n, searchLimit, func(c *html.Node) bool { return isElement(c, atom.Img, atom.Picture) }) != nil
}

// firstWithin returns the first node strictly under root, in document
// order, that matches, looking at no more than limit nodes.
func firstWithin(root *html.Node, limit int, match func(*html.Node) bool) *html.Node {
	n := root.FirstChild
	for seen := 0; n != nil && seen < limit; seen++ {
		if match(n) {
			return n
		}
		n = nextInTree(root, n)
	}
	return nil
}

// nextInTree is n's successor in a pre-order walk of root's subtree.
func nextInTree(root, n *html.Node) *html.Node {
	if n.FirstChild != nil {
		return n.FirstChild
	}
	for ; n != nil && n != root; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

// aboutHeading is the title of a company or site description: "About
// Reuters", "Об агентстве", "Acerca de EFE", "会社概要".
var aboutHeading = regexp.MustCompile(`(?i)^(about|об|о компании|о нас|acerca de|sobre|à propos|a propos|über|chi siamo|会社概要|について)(\s|$)`)

// maxAboutRunes bounds the heading of an about block.
const maxAboutRunes = 60

// isAboutBlock reports a block that opens with an "About <name>" heading:
// a description of the agency, site or company beside the story. Inside
// the story itself (a press release's closing section) it stays.
func isAboutBlock(n *html.Node) bool {
	text := firstWithin(n, searchLimit, func(t *html.Node) bool {
		return t.Type == html.TextNode && strings.TrimSpace(t.Data) != ""
	})
	if text == nil || text.Parent == nil || text.Parent == n {
		return false
	}
	head := textOf(text.Parent)
	return len([]rune(head)) <= maxAboutRunes && aboutHeading.MatchString(head)
}
