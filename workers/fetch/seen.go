package fetch

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/polywire/polywire/pipeline"
	"golang.org/x/sync/errgroup"
)

// seenMark is what the store keeps per story: the content hash and version
// last emitted, the job that emitted it and when that version was created.
type seenMark struct {
	Hash    string    `json:"h"`
	Version int       `json:"v"`
	Job     string    `json:"job"`
	Created time.Time `json:"created"`
	// SrcVersion and SrcTime are the agency's version and versioncreated
	// of the item last emitted (agency formats only).
	SrcVersion int       `json:"sv,omitempty"`
	SrcTime    time.Time `json:"st,omitzero"`
}

// staleVersion reports whether c is an older agency version than the one
// m records: a lower version number, else (no numbers) an earlier
// versioncreated.
func staleVersion(c *candidate, m *seenMark) bool {
	switch {
	case m == nil:
		return false
	case c.srcVersion > 0 && m.SrcVersion > 0:
		return c.srcVersion < m.SrcVersion
	case !c.srcTime.IsZero() && !m.SrcTime.IsZero():
		return c.srcTime.Before(m.SrcTime)
	}
	return false
}

func seenKey(source, id string) string { return SeenKeyPrefix + source + "." + id }

func (f *Fetcher) loadMark(ctx context.Context, source, id string) (*seenMark, error) {
	b, found, err := f.opts.Seen.Get(ctx, seenKey(source, id))
	if err != nil {
		return nil, fmt.Errorf("fetch: reading seen mark of %s: %w", id, err)
	}
	if !found {
		return nil, nil
	}
	var m seenMark
	if err := json.Unmarshal(b, &m); err != nil {
		f.log.Warn("unreadable seen mark; treating the item as new", "source", source, "story_id", id, "error", err)
		return nil, nil
	}
	return &m, nil
}

// decide returns the version to emit for an item with hash in job, given
// its mark (nil: never seen), and whether the mark already describes that
// emission (a redelivered job re-emitting). Version 0 means skip.
func decide(m *seenMark, hash, job string) (version int, same bool) {
	switch {
	case m == nil:
		return 1, false
	case m.Hash == hash && m.Job == job:
		return m.Version, true // the same job again: re-emit, same msg id
	case m.Hash == hash:
		return 0, false // unchanged
	default:
		return m.Version + 1, false // an edit
	}
}

// selectNew keeps the candidates to emit, sets their version and
// VersionCreated, and returns the marks to write once pages are fetched.
func (f *Fetcher) selectNew(ctx context.Context, source, job string, cands []*candidate) ([]*candidate, map[string]seenMark, error) {
	prev, err := f.loadMarks(ctx, source, cands)
	if err != nil {
		return nil, nil, err
	}
	var out []*candidate
	marks := map[string]seenMark{}
	for i, c := range cands {
		id := c.raw.Story.ID
		if _, dup := marks[id]; dup {
			continue // the same story twice in one feed: keep the first
		}
		m := prev[i]
		v, same := decide(m, c.hash, job)
		if v == 0 || (!same && staleVersion(c, m)) {
			if v != 0 {
				f.log.Debug("older agency version ignored", "source", source, "story_id", id, "version", c.srcVersion)
			}
			marks[id] = *m
			continue
		}
		s := &c.raw.Story
		s.Version = v
		s.VersionCreated = versionCreated(s, v)
		if same && !m.Created.IsZero() {
			s.VersionCreated = m.Created
		}
		marks[id] = seenMark{Hash: c.hash, Version: v, Job: job, Created: s.VersionCreated, SrcVersion: c.srcVersion, SrcTime: c.srcTime}
		out = append(out, c)
	}
	return out, marks, nil
}

// versionCreated is when this version came to be: the source's time for a
// first version, its update time (or our fetch time) for an edit.
func versionCreated(s *pipeline.Story, v int) time.Time {
	pub, upd, fetched := s.Published, s.Updated, s.Fetched
	if v == 1 {
		return firstTime(upd, pub, fetched)
	}
	if !upd.IsZero() && upd.After(pub) {
		return upd
	}
	return fetched
}

func firstTime(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

// storeWorkers bounds concurrent store requests of one job: a KV round
// trip each, so a 200-item feed is not 200 sequential waits.
const storeWorkers = 16

// loadMarks reads the marks of cands (nil where never seen), a few at a time.
func (f *Fetcher) loadMarks(ctx context.Context, source string, cands []*candidate) ([]*seenMark, error) {
	out := make([]*seenMark, len(cands))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(storeWorkers)
	for i, c := range cands {
		g.Go(func() error {
			m, err := f.loadMark(gctx, source, c.raw.Story.ID)
			out[i] = m
			return err
		})
	}
	return out, g.Wait()
}

// writeMarks stores the marks of emitted items (skipped ones are unchanged).
func (f *Fetcher) writeMarks(ctx context.Context, source string, emitted []*candidate, marks map[string]seenMark) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(storeWorkers)
	for _, c := range emitted {
		id := c.raw.Story.ID
		b, err := json.Marshal(marks[id])
		if err != nil {
			return fmt.Errorf("fetch: encoding seen mark of %s: %w", id, err)
		}
		g.Go(func() error {
			if err := f.opts.Seen.Put(gctx, seenKey(source, id), b); err != nil {
				return fmt.Errorf("fetch: writing seen mark of %s: %w", id, err)
			}
			return nil
		})
	}
	return g.Wait()
}
