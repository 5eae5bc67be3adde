package fetch

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/feedtest"
	"github.com/polywire/polywire/internal/httpx"
)

// clockHarness is a harness whose clock tests move, with health events and
// metrics recorded.
type clockHarness struct {
	*harness
	mu     sync.Mutex
	clock  time.Time
	events []HealthEvent
	reg    *prometheus.Registry
}

func newClockHarness(t *testing.T) *clockHarness {
	t.Helper()
	ch := &clockHarness{clock: now, reg: prometheus.NewRegistry()}
	h := &harness{srv: feedtest.New(), store: NewMemStore(), sources: map[string]config.Source{}}
	t.Cleanup(h.srv.Close)
	h.f = New(Options{
		Sources:       h.source,
		Seen:          h.store,
		PrivateClient: httpx.New(httpx.Options{AllowPrivate: true, Timeout: 2 * time.Second}),
		Now:           ch.now,
		Registerer:    ch.reg,
		OnHealth: func(source string, old, new Health) {
			if e, ok := NewHealthEvent(source, old, new); ok {
				ch.mu.Lock()
				ch.events = append(ch.events, e)
				ch.mu.Unlock()
			}
		},
	})
	ch.harness = h
	return ch
}

func (c *clockHarness) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.clock }

func (c *clockHarness) advance(d time.Duration) { c.mu.Lock(); c.clock = c.clock.Add(d); c.mu.Unlock() }

func (c *clockHarness) takeEvents() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, e := range c.events {
		out = append(out, e.Event+":"+e.From+">"+e.To)
	}
	c.events = nil
	return out
}

// TestHealthEventsAndMetrics walks a source through ok, stale, failing and
// recovered, checking the stored record, the events and the metrics.
func TestHealthEventsAndMetrics(t *testing.T) {
	c := newClockHarness(t)
	c.add("w", "/etag.xml", func(s *config.Source) { s.StaleAfter = config.Duration(time.Hour) })
	steps := []struct {
		name    string
		advance time.Duration
		path    string
		state   string
		events  string
	}{
		{"first poll: new items, no event for a first success", 0, "/etag.xml", StateOK, ""},
		{"304 within stale_after", 30 * time.Minute, "/etag.xml", StateOK, ""},
		{"304 after stale_after: stale", time.Hour, "/etag.xml", StateStale, "stale:ok>stale"},
		{"still stale: no repeat", time.Minute, "/etag.xml", StateStale, ""},
		{"server error: failing", time.Minute, "/500", StateFailing, "failing:stale>failing"},
		{"failing again: no repeat", time.Minute, "/500", StateFailing, ""},
		{"answers with new items: recovered", time.Minute, "/atom.xml", StateOK, "recovered:failing>ok"},
	}
	for i, st := range steps {
		c.advance(st.advance)
		c.add("w", st.path, func(s *config.Source) { s.StaleAfter = config.Duration(time.Hour) })
		c.f.Stage(context.Background(), job("w", i))
		hl, found, err := ReadHealth(context.Background(), c.store, "w")
		if err != nil || !found {
			t.Fatalf("%s: health found %v err %v", st.name, found, err)
		}
		want(t, hl.State, st.state, st.name+": state")
		want(t, strings.Join(c.takeEvents(), ","), st.events, st.name+": events")
	}
	hl, _, _ := ReadHealth(context.Background(), c.store, "w")
	want(t, hl.LastError != "" && hl.ConsecutiveFailures == 0, true, "last error kept after recovery, failures reset")
	want(t, value(t, c.f.metrics.polls.WithLabelValues("w", "ok")), 2.0, "ok polls")
	want(t, value(t, c.f.metrics.polls.WithLabelValues("w", "not_modified")), 3.0, "304 polls")
	want(t, value(t, c.f.metrics.failures.WithLabelValues("w")), 2.0, "failures")
	want(t, value(t, c.f.metrics.newItems.WithLabelValues("w")), 3.0, "new items")
	want(t, value(t, c.f.metrics.lastSuccess.WithLabelValues("w")), float64(c.now().Unix()), "last success")
	want(t, value(t, c.f.metrics.stale.WithLabelValues("w")), 0.0, "stale gauge")
}

func TestRetryAfterSetsNotBefore(t *testing.T) {
	c := newClockHarness(t)
	c.add("r", "/429", nil)
	c.f.Stage(context.Background(), job("r", 0))
	hl, _, _ := ReadHealth(context.Background(), c.store, "r")
	want(t, hl.NotBefore, c.now().Add(2*time.Minute), "not before (Retry-After: 120)")
	want(t, strings.Join(c.takeEvents(), ","), "failing:never succeeded>failing", "events")
}

func TestNewHealthEvent(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{"first success", "", StateOK, ""},
		{"first failure", "", StateFailing, EventFailing},
		{"goes stale", StateOK, StateStale, EventStale},
		{"recovers from stale", StateStale, StateOK, EventRecovered},
		{"recovers from failing", StateFailing, StateOK, EventRecovered},
		{"unchanged", StateFailing, StateFailing, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, ok := NewHealthEvent("s", Health{State: tc.old}, Health{State: tc.new})
			want(t, ok, tc.want != "", "ok")
			want(t, e.Event, tc.want, "event")
		})
	}
}

// value reads a counter or gauge.
func value(t *testing.T, m prometheus.Metric) float64 {
	t.Helper()
	var d dto.Metric
	if err := m.Write(&d); err != nil {
		t.Fatal(err)
	}
	if d.Counter != nil {
		return d.Counter.GetValue()
	}
	return d.Gauge.GetValue()
}
