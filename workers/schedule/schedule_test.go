package schedule

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/pipeline"
)

// fakeClock advances only when the scheduler waits on it.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	c.now = c.now.Add(d)
	now := c.now
	c.mu.Unlock()
	ch := make(chan time.Time, 1)
	ch <- now
	return ch
}

type recorder struct {
	mu   sync.Mutex
	jobs []string
	fail bool
}

func (r *recorder) publish(_ context.Context, j *pipeline.FetchJob) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fail {
		return errors.New("bus down")
	}
	r.jobs = append(r.jobs, j.Meta().StoryID)
	return nil
}

func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.jobs
	r.jobs = nil
	return out
}

func src(id string, interval time.Duration) config.Source {
	return config.Source{ID: id, URL: "https://x.org/" + id, Interval: config.Duration(interval)}
}

var t0 = time.Date(2026, 11, 28, 12, 3, 20, 0, time.UTC)

func newScheduler(clock *fakeClock, rec *recorder, sources *[]config.Source) *Scheduler {
	return &Scheduler{
		Sources: func() []config.Source { return *sources },
		Publish: rec.publish,
		Now:     clock.Now,
		After:   clock.After,
		Recheck: time.Minute,
	}
}

func TestTick(t *testing.T) {
	clock := &fakeClock{now: t0}
	rec := &recorder{}
	sources := []config.Source{src("tass", 5*time.Minute), src("nhk", 10*time.Minute), {ID: "off", Disabled: true}}
	s := newScheduler(clock, rec, &sources)
	steps := []struct {
		name     string
		at       time.Time
		change   func()
		want     []string
		wantWait time.Duration
	}{
		{"start publishes the current slot of every enabled source", t0, nil,
			[]string{"job-tass-20261128T120000", "job-nhk-20261128T120000"}, time.Minute},
		{"same slot publishes nothing", t0.Add(time.Minute), nil, nil, 40 * time.Second},
		{"5m boundary publishes the 5m source", time.Date(2026, 11, 28, 12, 5, 0, 0, time.UTC), nil,
			[]string{"job-tass-20261128T120500"}, time.Minute},
		{"10m boundary publishes both", time.Date(2026, 11, 28, 12, 10, 1, 0, time.UTC), nil,
			[]string{"job-tass-20261128T121000", "job-nhk-20261128T121000"}, time.Minute},
		{"a source added by reload is published at once", time.Date(2026, 11, 28, 12, 11, 0, 0, time.UTC),
			func() { sources = append(sources, src("ria", time.Hour)) }, []string{"job-ria-20261128T120000"}, time.Minute},
		{"missed slots are not back-filled", time.Date(2026, 11, 28, 13, 31, 0, 0, time.UTC), nil,
			[]string{"job-tass-20261128T133000", "job-nhk-20261128T133000", "job-ria-20261128T130000"}, time.Minute},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			clock.now = st.at
			if st.change != nil {
				st.change()
			}
			wait := s.Tick(context.Background())
			if got := rec.take(); !slices.Equal(got, st.want) {
				t.Fatalf("jobs %v, want %v", got, st.want)
			}
			if wait != st.wantWait {
				t.Fatalf("wait %v, want %v", wait, st.wantWait)
			}
		})
	}
}

func TestTwoSchedulersProduceTheSameJobIDs(t *testing.T) {
	sources := []config.Source{src("tass", 5*time.Minute)}
	a, b := &recorder{}, &recorder{}
	newScheduler(&fakeClock{now: t0}, a, &sources).Tick(context.Background())
	newScheduler(&fakeClock{now: t0.Add(90 * time.Second)}, b, &sources).Tick(context.Background())
	if ja, jb := a.take(), b.take(); !slices.Equal(ja, jb) || len(ja) != 1 {
		t.Fatalf("jobs differ: %v vs %v", ja, jb)
	}
}

func TestFailedPublishIsRetried(t *testing.T) {
	clock := &fakeClock{now: t0}
	rec := &recorder{fail: true}
	sources := []config.Source{src("tass", 5*time.Minute)}
	s := newScheduler(clock, rec, &sources)
	s.Tick(context.Background())
	rec.fail = false
	clock.now = t0.Add(10 * time.Second)
	s.Tick(context.Background())
	if got := rec.take(); !slices.Equal(got, []string{"job-tass-20261128T120000"}) {
		t.Fatalf("jobs %v", got)
	}
}

func TestDisabledThenEnabledPublishesAgain(t *testing.T) {
	clock := &fakeClock{now: t0}
	rec := &recorder{}
	sources := []config.Source{src("tass", 5*time.Minute)}
	s := newScheduler(clock, rec, &sources)
	s.Tick(context.Background())
	sources[0].Disabled = true
	s.Tick(context.Background())
	sources[0].Disabled = false
	s.Tick(context.Background())
	if got := rec.take(); len(got) != 2 {
		t.Fatalf("jobs %v, want the slot published again after re-enabling", got)
	}
}

