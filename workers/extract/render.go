package extract

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Short paragraphs that are page furniture, in the languages we carry:
// share prompts, "read also" teasers, ad labels, credits. boilerplateWhole
// must be the whole paragraph (punctuation aside); boilerplateLead starts
// one, followed by a colon; boilerplateStart starts one in any form.
var (
	boilerplateWhole = map[string]bool{
		"share": true, "share this": true, "share this article": true, "share this story": true,
		"tweet": true, "email": true, "print": true, "advertisement": true, "sponsored": true,
		"related": true, "related articles": true, "related stories": true, "related posts": true,
		"read more": true, "see also": true, "follow us": true, "subscribe": true, "comments": true,
		"поделиться": true, "реклама": true, "читайте также": true, "комментарии": true,
		"publicidad": true, "compartir": true, "partager": true, "publicité": true,
		"teilen": true, "werbung": true, "anzeige": true, "広告": true, "text size": true,
		"advertisement continue reading below": true, "continue reading": true, "story continues below": true,
		"story continues below advertisement": true, "scroll to continue with content": true,
		"advert": true, "don't miss": true, "dont miss": true, "most read": true, "most popular": true,
		"tell us what you think": true, "популярное": true, "самое читаемое": true, "lo más leído": true,
		"関連記事": true, "相关阅读": true, "相关新闻": true, "シェア": true, "ツイート": true,
		"印刷": true, "分享": true, "打印": true, "공유": true, "관련기사": true,
	}
	boilerplateLead    = regexp.MustCompile(`(?i)^(read more|read also|see also|related|more|image|images|photo|photos|photograph|picture|video|source|tags|tag|topics|filed under|keywords|etiquetas|temas|palabras clave|mots-clés|schlagworte|schlagwörter|tagi|タグ|キーワード|关键词|责任编辑|編集|記者|기자|читайте также|читать также|фото|видео|автор|теги|метки|рубрики|источник|lea también|lire aussi|mehr zum thema)\s*[:：]`)
	boilerplateCounter = regexp.MustCompile(`(?i)^(image|photo|slide|picture|фото|imagen|foto) \d+ (of|из|de|di|von|sur) \d+$`)
	// postMeta is a label of a post's meta line anywhere in a short
	// paragraph: "05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde".
	postMeta         = regexp.MustCompile(`(?i)(posted by|published by|publicado por|publié par|veröffentlicht von|опубликовал[аи]?|categor(y|ies|ia|ía|ie)|kategorie|рубрика|filed under)\s*:`)
	boilerplateStart = regexp.MustCompile(`(?i)^(click here|sign up for|subscribe to|follow us on|advertisement|getty images|подписывайтесь на|подпишитесь на)`)
)

// maxBoilerplateRunes bounds the paragraphs boilerplateLine is tried on: a
// long paragraph that starts with "Related" is prose.
const maxBoilerplateRunes = 120

// renderer turns the article elements into plain text: one paragraph per
// block, blank lines between paragraphs, <br> as a line break.
type renderer struct {
	stats    map[*html.Node]nodeStats
	skipHead string // headline: a heading equal to it is not repeated in the body
	byline   string // the page's byline: a paragraph that only repeats it is dropped
	paras    []string
	// titled[i] is true when a skipped link block followed paragraph i:
	// a short paragraph there is that block's title ("More stories").
	titled map[int]bool
	// lastBlock is the element whose end gave the last paragraph.
	lastBlock *html.Node
	// digests are the digest lists entered; inDigest counts the open ones:
	// their linked items are kept.
	digests  map[*html.Node]bool
	inDigest int
	lines    []string
	cur      strings.Builder
	curLink  int
	curText  int
}

// render returns the text of nodes, in order.
func (r *renderer) render(nodes []*html.Node) string {
	for _, n := range nodes {
		r.walk(n)
	}
	r.flushParagraph()
	return strings.Join(dropTrailers(r.dropTitles()), "\n\n")
}

func (r *renderer) markTitled() {
	if len(r.paras) == 0 {
		return
	}
	if r.titled == nil {
		r.titled = map[int]bool{}
	}
	r.titled[len(r.paras)-1] = true
}

// titles reports whether the last paragraph can be the title of the
// skipped block n: a heading, or the element right before n. A short line
// that closed an enclosing block (a sign-off at the end of the story) is
// not the title of what follows the story.
func (r *renderer) titles(n *html.Node) bool {
	last := r.lastBlock
	if last == nil {
		return false
	}
	if isElement(last, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6) {
		return true
	}
	prev := n.PrevSibling
	for prev != nil && prev.Type != html.ElementNode {
		prev = prev.PrevSibling
	}
	return prev == last
}

// maxTitleRunes bounds what counts as the title of a dropped block.
const maxTitleRunes = 60

