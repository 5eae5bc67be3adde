package fetch

import (
	"testing"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/feedtest"
)

func FuzzResolveDate(f *testing.F) {
	for _, s := range []string{"Tue, 10 Jun 2025 04:00:00 JST", "Вт, 10 июн 2025 04:00:00 +0300", "2025年6月10日(火) 4時05分",
		"10 июня 2025 г., 12:30", "2025-06-10T04:00:00Z", "", "31.02.2025 25:61"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, ok := resolveDate(raw, nil, dateRules{loc: time.UTC})
		if !ok && !got.IsZero() {
			t.Fatalf("failed parse returned %v", got)
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	for _, s := range []string{feedtest.RSSFeed, feedtest.AtomFeed, feedtest.JSONFeed, feedtest.BotChallenge, "<rss><channel><item><title>x</ti"} {
		f.Add([]byte(s), "application/xml")
	}
	f.Add([]byte("\xf4\xc5\xcb\xd3\xd4"), "text/xml; charset=koi8-r")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		feed, err := parseFeed(body, contentType, "fuzz", "https://x.org/feed")
		if err == nil {
			ic := &itemContext{feed: feed, loc: time.UTC, short: DefaultShortContent}
			for _, it := range feed.Items {
				if it != nil {
					ic.build(it)
				}
			}
		}
	})
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{"https://x.org/a?utm_source=a&id=1#f", "/rel?fbclid=1", "HTTP://X.ORG:80/", "::bad", "mailto:a@b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		once := CanonicalURL(raw, "https://base.org/feed")
		if twice := CanonicalURL(once, "https://base.org/feed"); twice != once {
			t.Fatalf("not idempotent: %q → %q → %q", raw, once, twice)
		}
	})
}

// FuzzParseDocument feeds anything to format sniffing and the ninjs,
// NewsML-G2 and feed parsers: errors are fine, panics are not.
func FuzzParseDocument(f *testing.F) {
	for _, s := range []string{
		feedtest.Agency(feedtest.NinjsItem, "usable", "2030-01-01T00:00:00Z", "H"), feedtest.Ninjs1Item,
		feedtest.Agency(feedtest.NewsMLItem, "stat:canceled", "", "H"), feedtest.NewsMessage, feedtest.StatusFeed,
		`[{"uri":"a"},{"uri":""}]`, `{"uri": 5}`, `<newsItem guid="x"><contentSet><inlineXML><p>a`,
	} {
		f.Add([]byte(s))
	}
	fe := New(Options{})
	src := config.Source{ID: "fuzz", KillPattern: "^KILL", Zones: map[string]string{"CST": "+0800"}}
	f.Fuzz(func(t *testing.T, body []byte) {
		cands, err := fe.parseDocument(src, body, "", "https://x.org/feed")
		if err == nil {
			for _, c := range cands {
				if c.raw.Story.ID == "" {
					t.Fatal("candidate without id")
				}
			}
		}
	})
}
