package libretranslate

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
	DefaultTimeout  = 30 * time.Second
	DefaultPairsTTL = 5 * time.Minute
	DefaultMaxChunk = 4 << 10
	maxResponse     = 16 << 20
)

// Options configure an Engine.
type Options struct {
	// APIKey is sent as api_key when set.
	APIKey string
	// Timeout bounds each HTTP request when Client is nil (default DefaultTimeout).
	Timeout time.Duration
	Client  *http.Client
	// PairsTTL is how long the language list is cached (default DefaultPairsTTL).
	PairsTTL time.Duration
	// MaxChunk is the largest text in bytes sent in one request (default
	// DefaultMaxChunk); servers are often run with a character limit.
	MaxChunk int
	Logger   *slog.Logger
	Now      func() time.Time
}

// Engine is a LibreTranslate client. It is safe for concurrent use.
type Engine struct {
	base   string
	client *http.Client
	opts   Options
	log    *slog.Logger

	mu      sync.Mutex
	codes   map[translate.Pair][2]string // pair → server codes (source, target)
	fetched time.Time
}

var _ translate.Engine = (*Engine)(nil)

// New returns an engine for the LibreTranslate server at baseURL; it does
// not contact the server.
func New(baseURL string, opts Options) *Engine {
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

// Name returns "libretranslate".
func (e *Engine) Name() string { return "libretranslate" }

// Translate translates plain text between two ISO 639-1 languages; see
// translate.Engine for the error classes.
func (e *Engine) Translate(ctx context.Context, from, to, text string) (string, error) {
	if strings.TrimSpace(text) == "" {
		return text, nil
	}
	codes, err := e.pairCodes(ctx)
	if err != nil {
		return "", err
	}
	c, ok := codes[translate.Pair{From: from, To: to}]
	if !ok {
		return "", pipeline.Permanent(fmt.Errorf("libretranslate: %s→%s: %w", from, to, translate.ErrUnsupportedPair))
	}
	out, err := translate.Chunked(ctx, text, e.opts.MaxChunk, func(ctx context.Context, chunk string) (string, error) {
		return e.post(ctx, c[0], c[1], chunk)
	})
	if err != nil {
		e.invalidate()
		return "", err
	}
	return out, nil
}

func (e *Engine) invalidate() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.fetched = time.Time{}
}
