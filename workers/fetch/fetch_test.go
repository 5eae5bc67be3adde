package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/feedtest"
	"github.com/polywire/polywire/internal/httpx"
	"github.com/polywire/polywire/pipeline"
)

var now = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

type harness struct {
	srv     *feedtest.Server
	f       *Fetcher
	store   *MemStore
	sources map[string]config.Source
	mu      sync.Mutex
}

// newHarness starts a feed server and a fetcher whose sources are local
// (allow_private) unless a test says otherwise.
func newHarness(t *testing.T) *harness {
	t.Helper()
	h := &harness{srv: feedtest.New(), store: NewMemStore(), sources: map[string]config.Source{}}
	t.Cleanup(h.srv.Close)
	h.f = New(Options{
		Sources:       h.source,
		Seen:          h.store,
		PrivateClient: httpx.New(httpx.Options{AllowPrivate: true, Timeout: 2 * time.Second, MaxBodyBytes: 4 << 20}),
		Client:        httpx.New(httpx.Options{Timeout: 2 * time.Second}),
		Now:           func() time.Time { return now },
	})
	return h
}

func (h *harness) source(id string) (config.Source, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s, ok := h.sources[id]
	return s, ok
}

// add configures a local source polling path on the feed server.
func (h *harness) add(id, path string, edit func(*config.Source)) config.Source {
	s := config.Source{ID: id, URL: h.srv.Link(path), AllowPrivate: true, Agency: "Test Agency",
		Pages: "auto", Identity: config.Identity{Field: "guid"}, StaleAfter: config.Duration(24 * time.Hour)}
	if edit != nil {
		edit(&s)
	}
	h.mu.Lock()
	h.sources[id] = s
	h.mu.Unlock()
	return s
}

func job(source string, minute int) *pipeline.FetchJob {
	return &pipeline.FetchJob{Source: source, Slot: now.Add(time.Duration(minute) * time.Minute)}
}

func (h *harness) run(t *testing.T, j *pipeline.FetchJob) []*pipeline.RawItem {
	t.Helper()
	items, err := h.f.Stage(context.Background(), j)
	if err != nil {
		t.Fatalf("stage: %v", err)
	}
	return items
}

