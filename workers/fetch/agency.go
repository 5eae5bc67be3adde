package fetch

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/polywire/polywire/pipeline"
)

// agencyItem is one agency news item (IPTC ninjs or NewsML-G2) as written,
// before it becomes a candidate: dates are raw strings, resolved with the
// source's date rules like feed dates.
type agencyItem struct {
	uri, version                           string
	published, updated, versioned, embargo string
	pubstatus, urgency                     string
	language, headline, summary, byline    string
	bodyText, bodyHTML, link               string
	located, dateline, agency              string
	keywords                               []string
}

// Document formats.
const (
	formatFeed   = "feed"
	formatNinjs  = "ninjs"
	formatNewsML = "newsml"
)

var newsMLRootRE = regexp.MustCompile(`<(?:[A-Za-z0-9_]+:)?(?:newsItem|newsMessage)[\s>]`)

// sniffFormat tells an agency item from a feed by its first bytes: a JSON
// object or array whose objects carry "uri" (and are not a JSON Feed) is
// ninjs; XML whose root is newsItem or newsMessage is NewsML-G2; anything
// else goes to the feed parser.
func sniffFormat(body []byte) string {
	head := bytes.TrimSpace(bytes.TrimPrefix(body[:min(len(body), 4096)], []byte("\xef\xbb\xbf")))
	switch {
	case len(head) == 0:
		return formatFeed
	case head[0] == '{' || head[0] == '[':
		if bytes.Contains(head, []byte(`"uri"`)) && !bytes.Contains(head, []byte("jsonfeed.org")) {
			return formatNinjs
		}
	case head[0] == '<':
		if loc := newsMLRootRE.FindIndex(head); loc != nil && !bytes.Contains(head[:loc[0]], []byte("<rss")) &&
			!bytes.Contains(head[:loc[0]], []byte("<feed")) {
			return formatNewsML
		}
	}
	return formatFeed
}

// candidate turns an agency item into a candidate for the seen check.
func (c *itemContext) agencyCandidate(a *agencyItem) *candidate {
	link := CanonicalURL(a.link, c.base)
	body := strings.TrimSpace(a.bodyText)
	if body == "" && a.bodyHTML != "" {
		body = htmlParagraphs(a.bodyHTML)
	}
	s := pipeline.Story{
		Schema:    pipeline.SchemaVersion,
		PubStatus: pipeline.PubStatusUsable,
		Source:    c.src.ID,
		Agency:    collapse(a.agency),
		URI:       strings.TrimSpace(a.uri),
		URL:       link,
		Language:  firstNonEmpty(normalizeLanguage(a.language), normalizeLanguage(c.src.Language), pipeline.LanguageUnknown),
		Headline:  htmlText(a.headline),
		Summary:   htmlText(a.summary),
		Body:      body,
		Byline:    htmlText(a.byline),
		Keywords:  keywords(a.keywords),
		Fetched:   c.now,
		Dateline:  parseDateline(a.dateline, a.located),
	}
	if s.Agency == "" && s.Dateline != nil {
		s.Agency = s.Dateline.Agency
	}
	s.Agency = firstNonEmpty(s.Agency, c.src.Agency)
	ident := identityOf(c.src, c.identity, s.URI, link)
	if ident == "" {
		ident = "title:" + s.Headline + "|" + a.published
	}
	s.ID = pipeline.StoryID(c.src.ID, ident)
	c.setAgencyDates(&s, a)
	c.applyMarks(&s, rssMarks{status: a.pubstatus, embargoed: a.embargo, urgency: a.urgency})
	hash := hashParts(append([]string{a.headline, a.summary, body, a.bodyHTML, link, a.byline, a.agency, a.dateline,
		strings.Join(a.keywords, "\x1f")}, statusParts(&s)...)...)
	cand := &candidate{
		raw:  &pipeline.RawItem{Story: s, FeedLanguage: a.language, FeedContent: firstNonEmpty(a.bodyHTML, a.bodyText), Rules: c.src.ID},
		hash: hash,
	}
	cand.srcVersion, _ = strconv.Atoi(strings.TrimSpace(a.version))
	if t, ok := resolveDate(a.versioned, nil, c.dates()); ok {
		cand.srcTime = t
	}
	return cand
}

func (c *itemContext) setAgencyDates(s *pipeline.Story, a *agencyItem) {
	var problems []string
	if t, ok := resolveDate(a.published, nil, c.dates()); ok {
		s.Published = t
	} else {
		problems = append(problems, "published: "+a.published)
	}
	upd := firstNonEmpty(a.versioned, a.updated)
	if t, ok := resolveDate(upd, nil, c.dates()); ok {
		s.Updated = t
	} else {
		problems = append(problems, "updated: "+upd)
	}
	if s.Published.IsZero() && len(problems) == 0 {
		s.Published = s.Updated
	}
	s.DateProblem = strings.Join(problems, "; ")
}

var datelineRE = regexp.MustCompile(`^\s*([^,(]+?)\s*,\s*([^(]*?)\s*(?:\(([^)]+)\))?\s*[-–—.]*\s*$`)

// parseDateline reads a dateline such as "TOKYO, June 10 (AP)" into place,
// date and agency; located (the item's place) fills the place when the
// dateline has none.
func parseDateline(dateline, located string) *pipeline.Dateline {
	dateline, located = collapse(dateline), collapse(located)
	if dateline == "" && located == "" {
		return nil
	}
	d := &pipeline.Dateline{Place: located}
	if m := datelineRE.FindStringSubmatch(dateline); m != nil {
		d.Place, d.Date, d.Agency = firstNonEmpty(m[1], located), m[2], m[3]
	} else if dateline != "" {
		d.Date = dateline
	}
	return d
}
