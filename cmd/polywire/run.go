package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/errgroup"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/demo"
	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/web"
)

type runOptions struct {
	serverFlags
	demo bool
}

func runCommand() *command {
	return &command{
		name:    "run",
		usage:   "[--config F] [--data DIR] [--http ADDR] [--nats-listen ADDR|off] [--demo]",
		summary: "everything in one process: embedded NATS, all stages, the index, the web UI/API",
		flags: func(fs *flag.FlagSet) any {
			o := &runOptions{}
			o.register(fs)
			fs.BoolVar(&o.demo, "demo", false, "ingest the bundled multilingual demo corpus from a local feed server")
			return o
		},
		run: func(ctx context.Context, e *env, opts any, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("%w: unexpected arguments %q", errUsage, args)
			}
			return runAll(ctx, e, opts.(*runOptions))
		},
	}
}

func runAll(ctx context.Context, e *env, o *runOptions) error {
	cfg, err := o.load()
	if err != nil {
		return err
	}
	log := e.log
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if o.demo {
		ds, err := demo.StartAt(ctx, demo.DefaultAddr, log.With("component", "demo"))
		if err != nil {
			return fmt.Errorf("starting the demo feed server: %w", err)
		}
		defer ds.Close()
		cfg.Sources = ds.Sources()
		log.Info("demo feed server started", "url", ds.URL(), "sources", len(cfg.Sources))
	}
	reg := newRegistry()
	b, err := openBus(ctx, cfg, log, reg, true)
	if err != nil {
		return err
	}
	idx, err := openIndex(ctx, cfg, log)
	if err != nil {
		b.Close()
		return fmt.Errorf("opening the search index: %w", err)
	}
	l, err := newLive(cfg)
	if err != nil {
		closeAll(idx.Close, b.Close)
		return err
	}
	g, gctx := errgroup.WithContext(ctx)
	closers, err := startStages(gctx, g, stageDeps{bus: b, live: l, index: idx, reg: reg, log: log}, pipeline.Stages)
	if err != nil {
		cancel()
		g.Wait()
		closeAll(idx.Close, b.Close)
		return err
	}
	handler := newWebHandler(idx, reg, b, l, log)
	g.Go(func() error { return serveHTTP(gctx, cfg.HTTP.Listen, handler, log) })
	if cfg.Path != "" && !o.demo {
		g.Go(func() error { return watchConfig(gctx, cfg.Path, o.override, l, log) })
	}
	log.Info("polywire running", "http", "http://"+cfg.HTTP.Listen, "nats", b.ClientURL(), "search", backendName(cfg), "data", cfg.DataDir)
	err = g.Wait()
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return errors.Join(err, closeAll(append(closers, idx.Close, b.Close)...))
}

func backendName(cfg *config.Config) string {
	if cfg.Search.Backend == "" {
		return "bleve"
	}
	return cfg.Search.Backend
}

// newWebHandler builds the editors' UI/API; health reports the NATS
// connection.
func newWebHandler(idx search.Index, reg *prometheus.Registry, b *bus.Bus, l *live, log *slog.Logger) http.Handler {
	return web.New(web.Options{
		Index:    idx,
		Gatherer: reg,
		Health:   natsHealth(b),
		Logger:   log.With("component", "web"),
		Names:    l.entityName,
		Sources: func() []string {
			if l == nil {
				return nil
			}
			var ids []string
			for _, s := range l.allSources() {
				ids = append(ids, s.ID)
			}
			return ids
		},
	})
}

// natsHealth reports whether b is connected to NATS; nil b (serve) is
// always healthy.
func natsHealth(b *bus.Bus) func(context.Context) error {
	return func(context.Context) error {
		if b != nil && !b.Conn().IsConnected() {
			return errors.New("not connected to NATS")
		}
		return nil
	}
}

// serveHTTP serves h on addr until ctx ends, then shuts down gracefully.
func serveHTTP(ctx context.Context, addr string, h http.Handler, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("web: listening on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("web UI and API listening", "url", "http://"+ln.Addr().String())
	select {
	case err := <-errc:
		return fmt.Errorf("web: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// watchConfig reloads polywire.yaml, sources.yaml and the gazetteer when
// they change; an invalid change is logged and the previous config stays.
func watchConfig(ctx context.Context, path string, override func(*config.Config), l *live, log *slog.Logger) error {
	w := config.NewWatcher(path)
	w.Override = override
	w.Run(ctx, 2*time.Second,
		func(cfg *config.Config) { l.reload(cfg, log) },
		func(err error) { log.Error("configuration change rejected; keeping the previous one", "error", err) })
	return nil
}