func TestStageParsesFormats(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		name, path string
		edit       func(*config.Source)
		check      func(t *testing.T, items []*pipeline.RawItem)
	}{
		{"rss", "/rss.xml", nil, func(t *testing.T, items []*pipeline.RawItem) {
			want(t, len(items), 2, "items")
			s := items[0].Story
			want(t, s.ID, pipeline.StoryID("rss", "wire-0001"), "id")
			want(t, s.Headline, "Krasnoyarsk presents its potential in Tokyo", "headline")
			want(t, s.URL, h.srv.Link("/news/1?id=7"), "url without utm_*")
			want(t, s.URI, "wire-0001", "uri")
			want(t, s.Language, "en", "language from en-US")
			want(t, s.Byline, "Ivan Petrov", "byline")
			want(t, strings.Join(s.Keywords, ","), "Economy,Japan", "keywords")
			want(t, s.Image, h.srv.Link("/img/1.jpg"), "image from enclosure")
			want(t, s.Published.Format(time.RFC3339), "2019-09-20T14:05:00+03:00", "published")
			want(t, s.Agency, "Test Agency", "agency")
			want(t, s.Source, "rss", "source")
			want(t, s.Version, 1, "version")
			want(t, s.PubStatus, pipeline.PubStatusUsable, "pubstatus")
			want(t, s.Schema, pipeline.SchemaVersion, "schema")
			want(t, s.Fetched, now, "fetched")
			want(t, s.Summary, "The Krasnoyarsk Krai delegation met Japanese business.", "summary")
			want(t, strings.Contains(items[0].FeedContent, "$86 million"), true, "feed content")
			want(t, items[0].FeedLanguage, "en-US", "feed language")
			want(t, len(items[0].Page), 0, "no page for full content")
			want(t, items[1].Story.Image, h.srv.Link("/img/2.jpg"), "image from media:content")
			want(t, items[1].Story.Published.Format(time.RFC3339), "2019-09-20T15:00:00Z", "GMT date")
		}},
		{"atom", "/atom.xml", nil, func(t *testing.T, items []*pipeline.RawItem) {
			want(t, len(items), 1, "items")
			s := items[0].Story
			want(t, s.Headline, "東京で選挙", "headline")
			want(t, s.Language, "ja", "language from xml:lang")
			want(t, s.Byline, "山田太郎", "byline")
			want(t, s.Published.Format(time.RFC3339), "2025-06-10T04:00:00+09:00", "published")
			want(t, s.Updated.Format(time.RFC3339), "2025-06-10T05:00:00+09:00", "updated")
			want(t, s.URI, "urn:test:atom:1", "uri")
		}},
		{"json feed with page", "/feed.json", nil, func(t *testing.T, items []*pipeline.RawItem) {
			want(t, len(items), 1, "items")
			it := items[0]
			want(t, it.Story.Headline, "JSON item", "headline")
			want(t, it.Story.Byline, "A. Writer", "byline")
			want(t, it.Story.Image, h.srv.Link("/img/j.jpg"), "image")
			want(t, strings.Contains(string(it.Page), "Заголовок статьи"), true, "page decoded from windows-1251")
			want(t, it.PageCharset, "utf-8", "page charset")
			want(t, it.PageType, "text/html", "page type")
			want(t, it.PageURL, h.srv.Link("/article/1.html"), "page url")
		}},
		{"windows-1251 declared in prolog", "/cp1251.xml", nil, func(t *testing.T, items []*pipeline.RawItem) {
			want(t, len(items), 1, "items")
			s := items[0].Story
			want(t, s.Headline, "В Токио представили потенциал Красноярского края", "headline")
			want(t, s.Language, "ru", "language from ru-RU")
			want(t, s.Published.Format(time.RFC3339), "2019-09-20T14:05:00+03:00", "russian date with MSK")
			want(t, s.ID, pipeline.StoryID("windows-1251-declared-in-prolog", h.srv.Link("/ru/1")), "id from guid")
		}},
		{"koi8-r in header only", "/koi8.xml", nil, func(t *testing.T, items []*pipeline.RawItem) {
			want(t, len(items), 1, "items")
			want(t, items[0].Story.Headline, "В Токио представили потенциал Красноярского края", "headline")
			want(t, strings.Contains(items[0].Story.Summary, "Александр Усс"), true, "summary")
		}},
		{"gzip", "/gzip.xml", nil, func(t *testing.T, items []*pipeline.RawItem) { want(t, len(items), 2, "items") }},
		{"brotli", "/br.xml", nil, func(t *testing.T, items []*pipeline.RawItem) { want(t, len(items), 2, "items") }},
		{"source language when feed has none", "/feed-nolang.xml", func(s *config.Source) { s.Language = "ru" }, func(t *testing.T, items []*pipeline.RawItem) {
			want(t, items[0].Story.Language, "ru", "language")
		}},
	}
	h.srv.Handle("/feed-nolang.xml", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, strings.Replace(h.srv.Fill(feedtest.RSSFeed), "<language>en-US</language>", "", 1))
	})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := strings.ReplaceAll(tc.name, " ", "-")
			h.add(id, tc.path, tc.edit)
			tc.check(t, h.run(t, job(id, 0)))
		})
	}
}

func want[T comparable](t *testing.T, got, wanted T, what string) {
	t.Helper()
	if got != wanted {
		t.Errorf("%s: got %v, want %v", what, got, wanted)
	}
}

