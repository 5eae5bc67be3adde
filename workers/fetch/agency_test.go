package fetch

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/feedtest"
	"github.com/polywire/polywire/pipeline"
)

func TestAgencyFormatsOverHTTP(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		name, path                        string
		n                                 int
		headline, lang, agency, body, url string
		urgency                           int
		published                         string
		dateline                          pipeline.Dateline
	}{
		{"ninjs 2", "/ninjs.json", 1, "Tokyo elects a new governor", "en", "Kyodo",
			"TOKYO, June 10 (Kyodo) - Voters in Tokyo elected a new governor on Sunday.\n\nTurnout was higher than at the last election.",
			"/wire/0100.html", 2, "2025-06-10T04:00:00+09:00", pipeline.Dateline{Place: "Tokyo"}},
		{"ninjs 1", "/ninjs1.json", 1, "В Токио представили потенциал Красноярского края", "ru", "Test Agency",
			"ТОКИО, 20 сентября. /ТАСС/. Делегация Красноярского края представила потенциал региона.\n\nТоварооборот составляет 86 млн долларов.",
			"http://example.org/ninjs1/77", 4, "2019-09-20T14:05:00+03:00", pipeline.Dateline{Place: "Токио"}},
		{"newsml-g2 item", "/newsml.xml", 1, "El Gobierno aprueba el presupuesto", "es", "EFE",
			"MADRID, 10 jun (EFE).- El Consejo de Ministros aprobó este martes el proyecto de presupuestos.\n\nLa ministra de Hacienda defendió las cuentas ante la prensa.",
			"/g2/0007.html", 3, "2025-06-10T12:00:00+02:00", pipeline.Dateline{Place: "MADRID", Date: "10 jun", Agency: "EFE"}},
		{"newsml-g2 message", "/newsmessage.xml", 2, "First", "en", "Test Agency", "First body.", "", 0, "2025-06-10T12:00:00Z", pipeline.Dateline{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := strings.ReplaceAll(tc.name, " ", "-")
			h.add(id, tc.path, func(s *config.Source) { s.Pages = "never" })
			items := h.run(t, job(id, 0))
			want(t, len(items), tc.n, "items")
			s := items[0].Story
			want(t, s.Headline, tc.headline, "headline")
			want(t, s.Language, tc.lang, "language")
			want(t, s.Agency, tc.agency, "agency")
			want(t, s.Source, id, "source")
			want(t, s.Body, tc.body, "body")
			want(t, s.Urgency, tc.urgency, "urgency")
			want(t, s.Published.Format(time.RFC3339), tc.published, "published")
			want(t, strings.TrimPrefix(s.URL, h.srv.URL), tc.url, "url")
			want(t, s.PubStatus, pipeline.PubStatusUsable, "pubstatus")
			want(t, s.Version, 1, "version")
			if tc.dateline.Place != "" {
				want(t, *s.Dateline, tc.dateline, "dateline")
			}
			want(t, len(h.run(t, job(id, 5))), 0, "unchanged on the next poll")
		})
	}
}

