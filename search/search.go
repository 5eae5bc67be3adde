// Package search defines the index that editors search and its two backends:
// Bleve (embedded, the default) and Meilisearch. Both pass the same
// conformance suite (searchtest).
package search

import (
	"context"
	"errors"
	"time"

	"github.com/polywire/polywire/pipeline"
)

// ErrNotFound is returned by Get for an unknown story id.
var ErrNotFound = errors.New("search: story not found")

// Index is a searchable store of stories. Implementations are safe for
// concurrent use.
type Index interface {
	// Upsert adds or replaces stories by id. A story whose version is lower
	// than the indexed one is ignored (an older version never overwrites a
	// newer one); a canceled story (a kill) removes the story. It returns
	// only after the backend accepted the writes, surfacing its errors.
	Upsert(ctx context.Context, stories []*pipeline.Story) error
	// Delete removes a story by id; deleting an unknown id is not an error.
	Delete(ctx context.Context, id string) error
	// Get returns the indexed story, or ErrNotFound.
	Get(ctx context.Context, id string) (*pipeline.Story, error)
	// Search runs a query; see Query for the semantics of each field.
	Search(ctx context.Context, q Query) (*Result, error)
	// Close releases the index.
	Close() error
}

// Query is an editor's search. Empty fields do not filter.
type Query struct {
	// Text is matched against headline, body, translations and entity names.
	// Empty Text lists every story matching the filters, newest first.
	Text string
	// Language filters on the story's own language (ISO 639-1).
	Language string
	// Region is hierarchical: "RU" matches RU and RU-KYA.
	Region string
	// Person matches a person's canonical id (person:vladimir-putin) or
	// canonical name in any language.
	Person string
	// Org matches an organisation's id (org:tass) or canonical name.
	Org    string
	Source string
	// From and To bound Published (inclusive); zero means unbounded.
	From, To time.Time
	// Page is 1-based; Size defaults to 20 and is capped at 100.
	Page, Size int
}

// Normalize applies the defaults and caps of Page and Size.
func (q *Query) Normalize() {
	if q.Page < 1 {
		q.Page = 1
	}
	if q.Size <= 0 {
		q.Size = 20
	}
	if q.Size > 100 {
		q.Size = 100
	}
}

// Result is one page of hits with facet counts over all matching stories.
type Result struct {
	Total int   `json:"total"`
	Page  int   `json:"page"`
	Size  int   `json:"size"`
	Hits  []Hit `json:"hits"`
	// Facets are keyed region, person, language, source.
	Facets map[string][]FacetValue `json:"facets"`
}

// FacetValue is one value of a facet and the number of matching stories.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Hit is a story summary in a result list.
type Hit struct {
	ID         string      `json:"id"`
	Version    int         `json:"version"`
	Headline   string      `json:"headline"`
	Language   string      `json:"language"`
	Source     string      `json:"source"`
	Agency     string      `json:"agency,omitempty"`
	URL        string      `json:"url,omitempty"`
	Published  time.Time   `json:"published,omitzero"`
	Places     []string    `json:"places"`
	People     []PersonRef `json:"people"`
	Highlights []string    `json:"highlights,omitempty"`
}

// PersonRef is a person on a hit.
type PersonRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
}
