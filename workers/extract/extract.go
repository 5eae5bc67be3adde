package extract

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/extract/lang"
)

// DefaultMaxBytes is the page size limit when PageOptions.MaxBytes is 0.
const DefaultMaxBytes = 8 << 20

// Reasons for an empty body, as they appear in Result.Reason and
// Story.Extraction.
const (
	ReasonNoArticle = "no article found"
	ReasonKeepEmpty = "keep rules matched nothing"
)

// Errors for pages that cannot be read at all. They are permanent: the same
// bytes will never extract.
var (
	ErrEmpty    = errors.New("empty page")
	ErrBinary   = errors.New("not a text page")
	ErrTooLarge = errors.New("page too large")
	ErrTooDeep  = errors.New("page nested too deeply")
)

// PageOptions describe one page to extract.
type PageOptions struct {
	// URL is the page's address: relative links resolve against it.
	URL string
	// ContentType is the HTTP Content-Type header; its charset, when
	// present, decides the decoding.
	ContentType string
	// Rules are the source's selectors, applied before the generic
	// algorithm.
	Rules config.ExtractRules
	// FeedLanguage is the language the feed declared ("" when none); it
	// wins over the page's and the detected one.
	FeedLanguage string
	// MaxBytes bounds the page size (DefaultMaxBytes when 0).
	MaxBytes int
}

// Result is what a page says: its article text and metadata.
type Result struct {
	Headline  string
	Body      string // plain text, paragraphs separated by "\n\n", dateline kept
	Byline    string
	Language  string // ISO 639-1 or "und"
	Image     string
	Canonical string
	Published time.Time
	Updated   time.Time
	Dateline  *pipeline.Dateline
	// Agency is the dateline's agency under its canonical Latin name
	// ("TASS" for «ТАСС»); empty without a dateline.
	Agency string
	// Reason says why Body is empty ("no article found"); empty otherwise.
	Reason string
	// Charset is the encoding the page was decoded from.
	Charset string
}

// Extract reads one HTML page and returns its main text and metadata. It
// returns an error only for unusable input (empty, binary, too large or too
// deeply nested); a page without an article gives an empty Body and a
// Reason. Extract is safe for concurrent use.
func Extract(page []byte, o PageOptions) (*Result, error) {
	if err := checkInput(page, o.MaxBytes); err != nil {
		return nil, fmt.Errorf("extract: reading %s: %w", o.URL, err)
	}
	text, name := decodeToUTF8(page, o.ContentType)
	root, err := parseHTML(text)
	if err != nil {
		return nil, fmt.Errorf("extract: parsing %s: %w", o.URL, err)
	}
	base, _ := url.Parse(o.URL)
	res := extractTree(root, base, o)
	res.Charset = name
	return res, nil
}

// checkInput rejects pages no parser should see.
func checkInput(page []byte, maxBytes int) error {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	switch {
	case len(bytes.TrimSpace(page)) == 0:
		return ErrEmpty
	case len(page) > maxBytes:
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(page), maxBytes)
	case isBinary(page):
		return ErrBinary
	}
	return nil
}

// isBinary spots images, archives, PDFs and other non-text payloads: NUL
// bytes near the start (UTF-16 text with a BOM aside) or a known magic.
func isBinary(page []byte) bool {
	if bytes.HasPrefix(page, []byte{0xFE, 0xFF}) || bytes.HasPrefix(page, []byte{0xFF, 0xFE}) {
		return false
	}
	for _, magic := range []string{"%PDF", "\x89PNG", "GIF8", "\xFF\xD8\xFF", "\x1F\x8B", "PK\x03\x04"} {
		if bytes.HasPrefix(page, []byte(magic)) {
			return true
		}
	}
	head := page[:min(len(page), 8<<10)]
	return bytes.IndexByte(head, 0) >= 0
}

// parseHTML parses UTF-8 HTML. The parser refuses trees deeper than 512
// elements; such a page is flattened and parsed again.
func parseHTML(text []byte) (*html.Node, error) {
	root, err := html.Parse(bytes.NewReader(text))
	if err == nil {
		return root, nil
	}
	for _, limit := range flattenLimits {
		if root, err2 := html.Parse(bytes.NewReader(flatten(text, limit))); err2 == nil {
			return root, nil
		}
	}
	return nil, fmt.Errorf("%w: %v", ErrTooDeep, err)
}

