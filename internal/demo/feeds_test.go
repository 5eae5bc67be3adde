package demo

import (
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFeedsParse(t *testing.T) {
	s := startServer(t)
	tests := []struct {
		source    string
		feedType  string
		language  string
		minItems  int
		hasBodies bool // the feed carries the full text
	}{
		{source: "sibnews", feedType: "rss", language: "ru-RU", minItems: 12},
		{source: "tass-ru", feedType: "atom", language: "ru", minItems: 12, hasBodies: true},
		{source: "enisey-info", feedType: "rss", language: "ru", minItems: 6},
		{source: "newswire-en", feedType: "json", language: "en", minItems: 12},
		{source: "efe-es", feedType: "rss", language: "es", minItems: 12, hasBodies: true},
		{source: "tokyo-wire", feedType: "rss", language: "ja", minItems: 4},
	}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			feed := parseFeed(t, sourceURL(t, s, tt.source))
			if feed.FeedType != tt.feedType {
				t.Errorf("feed type = %q, want %q", feed.FeedType, tt.feedType)
			}
			if feed.Language != tt.language {
				t.Errorf("feed language = %q, want %q", feed.Language, tt.language)
			}
			if len(feed.Items) < tt.minItems {
				t.Errorf("items = %d, want at least %d", len(feed.Items), tt.minItems)
			}
			if n := countItems(s, tt.source); len(feed.Items) != n {
				t.Errorf("items = %d, manifest says %d", len(feed.Items), n)
			}
			headlines := map[string]string{}
			for _, it := range s.Items() {
				headlines[it.GUID] = it.Headline
			}
			for _, it := range feed.Items {
				checkItem(t, s, it.Title, it.GUID, it.Link, it.Published, it.PublishedParsed != nil)
				if it.Title != headlines[it.GUID] {
					t.Errorf("item %s: title %q, manifest headline %q", it.GUID, it.Title, headlines[it.GUID])
				}
				if tt.hasBodies && len([]rune(it.Content)) < 200 {
					t.Errorf("item %q: content has %d characters, want the full text", it.Title, len([]rune(it.Content)))
				}
			}
		})
	}
}

func checkItem(t *testing.T, s *Server, title, guid, link, published string, parsed bool) {
	t.Helper()
	switch {
	case title == "" || !utf8.ValidString(title) || strings.ContainsRune(title, utf8.RuneError):
		t.Errorf("item %q: bad title", guid)
	case guid == "" || strings.Contains(guid, "127.0.0.1"):
		t.Errorf("item %q: GUID %q is empty or depends on the port", title, guid)
	case !strings.HasPrefix(link, s.URL()+"/"):
		t.Errorf("item %q: link %q is not on the server", title, link)
	case !parsed:
		t.Errorf("item %q: date %q did not parse", title, published)
	}
}

func countItems(s *Server, source string) int {
	n := 0
	for _, it := range s.Items() {
		if it.Source == source {
			n++
		}
	}
	return n
}

// TestCorpusSize counts stories and languages in what the feeds carry.
func TestCorpusSize(t *testing.T) {
	s := startServer(t)
	stories, languages := 0, map[string]int{}
	for _, src := range s.Sources() {
		feed := parseFeed(t, src.URL)
		stories += len(feed.Items)
		languages[src.Language] += len(feed.Items)
	}
	if stories < 48 {
		t.Errorf("feeds carry %d stories, want at least 48", stories)
	}
	for _, lang := range []string{"ru", "en", "es", "ja"} {
		if languages[lang] == 0 {
			t.Errorf("no %s stories (have %v)", lang, languages)
		}
	}
	if len(s.Items()) != stories {
		t.Errorf("Items() has %d stories, feeds %d", len(s.Items()), stories)
	}
}

// TestItemLinksAnswer fetches every article page a feed links to.
func TestItemLinksAnswer(t *testing.T) {
	s := startServer(t)
	for _, src := range s.Sources() {
		feed := parseFeed(t, src.URL)
		for _, it := range feed.Items {
			resp, body := get(t, it.Link)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s: %s answered %d", src.ID, it.Link, resp.StatusCode)
				continue
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("%s: %s has Content-Type %q", src.ID, it.Link, ct)
			}
			if len(body) < 2000 {
				t.Errorf("%s: %s is only %d bytes", src.ID, it.Link, len(body))
			}
		}
	}
}

func TestCrossLanguageStories(t *testing.T) {
	s := startServer(t)
	tests := []struct {
		source, word string
		min          int
	}{
		{source: "efe-es", word: "Krasnoyarsk", min: 3},
		{source: "efe-es", word: "Japón", min: 4},
		{source: "efe-es", word: "Rusia", min: 4},
		{source: "tokyo-wire", word: "クラスノヤルスク", min: 2},
		{source: "newswire-en", word: "Russia", min: 2},
	}
	for _, tt := range tests {
		t.Run(tt.source+"/"+tt.word, func(t *testing.T) {
			n := 0
			for _, it := range s.Items() {
				if it.Source != tt.source {
					continue
				}
				if _, body := get(t, it.URL); strings.Contains(string(body), tt.word) {
					n++
				}
			}
			if n < tt.min {
				t.Errorf("%d %s pages mention %s, want at least %d", n, tt.source, tt.word, tt.min)
			}
		})
	}
}