// TestKillsCorrectionsEmbargoes follows one item in each format through a
// correction, an embargo and a kill.
func TestKillsCorrectionsEmbargoes(t *testing.T) {
	formats := []struct {
		name, path, ctype, fixture string
		usable, canceled           string
	}{
		{"ninjs", "/a.json", "application/json", feedtest.NinjsItem, "usable", "canceled"},
		{"newsml", "/a.xml", "application/xml", feedtest.NewsMLItem, "stat:usable", "stat:canceled"},
		{"rss", "/a.rss", "application/rss+xml", feedtest.StatusFeed, "usable", "canceled"},
	}
	for _, ft := range formats {
		t.Run(ft.name, func(t *testing.T) {
			c := newClockHarness(t)
			c.add("k", ft.path, func(s *config.Source) { s.Pages = "never" })
			embargo := c.now().Add(time.Hour).Format(time.RFC3339)
			steps := []struct {
				name                      string
				status, embargo, headline string
				advance                   time.Duration
				wantVersion               int // 0: nothing published
				wantStatus                string
				wantHeld                  int
			}{
				{"first version", ft.usable, "", "Headline one", 0, 1, pipeline.PubStatusUsable, 0},
				{"unchanged", ft.usable, "", "Headline one", time.Minute, 0, "", 0},
				{"correction is a new version", ft.usable, "", "Headline corrected", time.Minute, 2, pipeline.PubStatusUsable, 0},
				{"embargoed edit is held", ft.usable, embargo, "Headline embargoed", time.Minute, 0, "", 1},
				{"still embargoed", ft.usable, embargo, "Headline embargoed", 10 * time.Minute, 0, "", 1},
				{"released after the embargo", ft.usable, embargo, "Headline embargoed", time.Hour, 3, pipeline.PubStatusUsable, 0},
				{"kill is a new version", ft.canceled, "", "Headline embargoed", time.Minute, 4, pipeline.PubStatusCanceled, 0},
			}
			for i, st := range steps {
				c.advance(st.advance)
				c.srv.Serve(ft.path, ft.ctype, feedtest.Agency(ft.fixture, st.status, st.embargo, st.headline))
				items := c.run(t, job("k", i))
				hl, _, _ := ReadHealth(context.Background(), c.store, "k")
				want(t, hl.Held, st.wantHeld, st.name+": held")
				if st.wantVersion == 0 {
					want(t, len(items), 0, st.name+": items")
					continue
				}
				if len(items) != 1 {
					t.Fatalf("%s: %d items", st.name, len(items))
				}
				s := items[0].Story
				want(t, s.Version, st.wantVersion, st.name+": version")
				want(t, s.PubStatus, st.wantStatus, st.name+": pubstatus")
				if ft.name != "rss" || st.wantStatus != pipeline.PubStatusCanceled {
					want(t, s.Headline, st.headline, st.name+": headline")
				}
				want(t, s.Urgency > 0, true, st.name+": urgency kept")
				if ft.name == "rss" {
					want(t, s.Agency, "TASS", st.name+": agency from <source>")
				}
			}
		})
	}
}

func TestEmbargoReleaseSurvivesRedelivery(t *testing.T) {
	c := newClockHarness(t)
	c.add("e", "/e.json", func(s *config.Source) { s.Pages = "never" })
	c.srv.Serve("/e.json", "application/json", feedtest.Agency(feedtest.NinjsItem, "usable", c.now().Add(time.Hour).Format(time.RFC3339), "Held"))
	want(t, len(c.run(t, job("e", 0))), 0, "held")
	c.advance(2 * time.Hour)
	first := c.run(t, job("e", 120))
	again := c.run(t, job("e", 120)) // the runner failed to publish: same job again
	later := c.run(t, job("e", 125))
	want(t, len(first), 1, "released")
	want(t, len(again), 1, "released again by the redelivered job")
	want(t, again[0].Story.Version, first[0].Story.Version, "same version (same Nats-Msg-Id)")
	want(t, len(later), 0, "a later job does not release it again")
}

func TestKillBeforeEmbargoDropsTheHeldItem(t *testing.T) {
	c := newClockHarness(t)
	c.add("e", "/e.json", func(s *config.Source) { s.Pages = "never" })
	c.srv.Serve("/e.json", "application/json", feedtest.Agency(feedtest.NinjsItem, "usable", c.now().Add(time.Hour).Format(time.RFC3339), "Held"))
	c.run(t, job("e", 0))
	c.srv.Serve("/e.json", "application/json", feedtest.Agency(feedtest.NinjsItem, "canceled", c.now().Add(time.Hour).Format(time.RFC3339), "Held"))
	items := c.run(t, job("e", 1))
	want(t, len(items), 1, "kill published at once")
	want(t, items[0].Story.PubStatus, pipeline.PubStatusCanceled, "pubstatus")
	c.advance(2 * time.Hour)
	want(t, len(c.run(t, job("e", 130))), 0, "the killed item is never released")
}

func TestKillPattern(t *testing.T) {
	h := newHarness(t)
	h.add("kp", "/kp.xml", func(s *config.Source) { s.Pages = "never"; s.KillPattern = `^KILL\b` })
	h.srv.Serve("/kp.xml", "application/rss+xml", feedtest.Agency(feedtest.StatusFeed, "", "", "Budget approved"))
	want(t, h.run(t, job("kp", 0))[0].Story.PubStatus, pipeline.PubStatusUsable, "first")
	h.srv.Serve("/kp.xml", "application/rss+xml", feedtest.Agency(feedtest.StatusFeed, "", "", "KILL Budget approved"))
	items := h.run(t, job("kp", 1))
	want(t, items[0].Story.PubStatus, pipeline.PubStatusCanceled, "killed")
	want(t, items[0].Story.Version, 2, "version")
}

