package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/polywire/polywire/locales"
	"github.com/polywire/polywire/search"
)

// Options configure the handler returned by New.
type Options struct {
	// Index is searched and read; required.
	Index search.Index
	// Gatherer is exposed at /metrics; nil means no /metrics route.
	Gatherer prometheus.Gatherer
	// Health reports whether the service can serve; nil means always healthy.
	// It is called with the request's context on every GET /healthz.
	Health func(ctx context.Context) error
	// Logger receives request logs at Debug and failures at Warn/Error; nil
	// discards them.
	Logger *slog.Logger
	// Sources lists the configured source ids offered by the UI's source
	// filter; nil means a free-text source field. Called per page view.
	Sources func() []string
	// Names resolves an entity id (RU-KYA, city:tokyo, person:…, org:…) to
	// its canonical name in a UI language, "" when unknown; nil shows
	// country names from CLDR and other ids as they are.
	Names func(id, lang string) string
}

// server holds what the handlers share; it is read-only after New.
type server struct {
	opts   Options
	log    *slog.Logger
	bundle *i18n.Bundle
	langs  *uiLanguages
	pages  *pageTemplates
}

// New returns the handler serving the API, the UI, /healthz and /metrics. It
// is safe for concurrent use. New does not fail: if Options.Index is nil or
// the embedded locales or templates cannot be loaded (a broken build, caught
// by the package tests), every request gets a 500 naming the problem and the
// problem is logged at Error.
func New(o Options) http.Handler {
	s, err := newServer(o)
	if err != nil {
		s.log.Error("web: handler unusable", "error", err)
		return s.middleware(broken(err))
	}
	return s.middleware(s.routes())
}

func newServer(o Options) (*server, error) {
	s := &server{opts: o, log: o.Logger}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if o.Index == nil {
		return s, errors.New("web: Options.Index is nil")
	}
	var err error
	if s.bundle, err = locales.Bundle(); err != nil {
		return s, fmt.Errorf("web: loading locales: %w", err)
	}
	s.langs = newUILanguages(s.bundle)
	if s.pages, err = parsePages(); err != nil {
		return s, fmt.Errorf("web: parsing templates: %w", err)
	}
	return s, nil
}

// broken answers every request with 500 and err.
func broken(err error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusInternalServerError, err.Error())
	})
}

func (s *server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/search", s.apiSearch)
	mux.HandleFunc("GET /api/stories/{id}", s.apiStory)
	mux.HandleFunc("GET /api/", s.apiNotFound)
	mux.HandleFunc("GET /healthz", s.healthz)
	if s.opts.Gatherer != nil {
		mux.Handle("GET /metrics", promhttp.HandlerFor(s.opts.Gatherer, promhttp.HandlerOpts{}))
	}
	mux.HandleFunc("GET /{$}", s.searchPage)
	mux.HandleFunc("GET /stories/{id}", s.storyPage)
	mux.HandleFunc("GET /", s.notFoundPage)
	return mux
}
