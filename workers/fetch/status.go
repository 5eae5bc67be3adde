package fetch

import (
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"

	"github.com/polywire/polywire/pipeline"
)

// normalizeStatus maps a pubstatus as agencies write it (usable, withheld,
// canceled/cancelled, a NewsML-G2 qcode stat:canceled, kill) to the
// pipeline's values; "" when s says nothing known.
func normalizeStatus(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		s = s[i+1:]
	}
	switch s {
	case "usable":
		return pipeline.PubStatusUsable
	case "withheld", "embargoed":
		return pipeline.PubStatusWithheld
	case "canceled", "cancelled", "kill", "killed", "withdrawn":
		return pipeline.PubStatusCanceled
	}
	return ""
}

// parseUrgency reads an IPTC urgency (1 most urgent … 9); 0 when absent or
// out of range.
func parseUrgency(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 9 {
		return 0
	}
	return n
}

// rssMarks are the status conventions an RSS or Atom item may carry: an
// element pubstatus (or pubStatus, in any namespace; text or a qcode
// attribute), embargoed, urgency, and the RSS 2.0 <source> naming the
// originating agency. See docs/sources.md.
type rssMarks struct {
	status, embargoed, urgency, agency string
}

func itemMarks(it *gofeed.Item) rssMarks {
	var m rssMarks
	for k, v := range it.Custom {
		m.set(k, v, "")
	}
	for _, ns := range it.Extensions {
		for name, exts := range ns {
			for _, e := range exts {
				m.set(name, e.Value, e.Attrs["qcode"])
			}
		}
	}
	return m
}

func (m *rssMarks) set(name, value, qcode string) {
	value = strings.TrimSpace(firstNonEmpty(value, qcode))
	switch strings.ToLower(name) {
	case "pubstatus", "status":
		if normalizeStatus(value) != "" {
			m.status = value
		}
	case "embargoed", "embargo":
		m.embargoed = value
	case "urgency", "priority":
		m.urgency = value
	case sourceKey:
		m.agency = value
	}
}

// sourceKey is where rssTranslator puts an RSS item's <source>.
const sourceKey = "polywire-rss-source"

// rssTranslator is gofeed's RSS translator keeping what it drops: the
// RSS 2.0 <source> element (the originating agency of a republished item).
type rssTranslator struct{ gofeed.DefaultRSSTranslator }

func (t *rssTranslator) Translate(feed any) (*gofeed.Feed, error) {
	out, err := t.DefaultRSSTranslator.Translate(feed)
	rf, ok := feed.(*rss.Feed)
	if err != nil || !ok || len(rf.Items) != len(out.Items) {
		return out, err
	}
	for i, it := range rf.Items {
		if it == nil || it.Source == nil || strings.TrimSpace(it.Source.Title) == "" || out.Items[i] == nil {
			continue
		}
		if out.Items[i].Custom == nil {
			out.Items[i].Custom = map[string]string{}
		}
		out.Items[i].Custom[sourceKey] = strings.TrimSpace(it.Source.Title)
	}
	return out, nil
}