func TestSeenEditsAndRedelivery(t *testing.T) {
	h := newHarness(t)
	h.add("wire", "/rss.xml", nil)
	first := h.run(t, job("wire", 0))
	want(t, len(first), 2, "first poll")

	steps := []struct {
		name     string
		edit     bool
		job      *pipeline.FetchJob
		versions []int
	}{
		{"next slot, unchanged feed: nothing", false, job("wire", 5), nil},
		{"same job redelivered: re-emitted with the same versions", false, job("wire", 0), []int{1, 1}},
		{"edited item: version 2", true, job("wire", 10), []int{2}},
		{"edit job redelivered: version 2 again", true, job("wire", 10), []int{2}},
		{"later slot: nothing", true, job("wire", 15), nil},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if st.edit {
				h.srv.Handle("/rss.xml", func(w http.ResponseWriter, _ *http.Request) {
					fmt.Fprint(w, strings.Replace(h.srv.Fill(feedtest.RSSFeed), "potential in Tokyo", "potential in Tokyo (updated)", 1))
				})
			}
			items := h.run(t, st.job)
			var got []int
			for _, it := range items {
				got = append(got, it.Story.Version)
			}
			if !slices.Equal(got, st.versions) {
				t.Fatalf("versions %v, want %v", got, st.versions)
			}
			for _, it := range items {
				if it.Story.ID != first[0].Story.ID && it.Story.Version == 2 {
					t.Fatalf("edit changed the id")
				}
				if it.Story.Version == 2 && it.Story.VersionCreated != now {
					t.Fatalf("edit versioncreated %v", it.Story.VersionCreated)
				}
			}
		})
	}
}

func TestConditionalGet(t *testing.T) {
	h := newHarness(t)
	h.add("etag", "/etag.xml", nil)
	want(t, len(h.run(t, job("etag", 0))), 2, "first poll items")
	want(t, len(h.run(t, job("etag", 5))), 0, "304 poll items")
	want(t, len(h.run(t, job("etag", 0))), 2, "redelivered first job: unconditional, re-emitted")
	want(t, h.srv.Hits("/etag.xml"), 3, "requests")
	hl, _, _ := ReadHealth(context.Background(), h.store, "etag")
	want(t, hl.Items, 2, "health items")
	want(t, hl.StateAt(now), StateOK, "state")
}

