package fetch

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/httpx"
)

// DefaultShortContent is the length in characters under which an item's
// feed content counts as a summary (so pages: auto fetches the page).
const DefaultShortContent = 250

// pageWorkers bounds concurrent article page requests of one job.
const pageWorkers = 4

// Options configure a Fetcher. Every field is optional.
type Options struct {
	// Sources looks up a configured source by id (Stage needs it; a job for
	// an unknown source is a permanent error).
	Sources func(id string) (config.Source, bool)
	// Seen keeps seen marks, validators and health; nil uses a MemStore
	// (the CLI; nothing survives the process).
	Seen Store
	// Client fetches for sources without allow_private; the default refuses
	// non-public addresses. PrivateClient serves allow_private sources; the
	// default allows them. Share clients between fetchers.
	Client        *httpx.Client
	PrivateClient *httpx.Client
	Logger        *slog.Logger
	// Now is the clock (default time.Now).
	Now func() time.Time
	// ShortContent overrides DefaultShortContent.
	ShortContent int
	// OnHealth is called after a job changed its source's health state
	// (ok, failing, stale, never succeeded), with the records before and
	// after; NewHealthEvent turns the pair into an event. It runs on the
	// job's goroutine and must not block for long. Nil: no calls.
	OnHealth func(source string, old, new Health)
	// Registerer receives the per-source metrics (polls, failures, new
	// items, last success, stale); nil registers nothing.
	Registerer prometheus.Registerer
	// OnRejected is called for an input that cannot be used and did not
	// arrive as a message of its own — an unreadable or unparseable file in
	// an agency drop directory — with its URL, the reason and its bytes (nil
	// when unreadable); the caller dead-letters it. Nil: logged only.
	OnRejected func(ctx context.Context, source, url string, reason error, data []byte)
}

// Fetcher is the fetch stage. It is safe for concurrent use.
type Fetcher struct {
	opts    Options
	log     *slog.Logger
	robots  robotsCache
	metrics *metrics
	// parses counts documents parsed (benchmarks prove a 304 parses nothing).
	parses atomic.Int64
}

// New returns a Fetcher with opts' defaults filled in.
func New(opts Options) *Fetcher {
	if opts.Sources == nil {
		opts.Sources = func(string) (config.Source, bool) { return config.Source{}, false }
	}
	if opts.Seen == nil {
		opts.Seen = NewMemStore()
	}
	if opts.Client == nil {
		opts.Client = httpx.New(httpx.Options{})
	}
	if opts.PrivateClient == nil {
		opts.PrivateClient = httpx.New(httpx.Options{AllowPrivate: true})
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.ShortContent <= 0 {
		opts.ShortContent = DefaultShortContent
	}
	m, err := newMetrics(opts.Registerer)
	if err != nil {
		opts.Logger.Warn("fetch metrics disabled", "error", err)
	}
	return &Fetcher{opts: opts, log: opts.Logger, metrics: m}
}

func (f *Fetcher) client(src config.Source) *httpx.Client {
	if src.AllowPrivate {
		return f.opts.PrivateClient
	}
	return f.opts.Client
}
