package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// protected elements are never removed for their class or id: they are the
// page or the article itself.
func protected(n *html.Node) bool {
	return isElement(n, atom.Html, atom.Body, atom.Main, atom.Article) ||
		attr(n, "itemprop") == "articleBody"
}

// removeJunkTags drops comments, scripts, forms, navigation and other
// elements that never hold article text, and hidden elements.
func removeJunkTags(root *html.Node) {
	var doomed []*html.Node
	preorder(root, func(n *html.Node) bool {
		switch {
		case n.Type == html.CommentNode:
		case n.Type != html.ElementNode:
			return false
		case junkTags[n.DataAtom], isHidden(n) && !protected(n):
		default:
			return false
		}
		doomed = append(doomed, n)
		return true
	})
	for _, n := range doomed {
		detach(n)
	}
}

// removeJunkBlocks drops elements whose class, id or role names page
// furniture (comments, share bars, related links, author boxes, …). An
// element holding most of the page's prose is kept whatever its name: a
// <div id="content" class="has-sidebar"> is the article, not a sidebar.
//
// Elements in keep, and their ancestors, are never removed: they are what
// the source's Keep rules selected.
func removeJunkBlocks(root *html.Node, keep []*html.Node) {
	kept := map[*html.Node]bool{}
	for _, k := range keep {
		for a := k; a != nil && !kept[a]; a = a.Parent {
			kept[a] = true
		}
	}
	stats := computeStats(root)
	total, totalParas := stats[root].text, stats[root].paras
	var doomed []*html.Node
	preorder(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode || protected(n) || kept[n] {
			return false
		}
		s := stats[n]
		// Whole pages sit in one ASP.NET <form>; a form without prose is
		// a search box, a login or a comment form.
		if n.DataAtom == atom.Form && s.paras < 2 {
			doomed = append(doomed, n)
			return true
		}
		// Teaser cards of other stories and photo blocks with their
		// caption, unless they hold most of the page's text.
		if s.text*2 < total && (isTeaserList(n, stats) || isImageBlock(n, stats)) {
			doomed = append(doomed, n)
			return true
		}
		if junkScore(n) <= 0 {
			return false
		}
		if s.paras >= 3 && (s.text*2 >= total || s.paras*2 > totalParas) && s.linkDensity() < 0.3 {
			return false
		}
		doomed = append(doomed, n)
		return true
	})
	for _, n := range doomed {
		detach(n)
	}
}
