package fetch

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/polywire/polywire/pipeline"
)

// An embargoed item (embargoed in the future, not a kill) is not published
// when it is found: it is held in the store under embargo.<source>.<story
// id>, listed in held.<source>, and released as usable by the first job of
// its source that runs after the embargo passed. A held item superseded by
// a published version (a kill, or the embargo lifted early) is dropped.
// Release follows the seen-mark rule: the record names the job that
// released it, so a redelivered job releases the same items again.

// Key prefixes of embargoes.
const (
	EmbargoKeyPrefix = "embargo." // embargo.<source>.<story id> → held item
	HeldKeyPrefix    = "held."    // held.<source> → JSON list of held story ids
)

// heldItem is a held item and the job that released it (empty: still held).
type heldItem struct {
	Raw        *pipeline.RawItem `json:"raw"`
	Until      time.Time         `json:"until"`
	ReleasedBy string            `json:"released_by,omitempty"`
	// SummaryOnly: the feed gave a summary, so pages: auto fetches the page.
	SummaryOnly bool `json:"summary_only,omitempty"`
}

func embargoKey(source, id string) string { return EmbargoKeyPrefix + source + "." + id }

// embargoed reports whether c must be held at now.
func embargoed(c *candidate, now time.Time) bool {
	s := &c.raw.Story
	return !s.Embargoed.IsZero() && s.Embargoed.After(now) && s.PubStatus != pipeline.PubStatusCanceled
}

// embargoes is one job's view of a source's held items.
type embargoes struct {
	f      *Fetcher
	source string
	job    string
	ids    []string
}

func (f *Fetcher) loadEmbargoes(ctx context.Context, source, job string) (*embargoes, error) {
	e := &embargoes{f: f, source: source, job: job}
	b, found, err := f.opts.Seen.Get(ctx, HeldKeyPrefix+source)
	if err != nil {
		return nil, fmt.Errorf("fetch: reading held items of %s: %w", source, err)
	}
	if found {
		_ = json.Unmarshal(b, &e.ids) // a corrupt list holds nothing
	}
	return e, nil
}

// hold stores c until its embargo passes.
func (e *embargoes) hold(ctx context.Context, c *candidate) error {
	s := &c.raw.Story
	s.PubStatus = pipeline.PubStatusUsable
	if err := e.put(ctx, s.ID, heldItem{Raw: c.raw, Until: s.Embargoed, SummaryOnly: c.summaryOnly}); err != nil {
		return err
	}
	if !slices.Contains(e.ids, s.ID) {
		e.ids = append(e.ids, s.ID)
	}
	e.f.log.Debug("item held until its embargo", "source", e.source, "story_id", s.ID, "embargoed", s.Embargoed)
	return nil
}

// drop forgets a held version of id: a newer version was published.
func (e *embargoes) drop(id string) {
	e.ids = slices.DeleteFunc(e.ids, func(v string) bool { return v == id })
}

// release returns the held items whose embargo passed at now (and those
// this job released before), marking them released by this job.
func (e *embargoes) release(ctx context.Context, now time.Time) ([]*candidate, error) {
	var out []*candidate
	keep := e.ids[:0:0]
	for _, id := range e.ids {
		h, err := e.get(ctx, id)
		if err != nil {
			return nil, err
		}
		switch {
		case h == nil || h.Raw == nil || (h.ReleasedBy != "" && h.ReleasedBy != e.job):
			continue // gone, or released by an earlier job
		case h.ReleasedBy == "" && now.Before(h.Until):
			keep = append(keep, id)
			continue
		case h.ReleasedBy == "":
			h.ReleasedBy = e.job
			h.Raw.Story.Fetched = now
			if err := e.put(ctx, id, *h); err != nil {
				return nil, err
			}
		}
		keep = append(keep, id) // until a later job: a redelivery re-emits it
		out = append(out, &candidate{raw: h.Raw, summaryOnly: h.SummaryOnly})
	}
	e.ids = keep
	return out, nil
}

// held is the number of items still waiting.
func (e *embargoes) waiting(ctx context.Context) int {
	n := 0
	for _, id := range e.ids {
		if h, err := e.get(ctx, id); err == nil && h != nil && h.ReleasedBy == "" {
			n++
		}
	}
	return n
}

func (e *embargoes) save(ctx context.Context) error {
	b, _ := json.Marshal(e.ids)
	if err := e.f.opts.Seen.Put(ctx, HeldKeyPrefix+e.source, b); err != nil {
		return fmt.Errorf("fetch: writing held items of %s: %w", e.source, err)
	}
	return nil
}

func (e *embargoes) get(ctx context.Context, id string) (*heldItem, error) {
	b, found, err := e.f.opts.Seen.Get(ctx, embargoKey(e.source, id))
	if err != nil {
		return nil, fmt.Errorf("fetch: reading held item %s: %w", id, err)
	}
	if !found {
		return nil, nil
	}
	var h heldItem
	if json.Unmarshal(b, &h) != nil {
		return nil, nil
	}
	return &h, nil
}

func (e *embargoes) put(ctx context.Context, id string, h heldItem) error {
	b, err := json.Marshal(h)
	if err != nil {
		return fmt.Errorf("fetch: encoding held item %s: %w", id, err)
	}
	if err := e.f.opts.Seen.Put(ctx, embargoKey(e.source, id), b); err != nil {
		return fmt.Errorf("fetch: writing held item %s: %w", id, err)
	}
	return nil
}
