package web

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search"
)

// fakeIndex is a test double of search.Index: an in-memory slice with
// substring matching, just enough semantics (filters, hierarchical regions,
// facets, paging, <mark> highlights) for handler tests. It is not a search
// backend; the real ones pass search's conformance suite.
type fakeIndex struct {
	mu      sync.Mutex
	stories map[string]*pipeline.Story
	last    search.Query // the last query received
	calls   int
	err     error // returned by Search and Get when set
}

func newFakeIndex(stories ...*pipeline.Story) *fakeIndex {
	f := &fakeIndex{stories: map[string]*pipeline.Story{}}
	_ = f.Upsert(context.Background(), stories)
	return f
}

func (f *fakeIndex) Upsert(_ context.Context, stories []*pipeline.Story) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range stories {
		if old, ok := f.stories[s.ID]; ok && old.Version > s.Version {
			continue
		}
		if s.PubStatus == pipeline.PubStatusCanceled {
			delete(f.stories, s.ID)
			continue
		}
		f.stories[s.ID] = s
	}
	return nil
}

func (f *fakeIndex) Delete(_ context.Context, id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.stories, id)
	return nil
}

func (f *fakeIndex) Get(_ context.Context, id string) (*pipeline.Story, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return nil, f.err
	}
	s, ok := f.stories[id]
	if !ok {
		return nil, search.ErrNotFound
	}
	return s, nil
}

func (f *fakeIndex) Close() error { return nil }

func (f *fakeIndex) lastQuery() (search.Query, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.last, f.calls
}

func (f *fakeIndex) Search(_ context.Context, q search.Query) (*search.Result, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.last, f.calls = q, f.calls+1
	if f.err != nil {
		return nil, f.err
	}
	q.Normalize()
	var matched []*pipeline.Story
	for _, s := range f.stories {
		if fakeMatches(s, q) {
			matched = append(matched, s)
		}
	}
	slices.SortFunc(matched, func(a, b *pipeline.Story) int {
		return cmp.Or(b.Published.Compare(a.Published), cmp.Compare(a.ID, b.ID))
	})
	res := &search.Result{Total: len(matched), Page: q.Page, Size: q.Size, Facets: fakeFacets(matched)}
	start := min((q.Page-1)*q.Size, len(matched))
	for _, s := range matched[start:min(start+q.Size, len(matched))] {
		res.Hits = append(res.Hits, fakeHit(s, q.Text))
	}
	return res, nil
}

func fakeMatches(s *pipeline.Story, q search.Query) bool {
	switch {
	case q.Text != "" && !strings.Contains(strings.ToLower(s.Headline+"\n"+s.Body), strings.ToLower(q.Text)):
		return false
	case q.Language != "" && s.Language != q.Language:
		return false
	case q.Source != "" && s.Source != q.Source:
		return false
	case !q.From.IsZero() && s.Published.Before(q.From):
		return false
	case !q.To.IsZero() && s.Published.After(q.To):
		return false
	case q.Region != "" && !slices.ContainsFunc(s.Places, func(e pipeline.Entity) bool {
		return e.Code == q.Region || strings.HasPrefix(e.Code, q.Region+"-")
	}):
		return false
	case q.Person != "" && !slices.ContainsFunc(s.People, func(e pipeline.Entity) bool { return e.ID == q.Person || e.Name == q.Person }):
		return false
	case q.Org != "" && !slices.ContainsFunc(s.Organisations, func(e pipeline.Entity) bool { return e.ID == q.Org || e.Name == q.Org }):
		return false
	}
	return true
}

func fakeHit(s *pipeline.Story, text string) search.Hit {
	h := search.Hit{ID: s.ID, Version: s.Version, Headline: s.Headline, Language: s.Language,
		Source: s.Source, Agency: s.Agency, URL: s.URL, Published: s.Published}
	for _, p := range s.Places {
		if p.Code != "" {
			h.Places = append(h.Places, p.Code)
		}
	}
	for _, p := range s.People {
		h.People = append(h.People, search.PersonRef{ID: p.ID, Name: p.Name, Role: p.Role})
	}
	// Meilisearch style: raw text, matched term wrapped in <mark>.
	if i := strings.Index(strings.ToLower(s.Headline), strings.ToLower(text)); text != "" && i >= 0 {
		h.Highlights = []string{s.Headline[:i] + "<mark>" + s.Headline[i:i+len(text)] + "</mark>" + s.Headline[i+len(text):]}
	}
	return h
}

func fakeFacets(stories []*pipeline.Story) map[string][]search.FacetValue {
	counts := map[string]map[string]int{"region": {}, "person": {}, "language": {}, "source": {}}
	for _, s := range stories {
		counts["language"][s.Language]++
		counts["source"][s.Source]++
		for _, p := range s.Places {
			if p.Code != "" {
				counts["region"][p.Code]++
			}
		}
		for _, p := range s.People {
			counts["person"][p.ID]++
		}
	}
	out := map[string][]search.FacetValue{}
	for facet, m := range counts {
		out[facet] = []search.FacetValue{}
		for v, n := range m {
			out[facet] = append(out[facet], search.FacetValue{Value: v, Count: n})
		}
		slices.SortFunc(out[facet], func(a, b search.FacetValue) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
		})
	}
	return out
}
