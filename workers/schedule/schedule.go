// Package schedule publishes fetch jobs: one per enabled source and time
// slot. A slot is the current time truncated to the source's interval, so
// schedulers running in several processes produce the same job id for the
// same slot and JetStream's duplicate window keeps one.
package schedule

import (
	"context"
	"log/slog"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/pipeline"
)

// DefaultRecheck bounds how long Run sleeps, so changes of the source list
// (a config reload) are picked up within it.
const DefaultRecheck = 10 * time.Second

// Scheduler publishes one FetchJob per enabled source per slot: at start
// for the current slot, then at each slot boundary of the source's interval.
// Missed slots (the process slept) are not back-filled: the next job fetches
// everything the feed still lists. A failed publish is retried on the next
// pass. The exported fields are read at each pass; set them before Run.
type Scheduler struct {
	// Sources returns the current source list (it may change between
	// calls, after a reload). Required.
	Sources func() []config.Source
	// Publish sends a job; it should deduplicate by the job's Meta id.
	// Required.
	Publish func(ctx context.Context, job *pipeline.FetchJob) error
	// Now is the clock (default time.Now).
	Now func() time.Time
	// After waits (default time.After); tests replace it with a fake clock.
	After func(d time.Duration) <-chan time.Time
	// Interval returns a source's poll interval (default Interval, the
	// configured one). Plug in Adaptive to poll quiet sources less often;
	// schedulers in several processes must compute the same interval from
	// shared state for their slots to agree.
	Interval func(src config.Source) time.Duration
	// NotBefore returns the earliest time src may be polled again (the
	// server's Retry-After, the feed's Cache-Control max-age or Expires, as
	// the fetcher recorded them); zero or past: no constraint. A slot that
	// falls before it is skipped. Default: none.
	NotBefore func(src config.Source) time.Time
	// Recheck bounds each sleep (default DefaultRecheck).
	Recheck time.Duration
	Logger  *slog.Logger

	last map[string]time.Time // source id → last slot published
}

// Run publishes jobs until ctx is done; it returns nil then. It is not for
// concurrent use.
func (s *Scheduler) Run(ctx context.Context) error {
	after := s.After
	if after == nil {
		after = time.After
	}
	for ctx.Err() == nil {
		next := s.Tick(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-after(next):
		}
	}
	return nil
}

// Tick publishes the jobs due now and returns how long to wait before the
// next pass: until the earliest next slot, at most Recheck.
func (s *Scheduler) Tick(ctx context.Context) time.Duration {
	now := s.now()
	wait := s.recheck()
	if s.last == nil {
		s.last = map[string]time.Time{}
	}
	live := map[string]bool{}
	for _, src := range s.Sources() {
		if src.Disabled || src.ID == "" {
			continue
		}
		live[src.ID] = true
		interval := s.interval(src)
		slot := now.Truncate(interval)
		if nb := s.notBefore(src); now.Before(nb) {
			wait = min(wait, nb.Sub(now))
			continue
		}
		// Only a later slot: when the interval grows (adaptive polling),
		// now.Truncate may fall before the slot just published.
		if last, ok := s.last[src.ID]; !ok || slot.After(last) {
			s.publish(ctx, src.ID, slot)
		}
		wait = min(wait, slot.Add(interval).Sub(now))
	}
	for id := range s.last {
		if !live[id] {
			delete(s.last, id) // removed or disabled: start afresh if it returns
		}
	}
	return max(wait, time.Millisecond)
}

func (s *Scheduler) publish(ctx context.Context, source string, slot time.Time) {
	job := &pipeline.FetchJob{Source: source, Slot: slot.UTC()}
	if err := s.Publish(ctx, job); err != nil {
		if ctx.Err() == nil {
			s.logger().Warn("publishing fetch job failed; retrying next pass", "source", source, "slot", job.Slot, "error", err)
		}
		return
	}
	s.last[source] = slot
	s.logger().Debug("fetch job published", "source", source, "slot", job.Slot)
}

// Interval is the poll interval of src (its interval, else the default).
func Interval(src config.Source) time.Duration {
	if d := src.Interval.D(); d > 0 {
		return d
	}
	return config.DefaultInterval
}

func (s *Scheduler) interval(src config.Source) time.Duration {
	if s.Interval != nil {
		if d := s.Interval(src); d > 0 {
			return d
		}
	}
	return Interval(src)
}

// Adaptive is an interval policy for sources with min_interval or
// max_interval: a sixth of the time since the source's last new item
// (lastNew zero: the configured interval), rounded down to a whole minute
// so slots stay aligned, within [min_interval, max_interval]. A source
// that published 30 minutes ago is polled every 5 minutes, one quiet for
// 6 hours every hour. Sources without bounds keep their interval.
func Adaptive(src config.Source, lastNew, now time.Time) time.Duration {
	lo, hi := src.MinInterval.D(), src.MaxInterval.D()
	if lo == 0 && hi == 0 {
		return Interval(src)
	}
	d := Interval(src)
	if !lastNew.IsZero() {
		d = max(now.Sub(lastNew)/6, time.Minute).Truncate(time.Minute)
	}
	if lo > 0 {
		d = max(d, lo)
	}
	if hi > 0 {
		d = min(d, hi)
	}
	return d
}

func (s *Scheduler) notBefore(src config.Source) time.Time {
	if s.NotBefore == nil {
		return time.Time{}
	}
	return s.NotBefore(src)
}

func (s *Scheduler) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Scheduler) recheck() time.Duration {
	if s.Recheck > 0 {
		return s.Recheck
	}
	return DefaultRecheck
}

func (s *Scheduler) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.New(slog.DiscardHandler)
}
