package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"slices"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"golang.org/x/sync/errgroup"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/search"
)

func workerCommand() *command {
	return &command{
		name:    "worker",
		usage:   "STAGE… [--nats URL] [--config F]",
		summary: "run stages (schedule fetch extract tag translate index) against NATS; start more to scale out",
		flags: func(fs *flag.FlagSet) any {
			o := &workerOptions{}
			o.register(fs)
			fs.StringVar(&o.metrics, "metrics", envOr("POLYWIRE_METRICS", ""), "serve /metrics and /healthz on this address (default: none)")
			return o
		},
		run: func(ctx context.Context, e *env, opts any, args []string) error {
			return runWorker(ctx, e, opts.(*workerOptions), args)
		},
	}
}

type workerOptions struct {
	serverFlags
	metrics string
}

func runWorker(ctx context.Context, e *env, o *workerOptions, stages []string) error {
	if len(stages) == 0 {
		return fmt.Errorf("%w: name at least one stage of %v", errUsage, pipeline.Stages)
	}
	for _, s := range stages {
		if !slices.Contains(pipeline.Stages, s) {
			return fmt.Errorf("%w: unknown stage %q (stages: %v)", errUsage, s, pipeline.Stages)
		}
	}
	cfg, err := o.load()
	if err != nil {
		return err
	}
	if cfg.NATS.URL == "" {
		e.log.Warn("no --nats URL: running an embedded NATS server for these stages only")
	}
	reg := newRegistry()
	b, err := openBus(ctx, cfg, e.log, reg, false)
	if err != nil {
		return err
	}
	var idx search.Index
	if slices.Contains(stages, pipeline.StageIndex) {
		if idx, err = openIndex(ctx, cfg, e.log); err != nil {
			b.Close()
			return fmt.Errorf("opening the search index: %w", err)
		}
	}
	l, err := newLive(cfg)
	if err != nil {
		b.Close()
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	g, gctx := errgroup.WithContext(ctx)
	closers, err := startStages(gctx, g, stageDeps{bus: b, live: l, index: idx, reg: reg, log: e.log}, stages)
	if err != nil {
		cancel()
	}
	if o.metrics != "" {
		g.Go(func() error { return serveHTTP(gctx, o.metrics, metricsHandler(reg, b), e.log) })
	}
	if cfg.Path != "" {
		g.Go(func() error { return watchConfig(gctx, cfg.Path, o.override, l, e.log) })
	}
	werr := g.Wait()
	if errors.Is(werr, context.Canceled) {
		werr = nil
	}
	if idx != nil {
		closers = append(closers, idx.Close)
	}
	return errors.Join(err, werr, closeAll(append(closers, b.Close)...))
}

// metricsHandler serves a worker's /metrics and /healthz (the NATS
// connection) for scrapers and orchestrators.
func metricsHandler(reg *prometheus.Registry, b *bus.Bus) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if err := natsHealth(b)(r.Context()); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w, "{\"status\":%q}\n", err.Error())
			return
		}
		fmt.Fprintln(w, `{"status":"ok"}`)
	})
	return mux
}
