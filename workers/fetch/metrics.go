package fetch

import (
	"fmt"
	promreg "github.com/polywire/polywire/internal/metrics"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the per-source fetch metrics; a nil *metrics records nothing.
type metrics struct {
	polls       *prometheus.CounterVec
	failures    *prometheus.CounterVec
	newItems    *prometheus.CounterVec
	lastSuccess *prometheus.GaugeVec
	stale       *prometheus.GaugeVec
}

// newMetrics registers the fetch metrics on reg (nil: no metrics). A
// collector already registered under the same name is reused, so two
// fetchers in one process share them.
func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	if reg == nil {
		return nil, nil
	}
	m := &metrics{
		polls: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "polywire_fetch_polls_total",
			Help: "Feed polls per source and result (ok, not_modified, error)."}, []string{"source", "result"}),
		failures: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "polywire_fetch_failures_total",
			Help: "Failed feed polls per source."}, []string{"source"}),
		newItems: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "polywire_fetch_new_items_total",
			Help: "New or edited items emitted per source."}, []string{"source"}),
		lastSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "polywire_fetch_last_success_timestamp_seconds",
			Help: "Unix time of the last successful poll per source."}, []string{"source"}),
		stale: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "polywire_fetch_source_stale",
			Help: "1 when the source answers but has published nothing for longer than stale_after."}, []string{"source"}),
	}
	var err error
	if m.polls, err = register(reg, m.polls); err != nil {
		return nil, err
	}
	if m.failures, err = register(reg, m.failures); err != nil {
		return nil, err
	}
	if m.newItems, err = register(reg, m.newItems); err != nil {
		return nil, err
	}
	if m.lastSuccess, err = register(reg, m.lastSuccess); err != nil {
		return nil, err
	}
	if m.stale, err = register(reg, m.stale); err != nil {
		return nil, err
	}
	return m, nil
}

// observe records one job's outcome and the resulting health h.
func (m *metrics) observe(source string, o jobOutcome, h Health) {
	if m == nil {
		return
	}
	switch {
	case o.err != nil:
		m.polls.WithLabelValues(source, "error").Inc()
		m.failures.WithLabelValues(source).Inc()
	case o.items < 0:
		m.polls.WithLabelValues(source, "not_modified").Inc()
	default:
		m.polls.WithLabelValues(source, "ok").Inc()
	}
	m.newItems.WithLabelValues(source).Add(float64(o.new))
	if !h.LastSuccess.IsZero() {
		m.lastSuccess.WithLabelValues(source).Set(float64(h.LastSuccess.UnixMilli()) / 1000)
	}
	stale := 0.0
	if h.State == StateStale {
		stale = 1
	}
	m.stale.WithLabelValues(source).Set(stale)
}

// register registers c (sharing an already registered twin) and names the
// package in errors.
func register[C prometheus.Collector](reg prometheus.Registerer, c C) (C, error) {
	c, err := promreg.Register(reg, c)
	if err != nil {
		return c, fmt.Errorf("fetch: registering metrics: %w", err)
	}
	return c, nil
}
