package demo

import (
	"time"

	"github.com/polywire/polywire/config"
)

// pollInterval is the demo sources' poll interval; the corpus never changes,
// so later polls are answered 304 Not Modified.
const pollInterval = 5 * time.Minute

// Sources returns the demo feeds as configured sources pointing at this
// server. AllowPrivate is set (the server is on loopback) and robots.txt
// is skipped. Each call returns a fresh slice the caller may modify.
func (s *Server) Sources() []config.Source {
	out := make([]config.Source, 0, len(s.man.Sources))
	for _, src := range s.man.Sources {
		out = append(out, config.Source{
			ID: src.ID, Name: src.Name, URL: s.base + src.Feed,
			Language: src.Language, Agency: src.Agency, TimeZone: src.TimeZone,
			Interval: config.Duration(pollInterval), Pages: src.Pages,
			AllowPrivate: true, IgnoreRobots: true,
		})
	}
	return out
}

// Item is one story the demo feeds carry, as the corpus manifest records it:
// useful to check that every demo story made it through the pipeline.
type Item struct {
	Source   string // source id
	GUID     string // the feed item's GUID (Atom id, JSON Feed id); independent of the port
	URL      string // absolute URL of the article page on this server
	Language string // ISO 639-1
	Headline string
	// Agency is the originating agency when known (the seed story: TASS).
	Agency    string
	Published time.Time
}

// Items returns every story of the corpus, grouped by source, oldest first
// within a source.
func (s *Server) Items() []Item {
	out := make([]Item, 0, len(s.man.Items))
	for _, it := range s.man.Items {
		out = append(out, Item{
			Source: it.Source, GUID: it.GUID, URL: s.base + it.Path, Language: it.Language,
			Headline: it.Headline, Agency: it.Agency, Published: it.Published,
		})
	}
	return out
}
