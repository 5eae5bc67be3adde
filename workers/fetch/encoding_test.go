package fetch

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/feedtest"
)

// TestEncodingsAndZones fetches the same Chinese feed encoded in GB18030,
// declared in the XML prolog or only in the Content-Type header (decoded
// once either way), with CST read as China time by the source's zones, and
// a wrong Content-Type that does not stop a real feed.
func TestEncodingsAndZones(t *testing.T) {
	h := newHarness(t)
	h.srv.Serve("/rss-as-html", "text/html; charset=utf-8", feedtest.RSSFeed)
	china := map[string]string{"CST": "Asia/Shanghai"}
	tests := []struct {
		name, path string
		zones      map[string]string
		headline   string
		published  string
	}{
		{"gb18030 declared in the prolog", "/gb18030.xml", china, "东京举行经济合作论坛", "2025-06-10T12:00:00+08:00"},
		{"gb18030 only in the header", "/gb18030-header.xml", china, "东京举行经济合作论坛", "2025-06-10T12:00:00+08:00"},
		{"CST without zones is US Central", "/gb18030.xml", nil, "东京举行经济合作论坛", "2025-06-10T12:00:00-06:00"},
		{"CST in a source whose timezone is Asia/Shanghai", "/gb18030.xml", nil, "东京举行经济合作论坛", "2025-06-10T12:00:00+08:00"},
		{"windows-1251 declared", "/cp1251.xml", nil, "В Токио представили потенциал Красноярского края", "2019-09-20T14:05:00+03:00"},
		{"koi8-r in the header", "/koi8.xml", nil, "В Токио представили потенциал Красноярского края", "2019-09-20T14:05:00+03:00"},
		{"feed served as text/html", "/rss-as-html", nil, "Krasnoyarsk presents its potential in Tokyo", "2019-09-20T14:05:00+03:00"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := "enc" + string(rune('a'+i))
			h.add(id, tc.path, func(s *config.Source) {
				s.Pages, s.Zones = "never", tc.zones
				if strings.Contains(tc.name, "Asia/Shanghai") {
					s.TimeZone = "Asia/Shanghai"
				}
			})
			items := h.run(t, job(id, 0))
			if len(items) == 0 {
				t.Fatal("no items")
			}
			want(t, items[0].Story.Headline, tc.headline, "headline")
			want(t, items[0].Story.Published.Format(time.RFC3339), tc.published, "published")
			want(t, items[0].Story.DateProblem, "", "date problem")
		})
	}
}

func TestCacheControlSetsNotBefore(t *testing.T) {
	c := newClockHarness(t)
	tests := []struct {
		name     string
		max      time.Duration
		wantWait time.Duration
	}{
		{"max-age 600", 0, 10 * time.Minute},
		{"bounded by max_interval", 5 * time.Minute, 5 * time.Minute},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := "cache" + string(rune('a'+i))
			c.add(id, "/cache.xml", func(s *config.Source) { s.MaxInterval = config.Duration(tc.max) })
			c.f.Stage(context.Background(), job(id, 0))
			hl, _, _ := ReadHealth(context.Background(), c.store, id)
			want(t, hl.NotBefore, c.now().Add(tc.wantWait), "not before")
		})
	}
}