func TestStageErrors(t *testing.T) {
	h := newHarness(t)
	h.srv.Handle("/garbage", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "\x00\x01 not xml at all {") })
	h.srv.Handle("/broken.xml", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss><channel><item><title>x</ti`)
	})
	tests := []struct {
		name, path string
		private    bool // source without allow_private
		class      string
		contains   []string
	}{
		{"not found", "/missing.xml", false, "permanent", []string{"source not-found", "404", "/missing.xml"}},
		{"gone", "/410", false, "permanent", []string{"410"}},
		{"server error", "/500", false, "retryable", []string{"500"}},
		{"rate limited", "/429", false, "retry-after", []string{"429"}},
		{"timeout", "/slow", false, "retryable", []string{"/slow"}},
		{"bot challenge", "/bot", false, "permanent", []string{"source bot-challenge", "/bot", "not a feed", "HTML page", "Just a moment..."}},
		{"garbage", "/garbage", false, "permanent", []string{"not a feed"}},
		{"broken xml", "/broken.xml", false, "permanent", []string{"not a feed"}},
		{"redirect loop", "/loop", false, "permanent", []string{"redirect"}},
		{"truncated body", "/truncated.xml", false, "retryable", []string{"truncated.xml"}},
		{"private address refused", "/rss.xml", true, "permanent", []string{"not public"}},
		{"html page with a feed content type", "/html-as-xml", false, "permanent", []string{"not a feed", "HTML page"}},
		{"endless body", "/big.xml", false, "permanent", []string{"too large"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := strings.ReplaceAll(tc.name, " ", "-")
			h.add(id, tc.path, func(s *config.Source) { s.AllowPrivate = !tc.private })
			_, err := h.f.Stage(context.Background(), job(id, 0))
			if got := class(err); got != tc.class {
				t.Fatalf("class %s, want %s: %v", got, tc.class, err)
			}
			for _, c := range tc.contains {
				if !strings.Contains(err.Error(), c) {
					t.Errorf("error %q lacks %q", err, c)
				}
			}
			hl, found, _ := ReadHealth(context.Background(), h.store, id)
			if !found || hl.ConsecutiveFailures != 1 || hl.LastError == "" || hl.StateAt(now) != StateFailing {
				t.Errorf("health %+v", hl)
			}
		})
	}
	t.Run("retry-after value", func(t *testing.T) {
		_, err := h.f.Stage(context.Background(), job("rate-limited", 1))
		want(t, pipeline.RetryDelay(err), 2*time.Minute, "delay")
	})
	t.Run("unknown source", func(t *testing.T) {
		_, err := h.f.Stage(context.Background(), job("nope", 0))
		want(t, class(err), "permanent", "class")
	})
}

func class(err error) string {
	switch {
	case err == nil:
		return "ok"
	case pipeline.IsPermanent(err):
		return "permanent"
	case pipeline.RetryDelay(err) > 0:
		return "retry-after"
	default:
		return "retryable"
	}
}

func TestSummaryOnlyItems(t *testing.T) {
	h := newHarness(t)
	h.add("sum", "/summary.xml", func(s *config.Source) { s.TimeZone = "Europe/Moscow" })
	items := h.run(t, job("sum", 0))
	want(t, len(items), 2, "items, the one with a missing page included")
	want(t, strings.Contains(string(items[0].Page), "ТОКИО, 20 сентября"), true, "page of item 1")
	want(t, len(items[1].Page), 0, "no page for the missing one")
	want(t, items[1].FeedContent, "Another short summary.", "feed content kept")
	want(t, items[0].Story.Published.Format(time.RFC3339), "2025-06-10T04:00:00+09:00", "JST")
	want(t, items[1].Story.Published.Format(time.RFC3339), "2025-06-10T12:30:00+03:00", "Russian zoneless date in the source zone")

	t.Run("pages never", func(t *testing.T) {
		before := h.srv.Hits("/article/1.html")
		h.add("sum-never", "/summary.xml", func(s *config.Source) { s.Pages = "never" })
		items := h.run(t, job("sum-never", 0))
		want(t, len(items[0].Page), 0, "page")
		want(t, h.srv.Hits("/article/1.html"), before, "page requests")
	})
	t.Run("pages always", func(t *testing.T) {
		h.add("rss-always", "/rss.xml", func(s *config.Source) { s.Pages = "always" })
		h.run(t, job("rss-always", 0))
		want(t, h.srv.Hits("/news/1"), 1, "page requests for full-content items")
	})
}

func TestRetryablePageFailsJobWithoutMarks(t *testing.T) {
	h := newHarness(t)
	h.srv.Handle("/flaky.html", func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "busy", http.StatusBadGateway) })
	h.srv.Handle("/flaky.xml", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, strings.Replace(h.srv.Fill(feedtest.SummaryFeed), "/article/1.html", "/flaky.html", 1))
	})
	h.add("flaky", "/flaky.xml", nil)
	if _, err := h.f.Stage(context.Background(), job("flaky", 0)); class(err) != "retryable" {
		t.Fatalf("err %v, want retryable", err)
	}
	for _, k := range h.store.Keys() {
		if strings.HasPrefix(k, SeenKeyPrefix) {
			t.Fatalf("seen mark %s written by a failed job", k)
		}
	}
	h.srv.Handle("/flaky.html", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "<p>ok</p>") })
	want(t, len(h.run(t, job("flaky", 0))), 2, "items after recovery")
}

func TestDateProblem(t *testing.T) {
	h := newHarness(t)
	h.srv.Handle("/baddate.xml", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, strings.Replace(h.srv.Fill(feedtest.RSSFeed), "Fri, 20 Sep 2019 14:05:00 +0300", "в прошлый четверг", 1))
	})
	h.add("baddate", "/baddate.xml", nil)
	s := h.run(t, job("baddate", 0))[0].Story
	want(t, s.Published.IsZero(), true, "published left empty")
	want(t, s.DateProblem, "published: в прошлый четверг", "date problem")
}

func TestIdentityRules(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		name     string
		identity config.Identity
		want     string
	}{
		{"guid", config.Identity{Field: "guid"}, "wire-0001"},
		{"link", config.Identity{Field: "link"}, h.srv.Link("/news/1?id=7")},
		{"link pattern", config.Identity{Field: "link", Pattern: `id=(\d+)`}, "7"},
		{"pattern without group", config.Identity{Field: "guid", Pattern: `\d+`}, "0001"},
		{"pattern not matching keeps the field", config.Identity{Field: "guid", Pattern: `zzz(\d)`}, "wire-0001"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := strings.ReplaceAll(tc.name, " ", "-")
			h.add(id, "/rss.xml", func(s *config.Source) { s.Identity = tc.identity })
			want(t, h.run(t, job(id, 0))[0].Story.ID, pipeline.StoryID(id, tc.want), "story id")
		})
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ name, raw, base, want string }{
		{"utm removed", "https://x.org/a?utm_source=rss&utm_medium=feed&id=7", "", "https://x.org/a?id=7"},
		{"click ids removed, rest sorted", "https://X.org/a?z=1&fbclid=abc&gclid=d&a=2&yclid=9", "", "https://x.org/a?a=2&z=1"},
		{"fragment and default port", "HTTPS://x.org:443/a#top", "", "https://x.org/a"},
		{"relative resolved", "/news/1", "https://x.org/rss.xml", "https://x.org/news/1"},
		{"empty", "", "https://x.org/", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { want(t, CanonicalURL(tc.raw, tc.base), tc.want, "url") })
	}
}

func TestPrivatePageLinkRefused(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "feed.xml")
	if err := os.WriteFile(path, []byte(h.srv.Fill(feedtest.SummaryFeed)), 0o644); err != nil {
		t.Fatal(err)
	}
	// A public source (no allow_private) read from a local file whose items
	// link to a loopback server: the feed is the admin's, the links are not.
	h.sources["file"] = config.Source{ID: "file", URL: "file://" + path, Pages: "auto"}
	items := h.run(t, job("file", 0))
	want(t, len(items), 2, "items")
	want(t, len(items[0].Page), 0, "page of a loopback link")
	want(t, h.srv.Hits("/article/1.html"), 0, "requests to the loopback server")
}

func TestFetchURL(t *testing.T) {
	srv := feedtest.New()
	defer srv.Close()
	path := filepath.Join(t.TempDir(), "feed.xml")
	if err := os.WriteFile(path, []byte(strings.ReplaceAll(feedtest.RSSFeed, "{{BASE}}", "https://example.org")), 0o644); err != nil {
		t.Fatal(err)
	}
	f := New(Options{})
	items, err := f.FetchURL(context.Background(), path, config.Source{})
	if err != nil {
		t.Fatal(err)
	}
	want(t, len(items), 2, "items")
	want(t, items[0].Story.Source, "cli", "source")
	want(t, items[0].Story.Version, 1, "version")
	want(t, items[0].Story.URL, "https://example.org/news/1?id=7", "url")

	t.Run("url with pages", func(t *testing.T) {
		items, err := f.FetchURL(context.Background(), srv.Link("/summary.xml"), config.Source{AllowPrivate: true})
		if err != nil {
			t.Fatal(err)
		}
		want(t, strings.Contains(string(items[0].Page), "Заголовок"), true, "page")
	})
	t.Run("not a feed", func(t *testing.T) {
		_, err := f.FetchURL(context.Background(), srv.Link("/bot"), config.Source{AllowPrivate: true})
		if !errors.Is(err, ErrNotAFeed) {
			t.Fatalf("err %v", err)
		}
	})
}

func TestDisabledSource(t *testing.T) {
	h := newHarness(t)
	h.add("off", "/rss.xml", func(s *config.Source) { s.Disabled = true })
	items, err := h.f.Stage(context.Background(), job("off", 0))
	if err != nil || len(items) != 0 || h.srv.Hits("/rss.xml") != 0 {
		t.Fatalf("items %d err %v hits %d", len(items), err, h.srv.Hits("/rss.xml"))
	}
}

func TestHealthState(t *testing.T) {
	day := config.Duration(24 * time.Hour)
	tests := []struct {
		name string
		h    Health
		want string
	}{
		{"never", Health{}, StateNever},
		{"failing", Health{LastSuccess: now, ConsecutiveFailures: 2}, StateFailing},
		{"fresh", Health{LastSuccess: now, LastNewItem: now.Add(-time.Hour), StaleAfter: day}, StateOK},
		{"stale", Health{LastSuccess: now, LastNewItem: now.Add(-48 * time.Hour), StaleAfter: day}, StateStale},
		{"no item yet but recent success", Health{LastSuccess: now, StaleAfter: day}, StateOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { want(t, tc.h.StateAt(now), tc.want, "state") })
	}
}

func TestHealthRecordsSuccessAfterFailure(t *testing.T) {
	h := newHarness(t)
	h.add("h", "/500", nil)
	h.f.Stage(context.Background(), job("h", 0))
	h.f.Stage(context.Background(), job("h", 0))
	hl, _, _ := ReadHealth(context.Background(), h.store, "h")
	want(t, hl.ConsecutiveFailures, 2, "failures")
	h.add("h", "/rss.xml", nil)
	h.run(t, job("h", 5))
	hl, _, _ = ReadHealth(context.Background(), h.store, "h")
	want(t, hl.ConsecutiveFailures, 0, "failures after success")
	want(t, hl.LastNewItem, now, "last new item")
	want(t, hl.New, 2, "new")
	want(t, hl.StateAt(now), StateOK, "state")
}

func TestConcurrentJobs(t *testing.T) {
	h := newHarness(t)
	for i := range 4 {
		h.add(fmt.Sprintf("c%d", i), "/summary.xml", nil)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Go(func() {
			if _, err := h.f.Stage(context.Background(), job(fmt.Sprintf("c%d", i%4), i)); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestMemStoreRejectsKeysNATSWouldReject(t *testing.T) {
	s := NewMemStore()
	if err := s.Put(context.Background(), "seen:a:b", nil); err == nil {
		t.Fatal("colon key accepted")
	}
	if err := s.Put(context.Background(), "seen.a.b", []byte("x")); err != nil {
		t.Fatal(err)
	}
}

func TestJobURLOverrideAndRelativeLinks(t *testing.T) {
	h := newHarness(t)
	h.srv.Handle("/dir/relative.xml", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>t</title><item><title>rel</title><link>../news/9?utm_campaign=x</link><guid>r-9</guid></item></channel></rss>`)
	})
	h.srv.Handle("/moved.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/dir/relative.xml", http.StatusFound)
	})
	h.add("rel", "/rss.xml", nil)
	j := job("rel", 0)
	j.URL = h.srv.Link("/moved.xml")
	items := h.run(t, j)
	want(t, len(items), 1, "items from the override URL")
	want(t, items[0].Story.URL, h.srv.Link("/news/9"), "link resolved against the final feed URL")
	want(t, h.srv.Hits("/rss.xml"), 0, "configured URL not fetched")
}

