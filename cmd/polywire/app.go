package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/search/bleve"
	"github.com/polywire/polywire/search/meili"
)

// serverFlags are the flags shared by run, worker and serve, with defaults
// from POLYWIRE_* environment variables.
type serverFlags struct {
	config     string
	data       string
	http       string
	nats       string
	natsListen string
	backend    string
	meiliURL   string
	meiliKey   string
	apertium   string
	libreKey   string
}

func (f *serverFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.config, "config", envOr("POLYWIRE_CONFIG", ""), "polywire.yaml (default: embedded defaults)")
	fs.StringVar(&f.data, "data", envOr("POLYWIRE_DATA", ""), "data directory (embedded NATS store, Bleve index); overrides data_dir")
	fs.StringVar(&f.http, "http", envOr("POLYWIRE_HTTP", ""), "web UI/API listen address; overrides http.listen")
	fs.StringVar(&f.nats, "nats", envOr("POLYWIRE_NATS_URL", ""), "external NATS URL; empty runs the embedded server")
	fs.StringVar(&f.natsListen, "nats-listen", envOr("POLYWIRE_NATS_LISTEN", ""), "embedded NATS listener for subscribers (default 127.0.0.1:4222), or off")
	fs.StringVar(&f.backend, "search", envOr("POLYWIRE_SEARCH", ""), "search backend: bleve or meilisearch; overrides search.backend")
	fs.StringVar(&f.meiliURL, "meilisearch-url", envOr("POLYWIRE_MEILISEARCH_URL", ""), "Meilisearch URL (implies --search meilisearch)")
	fs.StringVar(&f.meiliKey, "meilisearch-key", envOr("POLYWIRE_MEILISEARCH_KEY", ""), "Meilisearch API key")
	fs.StringVar(&f.apertium, "apertium-url", envOr("POLYWIRE_APERTIUM_URL", ""), "Apertium APY URL; overrides translate.apertium.url")
	fs.StringVar(&f.libreKey, "libretranslate-key", envOr("POLYWIRE_LIBRETRANSLATE_API_KEY", ""), "LibreTranslate API key; overrides translate.libretranslate.api_key")
}

// load reads the configuration, applying the flag overrides before
// validation.
func (f *serverFlags) load() (*config.Config, error) {
	return config.LoadWith(f.config, f.override)
}

func (f *serverFlags) override(cfg *config.Config) {
	if f.data != "" {
		cfg.DataDir = f.data
	}
	if f.http != "" {
		cfg.HTTP.Listen = f.http
	}
	if f.nats != "" {
		cfg.NATS.URL = f.nats
	}
	if f.natsListen != "" {
		cfg.NATS.Listen = f.natsListen
	}
	if f.meiliURL != "" {
		cfg.Search.Backend = "meilisearch"
		cfg.Search.Meilisearch.URL = f.meiliURL
	}
	if f.meiliKey != "" {
		cfg.Search.Meilisearch.APIKey = f.meiliKey
	}
	if f.apertium != "" {
		cfg.Translate.Apertium.URL = f.apertium
	}
	if f.libreKey != "" {
		cfg.Translate.LibreTranslate.APIKey = f.libreKey
	}
	if f.backend != "" {
		cfg.Search.Backend = f.backend
	}
}

// openBus starts the embedded NATS server or connects to cfg.NATS.URL.
func openBus(ctx context.Context, cfg *config.Config, log *slog.Logger, reg prometheus.Registerer, listen bool) (*bus.Bus, error) {
	o := bus.Options{
		URL:         cfg.NATS.URL,
		DataDir:     cfg.DataDir,
		MaxPayload:  cfg.NATS.MaxPayload,
		MaxAttempts: cfg.Pipeline.MaxAttempts,
		Retention:   cfg.Pipeline.Retention.D(),
		Logger:      log,
		Registerer:  reg,
	}
	for _, d := range cfg.Pipeline.Backoff {
		o.Backoff = append(o.Backoff, d.D())
	}
	if listen && !strings.EqualFold(cfg.NATS.Listen, "off") {
		o.Listen = cfg.NATS.Listen
	}
	b, err := bus.Open(ctx, o)
	if err != nil {
		return nil, fmt.Errorf("opening NATS: %w", err)
	}
	return b, nil
}

// openIndex opens the configured search backend.
func openIndex(ctx context.Context, cfg *config.Config, log *slog.Logger) (search.Index, error) {
	switch cfg.Search.Backend {
	case "meilisearch":
		m := cfg.Search.Meilisearch
		return meili.Open(ctx, meili.Options{URL: m.URL, APIKey: m.APIKey, Index: m.Index, Logger: log})
	case "", "bleve":
		return bleve.Open(filepath.Join(cfg.DataDir, "index"))
	default:
		return nil, fmt.Errorf("unknown search backend %q (bleve or meilisearch)", cfg.Search.Backend)
	}
}

// newRegistry is the Prometheus registry of one process, with Go and process
// collectors.
func newRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}

// closeAll closes in order and joins the errors.
func closeAll(closers ...func() error) error {
	var errs []error
	for _, c := range closers {
		if c == nil {
			continue
		}
		if err := c(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