// dropTitles removes the titles of dropped link blocks: short paragraphs
// without closing punctuation right before a skipped block.
func (r *renderer) dropTitles() []string {
	out := r.paras[:0]
	for i, p := range r.paras {
		if r.titled[i] && len([]rune(p)) <= maxTitleRunes && !endsSentence(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

type visit struct {
	n    *html.Node
	exit bool
}

// walk visits n's subtree iteratively, flushing a paragraph at every block
// boundary.
func (r *renderer) walk(root *html.Node) {
	stack := []visit{{n: root}}
	linkDepth := 0
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := v.n
		if v.exit {
			if n.DataAtom == atom.A {
				linkDepth--
			}
			if r.digests[n] {
				r.inDigest--
			}
			if blockTags[n.DataAtom] && n.DataAtom != atom.Td && n.DataAtom != atom.Th {
				before := len(r.paras)
				r.flushParagraph()
				if len(r.paras) > before {
					r.lastBlock = n
				}
			}
			continue
		}
		switch n.Type {
		case html.TextNode:
			r.text(n.Data, linkDepth > 0)
			continue
		case html.ElementNode:
		default:
			continue
		}
		if r.skipElement(n) {
			if blockTags[n.DataAtom] {
				before := len(r.paras)
				r.flushParagraph()
				if len(r.paras) > before || r.titles(n) {
					r.markTitled()
				}
			}
			continue
		}
		switch {
		case n.DataAtom == atom.Br:
			r.lineBreak()
			continue
		case n.DataAtom == atom.A:
			linkDepth++
		case (n.DataAtom == atom.Ul || n.DataAtom == atom.Ol) && r.digest(n):
			r.markDigest(n)
			r.flushParagraph()
		case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
			// A table row reads as one line, its cells spaced.
			r.cur.WriteByte(' ')
		case blockTags[n.DataAtom]:
			r.flushParagraph()
		}
		stack = append(stack, visit{n: n, exit: true})
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, visit{n: c})
		}
	}
}

// skipElement drops link lists and menus left inside the article, and a
// heading that repeats the headline.
func (r *renderer) skipElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Ul, atom.Ol:
		st := r.stats[n]
		return st.text > 0 && !r.digest(n) && (st.linkDensity() > 0.5 || st.linkDensity() > 0.25 && r.everyItemLinks(n, st.text))
	case atom.Li:
		// A long item that starts with a linked sentence is a digest
		// entry, not a link list.
		st := r.stats[n]
		return st.text > 0 && st.text < 150 && st.linkDensity() > 0.5 && !r.digests[n.Parent]
	case atom.Dl, atom.Table, atom.Div, atom.Section:
		st := r.stats[n]
		return st.text > 0 && st.linkDensity() > 0.5
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		// Sites repeat the headline in the article column, in any
		// heading level.
		return r.skipHead != "" && strings.EqualFold(textOf(n), collapse(r.skipHead))
	case atom.Img, atom.Picture, atom.Source:
		return true
	}
	return false
}

// minDigestRunes is the unlinked text every item of a digest carries.
const minDigestRunes = 30

// digest reports a list of two or more items that each add a sentence of
// their own to a linked headline: a news digest in the story ("10 things
// you need to know"), not a list of links.
func (r *renderer) digest(list *html.Node) bool {
	items := 0
	for c := list.FirstChild; c != nil; c = c.NextSibling {
		if !isElement(c, atom.Li) {
			continue
		}
		items++
		if st := r.stats[c]; st.text-st.link < minDigestRunes {
			return false
		}
	}
	return items >= 2
}

func (r *renderer) markDigest(n *html.Node) {
	if r.digests == nil {
		r.digests = map[*html.Node]bool{}
	}
	r.digests[n] = true
	r.inDigest++
}

// everyItemLinks reports a list of two or more short items that all carry
// a link: a "more stories" list rather than a list in the story.
func (r *renderer) everyItemLinks(list *html.Node, text int32) bool {
	items := 0
	for c := list.FirstChild; c != nil; c = c.NextSibling {
		if !isElement(c, atom.Li) {
			continue
		}
		items++
		if r.stats[c].link == 0 {
			return false
		}
	}
	return items >= 2 && int(text)/items < 100
}

func (r *renderer) text(s string, inLink bool) {
	r.cur.WriteString(s)
	n := 0
	for _, c := range s {
		if !unicode.IsSpace(c) {
			n++
		}
	}
	r.curText += n
	if inLink {
		r.curLink += n
	}
}

func (r *renderer) lineBreak() {
	line := collapse(r.cur.String())
	r.cur.Reset()
	if line == "" {
		// <br><br> separates paragraphs.
		r.flushParagraph()
		return
	}
	r.lines = append(r.lines, line)
}

