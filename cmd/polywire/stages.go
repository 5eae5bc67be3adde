package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/httpx"
	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/workers/extract"
	"github.com/polywire/polywire/workers/fetch"
	"github.com/polywire/polywire/workers/index"
	"github.com/polywire/polywire/workers/schedule"
	"github.com/polywire/polywire/workers/tag"
	"github.com/polywire/polywire/workers/tag/gazetteer"
	"github.com/polywire/polywire/workers/translate"
	"github.com/polywire/polywire/workers/translate/apertium"
)

// live holds what hot reload swaps while stages run: the sources and the
// tagger's gazetteer.
type live struct {
	cfg     atomic.Pointer[config.Config]
	sources atomic.Pointer[[]config.Source]
	gaz     atomic.Pointer[gazetteer.Gazetteer]
	tagger  *tag.Tagger
}

func newLive(cfg *config.Config) (*live, error) {
	g, err := loadGazetteer(cfg)
	if err != nil {
		return nil, err
	}
	l := &live{tagger: tag.New(g)}
	l.gaz.Store(g)
	l.setConfig(cfg)
	return l, nil
}

func (l *live) setConfig(cfg *config.Config) {
	l.cfg.Store(cfg)
	src := slices.Clone(cfg.Sources)
	l.sources.Store(&src)
}

func (l *live) allSources() []config.Source { return *l.sources.Load() }

func (l *live) source(id string) (config.Source, bool) {
	for _, s := range l.allSources() {
		if s.ID == id {
			return s, true
		}
	}
	return config.Source{}, false
}

// reload applies a changed configuration: new sources at once, a new
// gazetteer if it loads (the previous one stays otherwise).
func (l *live) reload(cfg *config.Config, log *slog.Logger) {
	g, err := loadGazetteer(cfg)
	if err != nil {
		log.Error("gazetteer reload failed; keeping the previous one", "error", err)
	} else {
		l.tagger.Swap(g)
		l.gaz.Store(g)
	}
	l.setConfig(cfg)
	log.Info("configuration reloaded", "sources", len(cfg.Sources))
}

// entityName names a gazetteer id in lang (falling back to English), ""
// when the gazetteer does not know it; the web UI labels facets with it.
func (l *live) entityName(id, lang string) string {
	g := l.gaz.Load()
	if p, ok := g.Place(id); ok {
		return p.Names.Canonical(lang)
	}
	if p, ok := g.Person(id); ok {
		return p.Names.Canonical(lang)
	}
	if o, ok := g.Org(id); ok {
		return o.Names.Canonical(lang)
	}
	return ""
}

func loadGazetteer(cfg *config.Config) (*gazetteer.Gazetteer, error) {
	return gazetteer.LoadDirs(config.DefaultGazetteer(), cfg.GazetteerPaths()...)
}

// stageDeps are the long-lived dependencies stages need.
type stageDeps struct {
	bus   *bus.Bus
	live  *live
	index search.Index // only for the index stage
	log   *slog.Logger
}

