package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/pipeline"
)

// candidate is a feed item turned into a RawItem, before the seen check.
type candidate struct {
	raw         *pipeline.RawItem
	hash        string
	summaryOnly bool
	// srcVersion and srcTime are the agency's own version number and
	// versioncreated (zero when unknown), to ignore stale versions that
	// arrive late (files of a drop read out of order).
	srcVersion int
	srcTime    time.Time
}

// itemContext is what every item of one feed shares.
type itemContext struct {
	src      config.Source
	feed     *gofeed.Feed
	base     string // the feed's final URL, for relative links
	loc      *time.Location
	identity *regexp.Regexp
	kill     *regexp.Regexp
	zones    map[string]string
	now      time.Time
	short    int
}

func (c *itemContext) build(it *gofeed.Item) *candidate {
	link := CanonicalURL(it.Link, c.base)
	s := pipeline.Story{
		Schema:    pipeline.SchemaVersion,
		PubStatus: pipeline.PubStatusUsable,
		Source:    c.src.ID,
		Agency:    c.src.Agency,
		URI:       firstNonEmpty(strings.TrimSpace(it.GUID), link),
		URL:       link,
		Language:  c.language(it),
		Headline:  htmlText(it.Title),
		Summary:   htmlText(it.Description),
		Byline:    byline(it),
		Keywords:  keywords(it.Categories),
		Image:     CanonicalURL(image(it), c.base),
		Fetched:   c.now,
	}
	ident := identityOf(c.src, c.identity, it.GUID, link)
	if ident == "" {
		// neither guid nor link: the headline and date as written
		ident = "title:" + s.Headline + "|" + it.Published
	}
	s.ID = pipeline.StoryID(c.src.ID, ident)
	c.setDates(&s, it)
	c.applyMarks(&s, itemMarks(it))
	content := firstNonEmpty(it.Content, it.Description)
	return &candidate{
		raw:         &pipeline.RawItem{Story: s, FeedLanguage: c.feed.Language, FeedContent: content, Rules: c.src.ID},
		hash:        contentHash(it, link, statusParts(&s)...),
		summaryOnly: !textAtLeast(it.Content, c.short),
	}
}

// applyMarks sets pubstatus, embargo, urgency and agency from the item's
// status elements and the source's kill_pattern.
func (c *itemContext) applyMarks(s *pipeline.Story, m rssMarks) {
	if st := normalizeStatus(m.status); st != "" {
		s.PubStatus = st
	}
	if c.kill != nil && c.kill.MatchString(s.Headline) {
		s.PubStatus = pipeline.PubStatusCanceled
	}
	if m.embargoed != "" {
		if t, ok := resolveDate(m.embargoed, nil, c.dates()); ok {
			s.Embargoed = t
		} else {
			s.DateProblem = strings.TrimPrefix(s.DateProblem+"; embargoed: "+m.embargoed, "; ")
		}
	}
	s.Urgency = parseUrgency(m.urgency)
	if a := strings.TrimSpace(m.agency); a != "" {
		s.Agency = a
	}
}

func (c *itemContext) dates() dateRules { return dateRules{loc: c.loc, zones: c.zones} }

func (c *itemContext) language(it *gofeed.Item) string {
	if it.DublinCoreExt != nil {
		for _, l := range it.DublinCoreExt.Language {
			if n := normalizeLanguage(l); n != "" {
				return n
			}
		}
	}
	if n := normalizeLanguage(c.feed.Language); n != "" {
		return n
	}
	if n := normalizeLanguage(c.src.Language); n != "" {
		return n
	}
	return pipeline.LanguageUnknown
}

func (c *itemContext) setDates(s *pipeline.Story, it *gofeed.Item) {
	var problems []string
	if t, ok := resolveDate(it.Published, it.PublishedParsed, c.dates()); ok {
		s.Published = t
	} else {
		problems = append(problems, "published: "+it.Published)
	}
	if t, ok := resolveDate(it.Updated, it.UpdatedParsed, c.dates()); ok {
		s.Updated = t
	} else {
		problems = append(problems, "updated: "+it.Updated)
	}
	if s.Published.IsZero() && len(problems) == 0 {
		s.Published = s.Updated // Atom entries may carry only <updated>
	}
	s.DateProblem = strings.Join(problems, "; ")
}

// contentHash covers what makes an edit: text, link, authors, categories.
func contentHash(it *gofeed.Item, link string, extra ...string) string {
	return hashParts(append([]string{it.Title, it.Description, it.Content, link, byline(it), strings.Join(it.Categories, "\x1f")}, extra...)...)
}

// statusParts are the hash parts of a story's status, none for a plain
// usable story (so hashes of ordinary items stay what they always were).
func statusParts(s *pipeline.Story) []string {
	if s.PubStatus == pipeline.PubStatusUsable && s.Embargoed.IsZero() && s.Urgency == 0 {
		return nil
	}
	return []string{s.PubStatus, s.Embargoed.UTC().Format(time.RFC3339), strconv.Itoa(s.Urgency)}
}

func hashParts(parts ...string) string {
	h := sha256.New()
	for _, part := range parts {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func byline(it *gofeed.Item) string {
	var names []string
	for _, a := range it.Authors {
		if a != nil && strings.TrimSpace(a.Name) != "" {
			names = append(names, strings.TrimSpace(a.Name))
		}
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		names = it.DublinCoreExt.Creator
	}
	return htmlText(strings.Join(names, ", "))
}

func keywords(cats []string) []string {
	var out []string
	for _, c := range cats {
		c = collapse(c)
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// image picks the item's picture: its image, an image enclosure, or Media
// RSS content or thumbnail.
func image(it *gofeed.Item) string {
	if it.Image != nil && it.Image.URL != "" {
		return it.Image.URL
	}
	for _, e := range it.Enclosures {
		if e != nil && strings.HasPrefix(e.Type, "image/") && e.URL != "" {
			return e.URL
		}
	}
	media := it.Extensions["media"]
	for _, name := range []string{"content", "thumbnail"} {
		for _, m := range media[name] {
			u := m.Attrs["url"]
			typ, medium := m.Attrs["type"], m.Attrs["medium"]
			if u != "" && (name == "thumbnail" || medium == "image" || strings.HasPrefix(typ, "image/")) {
				return u
			}
		}
	}
	return ""
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
