package fetch

import (
	"context"
	"encoding/json"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/httpx"
	"github.com/polywire/polywire/pipeline"
)

// Health is a source's fetch record, stored as JSON under
// health.<source> in the Store after every job.
type Health struct {
	LastAttempt time.Time `json:"last_attempt,omitzero"`
	// LastSuccess is the last time the feed was fetched and parsed (a 304
	// counts).
	LastSuccess time.Time `json:"last_success,omitzero"`
	// LastNewItem is the last time a job emitted a new or edited item.
	LastNewItem time.Time `json:"last_new_item,omitzero"`
	// ConsecutiveFailures counts failed jobs since the last success.
	ConsecutiveFailures int       `json:"consecutive_failures"`
	LastError           string    `json:"last_error,omitempty"`
	LastErrorAt         time.Time `json:"last_error_at,omitzero"`
	// Items is the number of items in the feed at the last success, New how
	// many of them were emitted.
	Items int `json:"items"`
	New   int `json:"new"`
	// StaleAfter is the source's stale_after when the record was written.
	StaleAfter config.Duration `json:"stale_after,omitempty"`
	// State is State(LastAttempt), kept so readers and events need no clock.
	State string `json:"state,omitempty"`
	// NotBefore is the earliest time the source should be polled again:
	// the server's Retry-After (429/503) or the feed's freshness
	// (Cache-Control max-age, Expires). Zero: no constraint.
	NotBefore time.Time `json:"not_before,omitzero"`
	// Held is the number of embargoed items waiting for release.
	Held int `json:"held,omitempty"`
}

// Health states.
const (
	StateOK      = "ok"
	StateFailing = "failing"
	StateStale   = "stale"
	StateNever   = "never succeeded"
)

// StateAt summarises h at now: failing (the last job failed), never
// succeeded, stale (the source answers but has had no new item for longer
// than StaleAfter) or ok.
func (h Health) StateAt(now time.Time) string {
	switch {
	case h.ConsecutiveFailures > 0:
		return StateFailing
	case h.LastSuccess.IsZero():
		return StateNever
	}
	since := h.LastNewItem
	if since.IsZero() {
		since = h.LastSuccess
	}
	if h.StaleAfter > 0 && now.Sub(since) > h.StaleAfter.D() {
		return StateStale
	}
	return StateOK
}

// jobOutcome is what recordHealth needs to know about one job.
type jobOutcome struct {
	err        error
	items, new int // items -1: not modified, keep the previous count
	raws       []*pipeline.RawItem
	notBefore  time.Time
	held       int // -1: unknown, keep the previous count
	// warning is a problem that did not fail the job (unusable files of a
	// drop directory); it is recorded as the last error.
	warning string
}

// recordHealth updates health.<source>, the metrics, and calls OnHealth
// when the state changed. Store failures are logged, not returned: health
// must not fail the job.
func (f *Fetcher) recordHealth(ctx context.Context, src config.Source, o jobOutcome) {
	key := HealthKeyPrefix + src.ID
	var old Health
	if b, found, err := f.opts.Seen.Get(ctx, key); err == nil && found {
		_ = json.Unmarshal(b, &old) // a corrupt record starts afresh
	}
	now := f.opts.Now()
	h := nextHealth(old, src, o, now)
	f.metrics.observe(src.ID, o, h)
	b, _ := json.Marshal(h)
	if err := f.opts.Seen.Put(ctx, key, b); err != nil {
		f.log.Warn("recording source health failed", "source", src.ID, "error", err)
	}
	if old.State != h.State && f.opts.OnHealth != nil {
		f.opts.OnHealth(src.ID, old, h)
	}
	if o.err != nil {
		f.log.Warn("source poll failed", "source", src.ID, "failures", h.ConsecutiveFailures, "error", o.err)
	}
}

// nextHealth is old updated by one job's outcome at now.
func nextHealth(h Health, src config.Source, o jobOutcome, now time.Time) Health {
	h.LastAttempt, h.StaleAfter = now, src.StaleAfter
	if h.StaleAfter == 0 {
		h.StaleAfter = config.Duration(config.DefaultStaleAfter)
	}
	h.NotBefore = o.notBefore
	if o.err != nil {
		h.ConsecutiveFailures++
		h.LastError, h.LastErrorAt = o.err.Error(), now
		if d := pipeline.RetryDelay(o.err); d > 0 {
			h.NotBefore = now.Add(d)
		}
	} else {
		h.ConsecutiveFailures, h.LastSuccess, h.New = 0, now, o.new
		if o.items >= 0 {
			h.Items = o.items
		}
		if o.new > 0 {
			h.LastNewItem = now
		}
		if o.warning != "" {
			h.LastError, h.LastErrorAt = "partly failed: "+o.warning, now
		}
	}
	if o.held >= 0 {
		h.Held = o.held
	}
	h.State = h.StateAt(now)
	return h
}

// ReadHealth returns the health record of source from store (found false
// when it was never polled).
func ReadHealth(ctx context.Context, store Store, source string) (Health, bool, error) {
	b, found, err := store.Get(ctx, HealthKeyPrefix+source)
	if err != nil || !found {
		return Health{}, false, err
	}
	var h Health
	err = json.Unmarshal(b, &h)
	return h, err == nil, err
}

// freshUntil is the earliest time to poll src again as the response asks
// (Cache-Control max-age, Expires), bounded by the source's max_interval;
// zero when the response asks nothing.
func freshUntil(resp *httpx.Response, now time.Time, src config.Source) time.Time {
	d := resp.FreshFor(now)
	if d <= 0 {
		return time.Time{}
	}
	if hi := src.MaxInterval.D(); hi > 0 {
		d = min(d, hi)
	}
	return now.Add(d)
}
