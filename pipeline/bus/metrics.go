package bus

import (
	"fmt"
	promreg "github.com/polywire/polywire/internal/metrics"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the per-stage Prometheus collectors, labelled by stage:
// polywire_stage_messages_in_total, _out_total, _retried_total,
// _dead_lettered_total and polywire_stage_processing_seconds.
type metrics struct {
	in, out, retried, dead *prometheus.CounterVec
	latency                *prometheus.HistogramVec
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	counter := func(name, help string) *prometheus.CounterVec {
		return prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "polywire",
			Subsystem: "stage", Name: name, Help: help}, []string{"stage"})
	}
	m := &metrics{
		in:      counter("messages_in_total", "Messages delivered to the stage."),
		out:     counter("messages_out_total", "Messages the stage published."),
		retried: counter("messages_retried_total", "Deliveries negatively acked for a later retry."),
		dead:    counter("messages_dead_lettered_total", "Messages sent to the dead-letter subject."),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: "polywire",
			Subsystem: "stage", Name: "processing_seconds", Help: "Time the stage function took.",
			Buckets: prometheus.ExponentialBuckets(0.001, 4, 10)}, []string{"stage"}),
	}
	if reg == nil {
		return m, nil
	}
	var err error
	m.in, err = register(reg, m.in)
	if err == nil {
		m.out, err = register(reg, m.out)
	}
	if err == nil {
		m.retried, err = register(reg, m.retried)
	}
	if err == nil {
		m.dead, err = register(reg, m.dead)
	}
	if err == nil {
		m.latency, err = register(reg, m.latency)
	}
	return m, err
}

// register registers c (sharing an already registered twin) and names the
// package in errors.
func register[C prometheus.Collector](reg prometheus.Registerer, c C) (C, error) {
	c, err := promreg.Register(reg, c)
	if err != nil {
		return c, fmt.Errorf("bus: registering metrics: %w", err)
	}
	return c, nil
}