func TestRunWithFakeClock(t *testing.T) {
	clock := &fakeClock{now: t0}
	rec := &recorder{}
	sources := []config.Source{src("tass", 5*time.Minute)}
	s := newScheduler(clock, rec, &sources)
	ctx, cancel := context.WithCancel(context.Background())
	s.Publish = func(ctx context.Context, j *pipeline.FetchJob) error {
		rec.publish(ctx, j)
		if len(rec.jobs) == 3 {
			cancel()
		}
		return nil
	}
	if err := s.Run(ctx); err != nil {
		t.Fatal(err)
	}
	want := []string{"job-tass-20261128T120000", "job-tass-20261128T120500", "job-tass-20261128T121000"}
	if got := rec.take(); !slices.Equal(got, want) {
		t.Fatalf("jobs %v, want %v", got, want)
	}
}

func TestAdaptive(t *testing.T) {
	bounded := config.Source{ID: "a", Interval: config.Duration(10 * time.Minute),
		MinInterval: config.Duration(5 * time.Minute), MaxInterval: config.Duration(time.Hour)}
	tests := []struct {
		name    string
		src     config.Source
		lastNew time.Time
		want    time.Duration
	}{
		{"no bounds keeps the interval", src("x", 7*time.Minute), t0.Add(-48 * time.Hour), 7 * time.Minute},
		{"never published: configured interval", bounded, time.Time{}, 10 * time.Minute},
		{"just published: min", bounded, t0.Add(-time.Minute), 5 * time.Minute},
		{"quiet 2h: 20m", bounded, t0.Add(-2 * time.Hour), 20 * time.Minute},
		{"odd quiet time rounds to minutes", bounded, t0.Add(-(2*time.Hour + 5*time.Minute)), 20 * time.Minute},
		{"quiet 2 days: max", bounded, t0.Add(-48 * time.Hour), time.Hour},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Adaptive(tc.src, tc.lastNew, t0); got != tc.want {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestIntervalHook(t *testing.T) {
	clock := &fakeClock{now: t0}
	rec := &recorder{}
	sources := []config.Source{src("tass", 5*time.Minute)}
	s := newScheduler(clock, rec, &sources)
	s.Interval = func(config.Source) time.Duration { return time.Hour }
	s.Tick(context.Background())
	if got := rec.take(); !slices.Equal(got, []string{"job-tass-20261128T120000"}) {
		t.Fatalf("jobs %v", got)
	}
	clock.now = t0.Add(10 * time.Minute) // a 5m boundary, but the hook says hourly
	s.Tick(context.Background())
	if got := rec.take(); len(got) != 0 {
		t.Fatalf("jobs %v", got)
	}
}

// TestNotBeforeAndGrowingInterval: a source that asked to be left alone
// (Retry-After, Cache-Control) is skipped until then, and an interval that
// grows does not make an earlier slot due again.
func TestNotBeforeAndGrowingInterval(t *testing.T) {
	clock := &fakeClock{now: t0} // 12:03:20
	rec := &recorder{}
	sources := []config.Source{src("tass", 5*time.Minute)}
	s := newScheduler(clock, rec, &sources)
	var notBefore time.Time
	interval := 5 * time.Minute
	s.Recheck = 2 * time.Hour
	s.NotBefore = func(config.Source) time.Time { return notBefore }
	s.Interval = func(config.Source) time.Duration { return interval }
	steps := []struct {
		name      string
		at        time.Duration // after t0
		notBefore time.Duration // after t0; 0: none
		interval  time.Duration
		want      []string
		wantWait  time.Duration
	}{
		{"first slot", 0, 0, 5 * time.Minute, []string{"job-tass-20261128T120000"}, 100 * time.Second},
		{"next slot, but the server said wait", 2 * time.Minute, 7 * time.Minute, 5 * time.Minute, nil, 5 * time.Minute},
		{"after the wait", 7 * time.Minute, 7 * time.Minute, 5 * time.Minute, []string{"job-tass-20261128T121000"}, 280 * time.Second},
		{"interval grows to 1h: the 12:00 slot is not due again", 8 * time.Minute, 0, time.Hour, nil, 48*time.Minute + 40*time.Second},
		{"next hour", 57 * time.Minute, 0, time.Hour, []string{"job-tass-20261128T130000"}, 59*time.Minute + 40*time.Second},
	}
	for _, st := range steps {
		clock.now = t0.Add(st.at)
		notBefore = time.Time{}
		if st.notBefore > 0 {
			notBefore = t0.Add(st.notBefore)
		}
		interval = st.interval
		wait := s.Tick(context.Background())
		if got := rec.take(); !slices.Equal(got, st.want) {
			t.Fatalf("%s: jobs %v, want %v", st.name, got, st.want)
		}
		if wait != st.wantWait {
			t.Fatalf("%s: wait %v, want %v", st.name, wait, st.wantWait)
		}
	}
}