// flushParagraph ends the current paragraph and keeps it unless it is
// mostly links or a boilerplate line.
func (r *renderer) flushParagraph() {
	if line := collapse(r.cur.String()); line != "" {
		r.lines = append(r.lines, line)
	}
	r.cur.Reset()
	para := strings.Join(r.lines, "\n")
	text, link := r.curText, r.curLink
	r.lines, r.curText, r.curLink = r.lines[:0], 0, 0
	ownText := text - link
	if para == "" || text > 0 && float64(link)/float64(text) > 0.5 && (r.inDigest == 0 || ownText < minDigestRunes) {
		return
	}
	if isBoilerplate(para) || isBylineLine(para, r.byline) || isCaption(para) {
		return
	}
	r.paras = append(r.paras, para)
}

func isBoilerplate(para string) bool {
	n := len([]rune(para))
	if n > maxBoilerplateRunes {
		return false
	}
	lower := strings.ToLower(para)
	whole := strings.TrimFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) })
	// A line without a letter or digit ("___", "* * *") separates; it
	// says nothing.
	return !strings.ContainsFunc(para, isLetterOrDigit) || boilerplateWhole[whole] || onlyDate(para) || boilerplateLead.MatchString(para) || boilerplateCounter.MatchString(para) ||
		boilerplateStart.MatchString(para) || postMeta.MatchString(para) || strings.Contains(lower, "powered by")
}

// photoCredit ends a photo caption, after a sentence or in brackets:
// ". REUTERS/Issei Kato", "(AP Photo/Eugene Hoshiko)", ". EFE/Archivo",
// "(Photo: Kyodo)". "… according to a Reuters/Ipsos poll." is not one.
var photoCredit = regexp.MustCompile(`(?:(?:^|[.!?»”"]\s+|\()(?:REUTERS|Reuters|AFP|EPA|AP Photo|Getty Images|XINHUA|Xinhua|TASS|ТАСС|EFE|Kyodo|ANSA|dpa|DPA|SIPA|Bloomberg)\s?/\s?[\pL .'’-]{2,60}\)?|\((?:Photo|Foto|Фото|写真)\s*[:：][^)]{1,80}\))\.?$`)

// maxCaptionParagraph bounds the paragraphs read as a photo caption.
const maxCaptionParagraph = 300

// isCaption reports a photo caption left in the text: a short paragraph
// that ends with a photo credit.
func isCaption(para string) bool {
	return len([]rune(para)) <= maxCaptionParagraph && photoCredit.MatchString(para)
}

// tailParagraphs is how many closing paragraphs are checked for trailers.
const tailParagraphs = 3

// trailer matches the promotional lines sites append to every story:
// follow-us prompts, newsletter and forum invitations, contact lines,
// invitations to the site's radio or podcast, comment rules and prompts.
var trailer = regexp.MustCompile(`(?i)(follow (us|him|her|them|me) (on|@)|follow [\pL'’ ]{0,30}coverage|sign up for|subscribe to (our|the)|join (us|our)|our newsletter|newsletters?\b.*\binbox|have a (news )?tip|if you enjoyed this|successfully subscribed|problem subscribing|\blisten (back|live|again)\b|^(how to )?listen to\b|comments? (are|is) (closed|moderated)|leave a (comment|reply)|deja un comentario|deixe (um|seu) comentário|добавить комментарий|оставить комментарий|\bmoderador|\bmoderator|модератор|подписывайтесь|подпишитесь|síguenos|suivez-nous|folgen sie uns)`)

// maxTrailerRunes bounds the paragraphs trailer is tried on.
const maxTrailerRunes = 300

// dropTrailers removes promotional lines from the end of the article. Only
// the last few paragraphs are checked, and only short ones: the same words
// in the middle of a story are news.
func dropTrailers(paras []string) []string {
	for i := len(paras) - 1; i >= 0 && i >= len(paras)-tailParagraphs; i-- {
		p := paras[i]
		if len([]rune(p)) <= maxTrailerRunes && trailer.MatchString(p) {
			paras = append(paras[:i], paras[i+1:]...)
		}
	}
	return paras
}

// bylineLine matches a paragraph that is only a byline: "By Phil Helsel",
// "Von Anna Schmidt", "Автор: Иван Петров".
var bylineLine = regexp.MustCompile(`^(?i:by|von|por|par|di|автор:?|текст:?)\s+\p{Lu}[\pL.'’-]*(\s+(\p{Lu}[\pL.'’-]*|and|und|y|et|e|и|de|van|von)){0,5}$`)

// isBylineLine reports a paragraph that repeats the byline, or is one.
func isBylineLine(para, byline string) bool {
	if len(para) > 80 {
		return false
	}
	if byline != "" && (strings.EqualFold(para, byline) || strings.EqualFold(cleanByline(para), byline)) {
		return true
	}
	return bylineLine.MatchString(para)
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
