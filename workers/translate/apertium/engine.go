package apertium

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/translate"
)

// Defaults of Options.
const (
	DefaultURL      = "http://127.0.0.1:2737"
	DefaultTimeout  = 30 * time.Second
	DefaultPairsTTL = 5 * time.Minute
	DefaultMaxChunk = 8 << 10
	// maxResponse bounds an APY answer.
	maxResponse = 16 << 20
)

// Options configure an Engine.
type Options struct {
	// Timeout bounds each HTTP request (default DefaultTimeout); it applies
	// when Client is nil.
	Timeout time.Duration
	// Client replaces the default HTTP client.
	Client *http.Client
	// PairsTTL is how long the pair list is cached (default
	// DefaultPairsTTL); a failed translation also clears the cache.
	PairsTTL time.Duration
	// MaxChunk is the largest text in bytes sent in one request (default
	// DefaultMaxChunk).
	MaxChunk int
	Logger   *slog.Logger
	// Now is the clock of the pair cache (default time.Now).
	Now func() time.Time
}

// Engine is an Apertium APY client. It is safe for concurrent use.
type Engine struct {
	base   string
	client *http.Client
	opts   Options
	log    *slog.Logger
	cache  pairCache
}

var _ translate.Engine = (*Engine)(nil)

// New returns an engine for the APY server at baseURL
// (e.g. http://127.0.0.1:2737); it does not contact the server.
func New(baseURL string, opts Options) *Engine {
	if baseURL == "" {
		baseURL = DefaultURL
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.PairsTTL <= 0 {
		opts.PairsTTL = DefaultPairsTTL
	}
	if opts.MaxChunk <= 0 {
		opts.MaxChunk = DefaultMaxChunk
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	e := &Engine{base: strings.TrimRight(baseURL, "/"), client: opts.Client, opts: opts, log: opts.Logger}
	if e.client == nil {
		e.client = &http.Client{Timeout: opts.Timeout}
	}
	if e.log == nil {
		e.log = slog.New(slog.DiscardHandler)
	}
	return e
}

// Name returns "apertium".
func (e *Engine) Name() string { return "apertium" }

// Translate translates text from one ISO 639-1 language to another. A pair
// APY does not list is a permanent error wrapping
// translate.ErrUnsupportedPair; see translate.Engine for the error classes.
func (e *Engine) Translate(ctx context.Context, from, to, text string) (string, error) {
	if strings.TrimSpace(text) == "" {
		return text, nil
	}
	codes, err := e.pairCodes(ctx)
	if err != nil {
		return "", err
	}
	langpair, ok := codes[translate.Pair{From: from, To: to}]
	if !ok {
		return "", pipeline.Permanent(fmt.Errorf("apertium: %s→%s: %w", from, to, translate.ErrUnsupportedPair))
	}
	out, err := translate.Chunked(ctx, text, e.opts.MaxChunk, func(ctx context.Context, chunk string) (string, error) {
		return e.post(ctx, langpair, chunk)
	})
	if err != nil {
		e.cache.invalidate()
		return "", err
	}
	return out, nil
}

// pairCache holds the last /listPairs answer.
type pairCache struct {
	refresh sync.Mutex // one fetch at a time
	mu      sync.Mutex
	codes   map[translate.Pair]string // pair → APY langpair "eng|spa"
	fetched time.Time
	stale   bool
}

func (c *pairCache) get(now time.Time, ttl time.Duration) (map[translate.Pair]string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fresh := c.codes != nil && !c.stale && now.Sub(c.fetched) < ttl
	return c.codes, fresh
}

func (c *pairCache) set(codes map[translate.Pair]string, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.codes, c.fetched, c.stale = codes, now, false
}

func (c *pairCache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stale = true
}