// extractTree runs the extraction on a parsed page.
func extractTree(root *html.Node, base *url.URL, o PageOptions) *Result {
	meta := readMeta(root, base)
	res := &Result{
		Headline:  meta.headline(),
		Byline:    meta.byline,
		Image:     meta.image,
		Canonical: meta.canon,
		Published: meta.published,
		Updated:   meta.updated,
	}
	res.Body, res.Reason = articleText(root, o.Rules, res.Headline, res.Byline)
	if res.Body == "" && meta.ld.body != "" {
		res.Body, res.Reason = meta.ld.body, ""
	}
	if res.Body != "" {
		res.Dateline = ParseDateline(res.Body, res.Published)
	}
	if res.Dateline != nil {
		res.Agency = CanonicalAgency(res.Dateline.Agency)
	}
	res.Language = chooseLanguage(o.FeedLanguage, res.Body, res.Headline, meta.lang)
	return res
}

// articleText applies the source's rules, removes boilerplate and renders
// the chosen content.
func articleText(root *html.Node, rules config.ExtractRules, headline, byline string) (string, string) {
	doc := goquery.NewDocumentFromNode(root)
	for _, sel := range rules.Drop {
		if s, ok := compileSelector(sel); ok {
			doc.FindMatcher(s).Remove()
		}
	}
	removeJunkTags(root)
	var content []*html.Node
	if len(rules.Keep) > 0 {
		content = keepNodes(doc, rules.Keep)
		if len(content) == 0 {
			return "", ReasonKeepEmpty
		}
		removeJunkBlocks(root, content)
	} else {
		removeJunkBlocks(root, nil)
		content = selectContent(root)
	}
	if len(content) == 0 {
		return "", ReasonNoArticle
	}
	r := &renderer{stats: computeStats(root), skipHead: headline, byline: byline}
	body := r.render(content)
	if body == "" {
		return "", ReasonNoArticle
	}
	return body, ""
}

// fragmentText renders an HTML fragment that is known to be the article
// (a feed item's content): rules and boilerplate removal apply, candidate
// selection does not. Plain text comes back with its white space collapsed.
func fragmentText(fragment string, rules config.ExtractRules) string {
	root, err := parseHTML([]byte("<html><body>" + fragment + "</body></html>"))
	if err != nil {
		return ""
	}
	doc := goquery.NewDocumentFromNode(root)
	for _, sel := range rules.Drop {
		if s, ok := compileSelector(sel); ok {
			doc.FindMatcher(s).Remove()
		}
	}
	removeJunkTags(root)
	removeJunkBlocks(root, nil)
	body := findFirst(root, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		return ""
	}
	r := &renderer{stats: computeStats(root)}
	return r.render([]*html.Node{body})
}

// keepNodes returns the outermost elements matching any Keep selector, in
// document order.
func keepNodes(doc *goquery.Document, keep []string) []*html.Node {
	var sels []goquery.Matcher
	for _, k := range keep {
		if s, ok := compileSelector(k); ok {
			sels = append(sels, s)
		}
	}
	matched := map[*html.Node]bool{}
	for _, s := range sels {
		for _, n := range doc.FindMatcher(s).Nodes {
			matched[n] = true
		}
	}
	var out []*html.Node
	preorder(doc.Nodes[0], func(n *html.Node) bool {
		if matched[n] {
			out = append(out, n)
			return true // its subtree is already in
		}
		return false
	})
	return out
}

// chooseLanguage prefers the feed's declared language, then the detected
// one, then the page's lang attribute.
func chooseLanguage(feed, body, headline, pageLang string) string {
	if l := normalizeLang(feed); l != "" {
		return l
	}
	// Headline and body together: a short headline alone rarely has the
	// function words detection needs, and a short body gains from it.
	sample := strings.TrimSpace(headline + "\n\n" + body)
	if l := lang.New().Detect(sample); l != lang.Unknown {
		return l
	}
	if l := normalizeLang(pageLang); l != "" {
		return l
	}
	return pipeline.LanguageUnknown
}

// normalizeLang reduces "ru-RU", "en_US" or "EN" to the ISO 639-1 code; ""
// when s is not a language tag.
func normalizeLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 || s == pipeline.LanguageUnknown {
		return ""
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return s
}