// startStages runs the named stages in g until ctx ends. It returns
// functions to call after g finished (flushing the indexer).
func startStages(ctx context.Context, g *errgroup.Group, d stageDeps, stages []string) ([]func() error, error) {
	cfg := d.live.cfg.Load()
	conc := cfg.Pipeline.Concurrency
	var closers []func() error
	for _, st := range stages {
		log := d.log.With("stage", st)
		switch st {
		case pipeline.StageSchedule:
			kv, err := d.bus.KeyValue(ctx, "polywire_fetch", 0)
			if err != nil {
				return nil, err
			}
			health := func(src config.Source) fetch.Health { h, _, _ := fetch.ReadHealth(ctx, kv, src.ID); return h }
			s := &schedule.Scheduler{
				Sources: d.live.allSources,
				Publish: func(ctx context.Context, j *pipeline.FetchJob) error { _, err := d.bus.PublishJob(ctx, j); return err },
				// adaptive polling within min/max_interval, and the waits
				// servers asked for (Retry-After, Cache-Control), from the
				// health records the fetcher writes
				Interval: func(src config.Source) time.Duration {
					return schedule.Adaptive(src, health(src).LastNewItem, time.Now())
				},
				NotBefore: func(src config.Source) time.Time { return health(src).NotBefore },
				Logger:    log,
			}
			g.Go(func() error { return s.Run(ctx) })
		case pipeline.StageFetch:
			kv, err := d.bus.KeyValue(ctx, "polywire_fetch", 0)
			if err != nil {
				return nil, err
			}
			fc := cfg.Fetch
			client := func(private bool) *httpx.Client {
				o := httpx.Options{AllowPrivate: private, Timeout: fc.Timeout.D(), MaxBodyBytes: fc.MaxBodyBytes,
					MaxRedirects: fc.MaxRedirects, PerHostConcurrency: fc.PerHostConcurrency, PerHostInterval: fc.PerHostInterval.D()}
				if private {
					o.PerHostInterval = 0 // allow_private sources are local or licensed infrastructure (docs/sources.md)
				}
				return httpx.New(o)
			}
			f := fetch.New(fetch.Options{Sources: d.live.source, Seen: kv, Logger: log, Client: client(false), PrivateClient: client(true),
				OnHealth: func(source string, old, new fetch.Health) {
					ev, ok := fetch.NewHealthEvent(source, old, new)
					if !ok {
						return
					}
					if err := d.bus.PublishEvent(ctx, source, ev); err != nil {
						log.Warn("publishing source health event failed", "source", source, "error", err)
					}
				}})
			g.Go(func() error {
				return bus.Run(ctx, d.bus, bus.Spec[pipeline.FetchJob, pipeline.RawItem]{
					Stage: st, Input: pipeline.SubjectJobs + ".>", OutputKind: pipeline.KindRaw, Fn: f.Stage, Concurrency: conc})
			})
		case pipeline.StageExtract:
			e := extract.New(extract.Options{Rules: func(id string) config.ExtractRules {
				s, _ := d.live.source(id)
				return s.Extract
			}, Logger: log})
			g.Go(func() error {
				return bus.Run(ctx, d.bus, bus.Spec[pipeline.RawItem, pipeline.Story]{
					Stage: st, Input: inputOf(pipeline.KindRaw), OutputKind: pipeline.KindExtracted, Fn: e.Stage, Concurrency: conc})
			})
		case pipeline.StageTag:
			g.Go(func() error {
				return bus.Run(ctx, d.bus, bus.Spec[pipeline.Story, pipeline.Story]{
					Stage: st, Input: inputOf(pipeline.KindExtracted), OutputKind: pipeline.KindTagged, Fn: d.live.tagger.Stage, Concurrency: conc})
			})
		case pipeline.StageTranslate:
			tr, stop := newTranslator(ctx, cfg, log)
			closers = append(closers, stop)
			g.Go(func() error {
				return bus.Run(ctx, d.bus, bus.Spec[pipeline.Story, pipeline.Story]{
					Stage: st, Input: inputOf(pipeline.KindTagged), OutputKind: pipeline.KindTranslated, Fn: tr.Stage, Concurrency: conc})
			})
		case pipeline.StageIndex:
			if d.index == nil {
				return nil, fmt.Errorf("stage index needs a search index")
			}
			ix := index.New(d.index, index.Options{Logger: log})
			closers = append(closers, ix.Close)
			g.Go(func() error {
				return bus.Run(ctx, d.bus, bus.Spec[pipeline.Story, pipeline.Story]{
					Stage: st, Input: inputOf(pipeline.KindTranslated), OutputKind: pipeline.KindIndexed, Fn: ix.Stage, Concurrency: max(conc, 8)})
			})
		default:
			return nil, fmt.Errorf("%w: unknown stage %q (stages: %v)", errUsage, st, pipeline.Stages)
		}
		log.Info("stage started")
	}
	return closers, nil
}

func inputOf(kind string) string { return pipeline.SubjectRoot + "." + kind + ".>" }

// newTranslator builds the translate stage with the Apertium engine,
// starting apertium-apy when configured to and installed. The returned stop
// func ends an APY process we started.
func newTranslator(ctx context.Context, cfg *config.Config, log *slog.Logger) (*translate.Translator, func() error) {
	ac := cfg.Translate.Apertium
	stop := func() error { return nil }
	var engines []translate.Engine
	switch s, err := ensureAPY(ctx, ac, log); {
	case errors.Is(err, apertium.ErrNotInstalled):
		log.Warn("Apertium APY is not installed and does not answer; stories will say which pairs have no engine", "url", ac.URL)
	default:
		if err != nil {
			log.Warn("Apertium APY not started; translations fail until it answers", "url", ac.URL, "error", err)
		} else {
			stop = s
		}
		engines = append(engines, apertium.New(ac.URL, apertium.Options{Timeout: ac.Timeout.D(), Logger: log}))
	}
	tr := translate.New(translate.Options{Engines: engines, Targets: cfg.Translate.Targets, Logger: log, Now: time.Now})
	return tr, stop
}

// ensureAPY starts apertium-apy when configured to (start: auto) and nothing
// answers; with start: never it assumes the server is managed elsewhere.
func ensureAPY(ctx context.Context, ac config.ApertiumConfig, log *slog.Logger) (func() error, error) {
	if ac.Start == "never" {
		return func() error { return nil }, nil
	}
	return apertium.EnsureAPY(ctx, ac.URL, log)
}
