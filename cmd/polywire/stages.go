package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
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
	"github.com/polywire/polywire/workers/translate/libretranslate"
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
	reg   prometheus.Registerer
	log   *slog.Logger
}

// fetchBucket is the KV bucket of the fetch stage: seen items, HTTP
// validators and source health.
const fetchBucket = "polywire_fetch"

// stageStarter starts one stage in g; it may return a func to call after g
// finished (flushing the indexer, stopping an engine).
type stageStarter func(ctx context.Context, g *errgroup.Group, d stageDeps, log *slog.Logger) (func() error, error)

var stageStarters = map[string]stageStarter{
	pipeline.StageSchedule:  startSchedule,
	pipeline.StageFetch:     startFetch,
	pipeline.StageExtract:   startExtract,
	pipeline.StageTag:       startTag,
	pipeline.StageTranslate: startTranslate,
	pipeline.StageIndex:     startIndex,
}

// startStages runs the named stages in g until ctx ends. It returns
// functions to call after g finished.
func startStages(ctx context.Context, g *errgroup.Group, d stageDeps, stages []string) ([]func() error, error) {
	var closers []func() error
	for _, st := range stages {
		start, ok := stageStarters[st]
		if !ok {
			return closers, fmt.Errorf("%w: unknown stage %q (stages: %v)", errUsage, st, pipeline.Stages)
		}
		log := d.log.With("stage", st)
		closer, err := start(ctx, g, d, log)
		if err != nil {
			return closers, fmt.Errorf("starting stage %s: %w", st, err)
		}
		if closer != nil {
			closers = append(closers, closer)
		}
		log.Info("stage started")
	}
	return closers, nil
}

// run starts bus.Run for one consuming stage.
func run[In, Out any, PIn interface {
	*In
	pipeline.Message
}, POut interface {
	*Out
	pipeline.Message
}](ctx context.Context, g *errgroup.Group, d stageDeps, stage, input, output string, fn pipeline.Stage[*In, *Out], conc int) {
	g.Go(func() error {
		return bus.Run[In, Out, PIn, POut](ctx, d.bus, bus.Spec[In, Out]{Stage: stage, Input: input, OutputKind: output, Fn: fn, Concurrency: conc})
	})
}

func startSchedule(ctx context.Context, g *errgroup.Group, d stageDeps, log *slog.Logger) (func() error, error) {
	kv, err := d.bus.KeyValue(ctx, fetchBucket, 0)
	if err != nil {
		return nil, err
	}
	health := func(src config.Source) fetch.Health { h, _, _ := fetch.ReadHealth(ctx, kv, src.ID); return h }
	s := &schedule.Scheduler{
		Sources: d.live.allSources,
		Publish: func(ctx context.Context, j *pipeline.FetchJob) error { _, err := d.bus.PublishJob(ctx, j); return err },
		// adaptive polling within min/max_interval, and the waits servers
		// asked for (Retry-After, Cache-Control), from the health records the
		// fetcher writes
		Interval: func(src config.Source) time.Duration {
			return schedule.Adaptive(src, health(src).LastNewItem, time.Now())
		},
		NotBefore: func(src config.Source) time.Time { return health(src).NotBefore },
		Logger:    log,
	}
	g.Go(func() error { return s.Run(ctx) })
	return nil, nil
}

func startFetch(ctx context.Context, g *errgroup.Group, d stageDeps, log *slog.Logger) (func() error, error) {
	kv, err := d.bus.KeyValue(ctx, fetchBucket, 0)
	if err != nil {
		return nil, err
	}
	cfg := d.live.cfg.Load()
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
		Registerer: d.reg,
		OnRejected: func(ctx context.Context, source, url string, reason error, data []byte) {
			r := bus.Rejected{Stage: pipeline.StageFetch, Source: source, URL: url, Reason: reason.Error(), Data: data}
			if _, err := d.bus.PublishDeadLetter(ctx, r); err != nil {
				log.Error("dead-lettering a rejected drop file failed", "source", source, "url", url, "error", err)
			}
		},
		OnHealth: func(source string, old, new fetch.Health) {
			ev, ok := fetch.NewHealthEvent(source, old, new)
			if !ok {
				return
			}
			if err := d.bus.PublishEvent(ctx, source, ev); err != nil {
				log.Warn("publishing source health event failed", "source", source, "error", err)
			}
		}})
	run[pipeline.FetchJob, pipeline.RawItem](ctx, g, d, pipeline.StageFetch, pipeline.SubjectJobs+".>", pipeline.KindRaw, f.Stage, cfg.Pipeline.Concurrency)
	return nil, nil
}

func startExtract(ctx context.Context, g *errgroup.Group, d stageDeps, log *slog.Logger) (func() error, error) {
	e := extract.New(extract.Options{Rules: func(id string) config.ExtractRules {
		s, _ := d.live.source(id)
		return s.Extract
	}, Logger: log})
	run[pipeline.RawItem, pipeline.Story](ctx, g, d, pipeline.StageExtract, inputOf(pipeline.KindRaw), pipeline.KindExtracted, e.Stage, d.live.cfg.Load().Pipeline.Concurrency)
	return nil, nil
}

func startTag(ctx context.Context, g *errgroup.Group, d stageDeps, log *slog.Logger) (func() error, error) {
	run[pipeline.Story, pipeline.Story](ctx, g, d, pipeline.StageTag, inputOf(pipeline.KindExtracted), pipeline.KindTagged, d.live.tagger.Stage, d.live.cfg.Load().Pipeline.Concurrency)
	return nil, nil
}

func startTranslate(ctx context.Context, g *errgroup.Group, d stageDeps, log *slog.Logger) (func() error, error) {
	cfg := d.live.cfg.Load()
	tr, stop := newTranslator(ctx, cfg, log)
	run[pipeline.Story, pipeline.Story](ctx, g, d, pipeline.StageTranslate, inputOf(pipeline.KindTagged), pipeline.KindTranslated, tr.Stage, cfg.Pipeline.Concurrency)
	return stop, nil
}

func startIndex(ctx context.Context, g *errgroup.Group, d stageDeps, log *slog.Logger) (func() error, error) {
	if d.index == nil {
		return nil, fmt.Errorf("stage index needs a search index")
	}
	ix := index.New(d.index, index.Options{Logger: log})
	// The indexer batches concurrent calls into one upsert: more in flight,
	// bigger batches.
	run[pipeline.Story, pipeline.Story](ctx, g, d, pipeline.StageIndex, inputOf(pipeline.KindTranslated), pipeline.KindIndexed, ix.Stage, max(d.live.cfg.Load().Pipeline.Concurrency, 8))
	return ix.Close, nil
}

func inputOf(kind string) string { return pipeline.SubjectRoot + "." + kind + ".>" }

// newTranslator builds the translate stage with its engines in order of
// preference: Apertium (starting apertium-apy when configured to and
// installed), then LibreTranslate when translate.libretranslate.url is set.
// A pair goes to the first engine that lists it, so LibreTranslate serves
// what Apertium lacks (ru→en). The returned stop func ends an APY process
// we started.
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
	if lc := cfg.Translate.LibreTranslate; lc.URL != "" {
		engines = append(engines, libretranslate.New(lc.URL, libretranslate.Options{APIKey: lc.APIKey, Timeout: lc.Timeout.D(), Logger: log}))
	}
	names := make([]string, len(engines))
	for i, e := range engines {
		names[i] = e.Name()
	}
	log.Info("translation engines configured", "engines", names, "targets", cfg.Translate.Targets)
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
