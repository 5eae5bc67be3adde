package main

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/polywire/polywire/internal/demo/internal/manifest"
)

// JSON Feed 1.1 (https://jsonfeed.org/version/1.1).
type jsonFeed struct {
	Version     string       `json:"version"`
	Title       string       `json:"title"`
	HomePageURL string       `json:"home_page_url"`
	FeedURL     string       `json:"feed_url"`
	Description string       `json:"description"`
	Language    string       `json:"language"`
	Authors     []jsonAuthor `json:"authors"`
	Items       []jsonItem   `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	ExternalURL   string       `json:"external_url,omitempty"`
	Title         string       `json:"title"`
	Summary       string       `json:"summary"`
	ContentText   string       `json:"content_text"`
	DatePublished string       `json:"date_published"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
	Tags          []string     `json:"tags,omitempty"`
	Language      string       `json:"language"`
}

// jsonFeedFor carries summaries only (the first two sentences), so the
// article pages must be fetched.
func jsonFeedFor(src manifest.Source, stories []*story) ([]byte, error) {
	f := jsonFeed{
		Version: "https://jsonfeed.org/version/1.1", Title: src.Name,
		HomePageURL: abs("/newswire/"), FeedURL: abs(src.Feed),
		Description: "English news pages from the Scrapinghub article-extraction benchmark (MIT), served for the Polywire demo",
		Language:    "en", Authors: []jsonAuthor{{Name: "Newswire demo desk"}},
	}
	for _, s := range stories {
		sum := summary(s.Paras[0])
		f.Items = append(f.Items, jsonItem{
			ID: s.GUID, URL: abs(s.Path), ExternalURL: s.Origin, Title: s.Headline,
			Summary: sum, ContentText: sum, DatePublished: s.Time.Format(time.RFC3339),
			Authors: []jsonAuthor{{Name: s.Author}}, Tags: []string{s.Category}, Language: "en",
		})
	}
	b, err := json.MarshalIndent(f, "", "  ")
	return append(b, '\n'), err
}

// summary keeps the first two sentences of a paragraph.
func summary(p string) string {
	end := 0
	for n := 0; n < 2; n++ {
		i := strings.Index(p[end:], ". ")
		if i < 0 {
			return p
		}
		end += i + 1
	}
	return p[:end]
}
