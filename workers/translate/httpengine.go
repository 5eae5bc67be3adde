package translate

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/polywire/polywire/pipeline"
)

// HTTPOptions are the options of an HTTP engine (the Options of package
// apertium; package libretranslate adds an API key). The defaults of
// Timeout, PairsTTL and MaxChunk are the engine's; see WithDefaults.
type HTTPOptions struct {
	// Timeout bounds each HTTP request; it applies when Client is nil.
	Timeout time.Duration
	// Client replaces the default HTTP client.
	Client *http.Client
	// PairsTTL is how long the pair list is cached; a failed translation
	// also clears the cache.
	PairsTTL time.Duration
	// MaxChunk is the largest text in bytes sent in one request.
	MaxChunk int
	// Logger receives a warning when a refresh of the pair list fails and
	// the last list is used (default: discarded).
	Logger *slog.Logger
	// Now is the clock of the pair cache (default time.Now).
	Now func() time.Time
}

// WithDefaults returns o with its zero Timeout, PairsTTL and MaxChunk taken
// from def, a nil Now set to time.Now, a nil Logger to one that discards,
// and a nil Client to an http.Client with the Timeout.
func (o HTTPOptions) WithDefaults(def HTTPOptions) HTTPOptions {
	if o.Timeout <= 0 {
		o.Timeout = def.Timeout
	}
	if o.PairsTTL <= 0 {
		o.PairsTTL = def.PairsTTL
	}
	if o.MaxChunk <= 0 {
		o.MaxChunk = def.MaxChunk
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: o.Timeout}
	}
	return o
}

// HTTPEngine is the part of an HTTP translation engine that does not depend
// on the server's API: the cached pair list and the Translate flow. An
// engine package supplies how to list its server's pairs and how to post one
// chunk; C is the server's code for a pair (APY's "eng|spa",
// LibreTranslate's source and target). It is safe for concurrent use.
type HTTPEngine[C any] struct {
	name      string
	url       string
	opts      HTTPOptions
	listPairs func(ctx context.Context) (map[Pair]C, error)
	post      func(ctx context.Context, code C, chunk string) (string, error)
	cache     pairCache[C]
}

// NewHTTPEngine returns the core of the engine called name (it prefixes
// errors and log messages) for the server at url (logged). opts should have
// been through WithDefaults. listPairs asks the server for the pairs it
// serves, each with its code; post translates one chunk in one request.
func NewHTTPEngine[C any](name, url string, opts HTTPOptions,
	listPairs func(ctx context.Context) (map[Pair]C, error),
	post func(ctx context.Context, code C, chunk string) (string, error),
) *HTTPEngine[C] {
	return &HTTPEngine[C]{name: name, url: url, opts: opts, listPairs: listPairs, post: post}
}

// Pairs returns the served pairs, sorted, from a cache refreshed every
// PairsTTL and after a failed translation. When a refresh fails and an
// older list is known, that list is returned (translations then fail with
// the server's own error); with no list at all the error is returned.
func (h *HTTPEngine[C]) Pairs(ctx context.Context) ([]Pair, error) {
	codes, err := h.pairCodes(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Pair, 0, len(codes))
	for p := range codes {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b Pair) int { return strings.Compare(a.From+a.To, b.From+b.To) })
	return out, nil
}

// Translate implements Engine.Translate: blank text is returned unchanged,
// a pair the server does not list is a permanent ErrUnsupportedPair, and
// the text goes out in chunks of at most MaxChunk bytes (see Chunked). A
// failed translation clears the pair cache, as the server may have changed.
func (h *HTTPEngine[C]) Translate(ctx context.Context, from, to, text string) (string, error) {
	if strings.TrimSpace(text) == "" {
		return text, nil
	}
	codes, err := h.pairCodes(ctx)
	if err != nil {
		return "", err
	}
	code, ok := codes[Pair{From: from, To: to}]
	if !ok {
		return "", pipeline.Permanent(fmt.Errorf("%s: %s→%s: %w", h.name, from, to, ErrUnsupportedPair))
	}
	out, err := Chunked(ctx, text, h.opts.MaxChunk, func(ctx context.Context, chunk string) (string, error) {
		return h.post(ctx, code, chunk)
	})
	if err != nil {
		h.cache.invalidate()
		return "", err
	}
	return out, nil
}

func (h *HTTPEngine[C]) pairCodes(ctx context.Context) (map[Pair]C, error) {
	if codes, fresh := h.cache.get(h.opts.Now(), h.opts.PairsTTL); fresh {
		return codes, nil
	}
	h.cache.refresh.Lock()
	defer h.cache.refresh.Unlock()
	old, fresh := h.cache.get(h.opts.Now(), h.opts.PairsTTL)
	if fresh { // another caller refreshed while we waited
		return old, nil
	}
	codes, err := h.listPairs(ctx)
	if err == nil {
		h.cache.set(codes, h.opts.Now())
		return codes, nil
	}
	if old != nil && ctx.Err() == nil {
		h.opts.Logger.Warn(h.name+": listing pairs failed, using the last list", "url", h.url, "error", err)
		return old, nil
	}
	return nil, err
}

// SendHTTP sends req with client for an HTTP engine. When no answer comes,
// the error is the request context's error (joined with the client's) once
// that context is done, and otherwise a retryable ErrUnavailable. The caller
// closes the body of the response.
func SendHTTP(client *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := client.Do(req)
	if err != nil {
		if ctxErr := req.Context().Err(); ctxErr != nil {
			return nil, errors.Join(ctxErr, err)
		}
		return nil, fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	return resp, nil
}

// pairCache holds the last pair list. Readers of a fresh list never wait
// for a refresh; refresh serialises the refreshes.
type pairCache[C any] struct {
	refresh sync.Mutex // one fetch at a time
	mu      sync.Mutex
	codes   map[Pair]C
	fetched time.Time
	stale   bool
}

func (c *pairCache[C]) get(now time.Time, ttl time.Duration) (map[Pair]C, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fresh := c.codes != nil && !c.stale && now.Sub(c.fetched) < ttl
	return c.codes, fresh
}

func (c *pairCache[C]) set(codes map[Pair]C, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.codes, c.fetched, c.stale = codes, now, false
}

func (c *pairCache[C]) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stale = true
}
