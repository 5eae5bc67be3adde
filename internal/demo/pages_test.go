package demo

import (
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

const seedHeadline = "В Токио представили экономический и инвестиционный потенциал Красноярского края"

// TestSeedStory checks the seed story in the sibnews feed and its
// WordPress page, boilerplate included: removing it is the extractor's job.
func TestSeedStory(t *testing.T) {
	s := startServer(t)
	feed := parseFeed(t, sourceURL(t, s, "sibnews"))
	var link string
	for _, it := range feed.Items {
		if it.Title != seedHeadline {
			continue
		}
		link = it.Link
		want := time.Date(2019, 9, 20, 14, 5, 0, 0, time.FixedZone("MSK", 3*3600))
		if it.PublishedParsed == nil || !it.PublishedParsed.Equal(want) || it.Published != "Fri, 20 Sep 2019 14:05:00 +0300" {
			t.Errorf("published = %q, want %s", it.Published, want.Format(time.RFC3339))
		}
		if !strings.HasSuffix(it.Description, "[&#8230;]") || strings.Contains(it.Description, "$86 млн") {
			t.Errorf("the sibnews feed should carry an excerpt only, got %q", it.Description)
		}
	}
	if link == "" {
		t.Fatalf("seed story not in the sibnews feed")
	}
	resp, body := get(t, link)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("seed page: status %d", resp.StatusCode)
	}
	page := string(body)
	for _, want := range []string{
		"<h1 class=\"entry-title\">" + seedHeadline + "</h1>",
		"Губернатор региона Александр Усс отметил",
		"ТОКИО, 20 сентября. /ТАСС/. Делегация Красноярского края",
		"Годовой объем торговли между Красноярским краем и Японией составляет около $86 млн.",
		"Автор: Admin", "Администратор", "Добавить комментарий",
		"Wordpress Social Share Plugin powered by", "Ultimatelysocial",
		"Свежие записи", "Поделиться:",
		`datetime="2019-09-20T14:05:00+03:00"`,
		`<link rel="canonical" href="` + link + `" />`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("seed page lacks %q", want)
		}
	}
}

func TestSeedItem(t *testing.T) {
	s := startServer(t)
	for _, it := range s.Items() {
		if it.Headline == seedHeadline {
			if it.Source != "sibnews" || it.Agency != "TASS" || it.Language != "ru" {
				t.Errorf("seed item = %+v, want source sibnews, agency TASS, language ru", it)
			}
			return
		}
	}
	t.Fatal("seed story not in Items()")
}

// TestWindows1251 checks the enisey-info feed and pages are really
// windows-1251, declared in the XML prolog, the meta tag and the header.
func TestWindows1251(t *testing.T) {
	s := startServer(t)
	url := sourceURL(t, s, "enisey-info")
	resp, raw := get(t, url)
	if ct := resp.Header.Get("Content-Type"); ct != "application/rss+xml; charset=windows-1251" {
		t.Errorf("feed Content-Type = %q", ct)
	}
	if utf8.Valid(raw) {
		t.Error("feed bytes are valid UTF-8, want windows-1251")
	}
	if !strings.HasPrefix(string(raw), `<?xml version="1.0" encoding="windows-1251"?>`) {
		t.Errorf("feed prolog = %q", string(raw[:60]))
	}
	feed := parseFeed(t, url)
	if len(feed.Items) == 0 || !strings.Contains(feed.Title, "Енисей") {
		t.Fatalf("feed title %q, %d items: not decoded", feed.Title, len(feed.Items))
	}
	it := feed.Items[0]
	resp, raw = get(t, it.Link)
	if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=windows-1251" {
		t.Errorf("page Content-Type = %q", ct)
	}
	page, err := charmap.Windows1251.NewDecoder().Bytes(raw)
	if err != nil {
		t.Fatalf("decoding page: %v", err)
	}
	for _, want := range []string{`charset=windows-1251`, "<h1>" + it.Title + "</h1>", "Версия для печати"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// TestTokyoWireDates: the Japanese feed writes the JST abbreviation, which
// gofeed does not know (it reads it as UTC); the fetcher must resolve it with
// the source's time zone. This pins the raw form the fetcher will see.
func TestTokyoWireDates(t *testing.T) {
	s := startServer(t)
	feed := parseFeed(t, sourceURL(t, s, "tokyo-wire"))
	for _, it := range feed.Items {
		if !strings.HasSuffix(it.Published, " JST") {
			t.Errorf("%q: published %q, want a JST date", it.Title, it.Published)
		}
	}
	for _, src := range s.Sources() {
		if src.ID == "tokyo-wire" && src.TimeZone != "Asia/Tokyo" {
			t.Errorf("tokyo-wire time zone = %q", src.TimeZone)
		}
	}
}

// TestNoPlaceholderLeft: every served file has the server's own URL.
func TestNoPlaceholderLeft(t *testing.T) {
	s := startServer(t)
	for path, f := range s.files {
		if strings.Contains(string(f.body), "demo.polywire.invalid") {
			t.Errorf("%s still contains the URL placeholder", path)
		}
	}
}
