package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// junkTags never hold article text.
var junkTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true,
	atom.Canvas: true, atom.Button: true, atom.Input: true,
	atom.Select: true, atom.Textarea: true, atom.Nav: true, atom.Aside: true,
	atom.Footer: true, atom.Dialog: true, atom.Menu: true, atom.Header: true,
	atom.Head: true, atom.Figcaption: true, atom.Link: true, atom.Meta: true,
	atom.Video: true, atom.Audio: true, atom.Map: true,
}

// junkRoles are ARIA landmarks and widgets around, not in, an article.
var junkRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"dialog": true, "alertdialog": true, "search": true, "menu": true,
	"menubar": true, "toolbar": true, "form": true, "tablist": true,
}

// junkTokens are class/id words of page furniture. A class or id is split
// on non-alphanumerics; each piece is checked against junkTokens, and
// against junkPrefixes for glued names such as "sharedaddy" or
// "relatedposts".
var junkTokens = map[string]bool{
	"comment": true, "comments": true, "share": true, "sharing": true, "shares": true,
	"social": true, "related": true, "cookie": true, "cookies": true, "consent": true,
	"newsletter": true, "subscribe": true, "subscription": true, "sidebar": true,
	"breadcrumb": true, "breadcrumbs": true, "advert": true, "advertisement": true,
	"ad": true, "ads": true, "adv": true, "advertising": true, "banner": true,
	"sponsor": true, "sponsored": true, "promo": true, "popup": true, "modal": true,
	"nav": true, "navbar": true, "navigation": true, "menu": true, "footer": true,
	"header": true, "masthead": true, "widget": true, "widgets": true, "tags": true,
	"tagline": true, "byline": true, "author": true, "dateline": false, "meta": true,
	"pagination": true, "pager": true, "disqus": true, "outbrain": true,
	"taboola": true, "recirc": true, "recommended": true, "trending": true,
	"popular": true, "signup": true, "login": true, "toolbar": true, "print": true,
	"caption": true, "credit": true, "credits": true, "copyright": true,
	"hidden": true, "skip": true, "rating": true, "reactions": true, "tools": true,
	"utility": true, "more": false, "readmore": true, "jump": true, "overlay": true,
	"donate": true, "follow": true, "bio": true, "timestamp": true,
	"published": true, "date": true, "share-bar": true, "sns": true, "adsbygoogle": true,
	"tooltip": true, "popover": true, "rollover": true, "hovercard": true,
}

// embedTokens mark embedded posts (tweets, Instagram, video players with
// captions) that the article quotes: part of the story even when the
// container is also called "social".
var embedTokens = map[string]bool{"embed": true, "tweet": true, "twitter-tweet": true, "instagram-media": true}

var junkPrefixes = []string{
	"comment", "share", "social", "related", "cookie", "newsletter", "subscri",
	"sidebar", "breadcrumb", "advert", "sponsor", "disqus", "outbrain", "taboola",
	"authorbox", "author-box", "about-author", "author-bio", "authorbio",
	"post-author", "entry-author", "addtoany", "a2a", "yarpp", "jp-relatedposts",
	"sharedaddy", "ultimatelysocial", "sfsi", "wpdiscuz", "respond", "reply",
	"post-meta", "entry-meta", "article-meta", "post-tags", "entry-tags",
	"tag-list", "taglist", "more-stories", "read-more", "readmore", "see-also",
	"promo", "gdpr", "subscribe", "inline-related", "also-read",
	"post-navigation", "nav-links", "navigation", "byline",
}

// contentTokens mark a container as the article itself; such an element is
// kept unless a strong junk word is also present.
var contentTokens = map[string]bool{
	"content": true, "article": true, "body": true, "entry": true, "main": true,
	"post": true, "story": true, "text": true, "articlebody": true, "blog": true,
	"page": true, "single": true, "hentry": true, "column": true,
}

// strongJunk words win over content words when they start a class or id
// ("comment-content", but not "content-with-sidebar").
var strongJunk = []string{"comment", "share", "social", "related", "cookie", "newsletter", "sidebar", "breadcrumb", "advert", "respond", "disqus", "subscri", "promo", "sponsor"}

// headJunk are words that, as the last part of a compound class name, say
// what the element is whatever comes before: "post-footer", "entry-meta",
// "article-tags" are furniture although "post", "entry" and "article" are
// content words.
var headJunk = map[string]bool{
	"footer": true, "meta": true, "byline": true, "tags": true, "labels": true,
	"author": true, "comments": true, "share": true, "sharing": true, "social": true,
	"related": true, "date": true, "timestamp": true, "credit": true, "credits": true,
	"caption": true, "navigation": true, "nav": true, "pagination": true, "info": true,
}

// genericTokens say nothing about an element's role ("-wrapper", "-inner").
var genericTokens = map[string]bool{
	"wrapper": true, "wrap": true, "wrp": true, "container": true, "inner": true,
	"outer": true, "box": true, "area": true, "block": true, "section": true,
	"holder": true, "list": true, "links": true, "module": true, "widget": true,
}

// headToken returns the last meaningful token of one class or id word.
func headToken(word string) string {
	toks := nameTokens(word)
	for i := len(toks) - 1; i >= 0; i-- {
		t := toks[i]
		if genericTokens[t] || strings.TrimLeft(t, "0123456789") == "" {
			continue
		}
		return t
	}
	return ""
}

// junkScore classifies an element by its class, id and role:
// 1 junk, -1 article-like, 0 no opinion.
func junkScore(n *html.Node) int {
	if junkRoles[strings.ToLower(attr(n, "role"))] {
		return 1
	}
	raw := attr(n, "class") + " " + attr(n, "id")
	names := strings.ToLower(raw)
	if strings.TrimSpace(names) == "" {
		return 0
	}
	junk, content, strong := false, false, false
	for _, tok := range nameTokens(raw) {
		if embedTokens[tok] {
			return -1
		}
		if contentTokens[tok] {
			content = true
		}
		if junkTokens[tok] {
			junk = true
		}
	}
	for _, word := range strings.Fields(names) {
		for _, p := range junkPrefixes {
			if strings.HasPrefix(word, p) || strings.Contains(word, "-"+p) || strings.Contains(word, "_"+p) {
				junk = true
			}
		}
		for _, s := range strongJunk {
			if strings.HasPrefix(word, s) {
				strong = true
			}
		}
		if headJunk[headToken(word)] {
			strong = true
		}
	}
	switch {
	case strong:
		return 1
	case junk && !content:
		return 1
	case content:
		return -1
	}
	return 0
}

// nameTokens splits class and id values into lower-case words at
// punctuation and at camelCase boundaries ("newsCaption" → news, caption).
func nameTokens(s string) []string {
	var out []string
	var b strings.Builder
	prevLower := false
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		lr := unicode.ToLower(r)
		switch {
		case notAlnum(lr):
			flush()
			prevLower = false
			continue
		case r != lr && prevLower:
			flush()
		}
		b.WriteRune(lr)
		prevLower = r == lr && unicode.IsLetter(r)
	}
	flush()
	return out
}

func notAlnum(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
}

// isHidden reports elements a reader never sees.
func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" {
		return true
	}
	style := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}