func TestDropDirectory(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h.add("drop", "", func(s *config.Source) { s.URL = "file://" + dir + "/"; s.Pages = "never" })
	write("a.json", feedtest.Agency(feedtest.NinjsItem, "usable", "", "Drop one"))
	write("b.xml", feedtest.Agency(feedtest.NewsMLItem, "stat:usable", "", "Drop two"))
	write("notes.txt", "not an item")
	items := h.run(t, job("drop", 0))
	want(t, len(items), 2, "new files")
	want(t, len(h.run(t, job("drop", 1))), 0, "unchanged directory")

	write("a.json", feedtest.Agency(feedtest.NinjsItem, "usable", "", "Drop one, corrected"))
	os.Chtimes(filepath.Join(dir, "a.json"), now.Add(time.Minute), now.Add(time.Minute))
	write("c.json", `{"headline": "no uri"}`)
	write("d.json", feedtest.Ninjs1Item)
	var rejected []string
	h.f.opts.OnRejected = func(_ context.Context, source, url string, reason error, data []byte) {
		rejected = append(rejected, source+" "+filepath.Base(url)+" "+string(data))
	}
	items = h.run(t, job("drop", 2))
	want(t, len(items), 2, "changed and new files")
	want(t, strings.Join(rejected, ","), `drop c.json {"headline": "no uri"}`, "the bad file is handed over for dead-lettering")
	versions := map[string]int{}
	for _, it := range items {
		versions[it.Story.Headline] = it.Story.Version
	}
	want(t, versions["Drop one, corrected"], 2, "correction version")
	hl, _, _ := ReadHealth(context.Background(), h.store, "drop")
	want(t, hl.ConsecutiveFailures, 0, "a bad file does not fail the source")
	want(t, strings.Contains(hl.LastError, "c.json"), true, "the bad file is reported: "+hl.LastError)
	want(t, len(h.run(t, job("drop", 2))), 2, "redelivered job re-emits")
}

// TestOlderAgencyVersionIgnored: drop files are read in name order, not
// version order; a late older version must not overwrite a newer one.
func TestOlderAgencyVersionIgnored(t *testing.T) {
	h := newHarness(t)
	h.add("v", "/v.json", func(s *config.Source) { s.Pages = "never" })
	item := func(version, created, headline string) string {
		s := feedtest.Agency(feedtest.NinjsItem, "usable", "", headline)
		s = strings.Replace(s, `"version": "3"`, `"version": "`+version+`"`, 1)
		return strings.Replace(s, `"versioncreated": "2025-06-10T05:30:00+09:00"`, `"versioncreated": "`+created+`"`, 1)
	}
	steps := []struct {
		name, version, created, headline string
		want                             int // version published, 0: none
	}{
		{"agency version 3", "3", "2025-06-10T05:30:00+09:00", "Third", 1},
		{"late agency version 2", "2", "2025-06-10T05:00:00+09:00", "Second", 0},
		{"agency version 4", "4", "2025-06-10T06:00:00+09:00", "Fourth", 2},
		{"no numbers: earlier versioncreated", "", "2025-06-10T05:45:00+09:00", "Older by time", 0},
	}
	for i, st := range steps {
		h.srv.Serve("/v.json", "application/json", item(st.version, st.created, st.headline))
		items := h.run(t, job("v", i))
		if st.want == 0 {
			want(t, len(items), 0, st.name)
			continue
		}
		want(t, len(items), 1, st.name)
		want(t, items[0].Story.Version, st.want, st.name+": version")
		want(t, items[0].Story.Headline, st.headline, st.name+": headline")
	}
}

func TestHTMLParagraphs(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"xhtml", `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head><body><p>One <b>bold</b>.</p><p>Two</p></body></html>`, "One bold.\n\nTwo"},
		{"nitf", `<nitf><body><body.head><hedline><hl1>Head</hl1></hedline></body.head><body.content><p>First.</p><p>Second &amp; last.</p></body.content></body></nitf>`, "First.\n\nSecond & last."},
		{"breaks and lists", `a<br/>b<ul><li>c</li><li>d</li></ul>`, "a\n\nb\n\nc\n\nd"},
		{"script dropped", `<p>x</p><script>var a = 1;</script><p>y</p>`, "x\n\ny"},
		{"plain text", "just text", "just text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { want(t, htmlParagraphs(tc.in), tc.want, "text") })
	}
}