func TestOversizedFeed(t *testing.T) {
	h := newHarness(t)
	h.f = New(Options{Sources: h.source, Seen: h.store, PrivateClient: httpx.New(httpx.Options{AllowPrivate: true, MaxBodyBytes: 512})})
	h.add("big", "/rss.xml", nil)
	_, err := h.f.Stage(context.Background(), job("big", 0))
	if !errors.Is(err, httpx.ErrTooLarge) || !pipeline.IsPermanent(err) {
		t.Fatalf("err %v, want permanent ErrTooLarge", err)
	}
}

func TestEmptyFeed(t *testing.T) {
	h := newHarness(t)
	h.srv.Handle("/empty.xml", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>`)
	})
	h.add("empty", "/empty.xml", nil)
	want(t, len(h.run(t, job("empty", 0))), 0, "items")
	hl, _, _ := ReadHealth(context.Background(), h.store, "empty")
	want(t, hl.StateAt(now), StateOK, "an empty feed is healthy")
}

func TestItemWithoutGUIDOrLink(t *testing.T) {
	h := newHarness(t)
	h.srv.Handle("/bare.xml", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>t</title><item><title>One</title></item><item><title>Two</title></item></channel></rss>`)
	})
	h.add("bare", "/bare.xml", nil)
	items := h.run(t, job("bare", 0))
	want(t, len(items), 2, "items")
	if items[0].Story.ID == items[1].Story.ID {
		t.Fatal("items without guid or link share an id")
	}
}
