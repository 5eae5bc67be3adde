package libretranslate

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"time"

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
	apiKey string
	core   *translate.HTTPEngine[[2]string] // pair cache and Translate flow; codes are the server's (source, target)
}

var _ translate.Engine = (*Engine)(nil)

// New returns an engine for the LibreTranslate server at baseURL; it does
// not contact the server.
func New(baseURL string, opts Options) *Engine {
	o := translate.HTTPOptions{
		Timeout: opts.Timeout, Client: opts.Client, PairsTTL: opts.PairsTTL,
		MaxChunk: opts.MaxChunk, Logger: opts.Logger, Now: opts.Now,
	}.WithDefaults(translate.HTTPOptions{Timeout: DefaultTimeout, PairsTTL: DefaultPairsTTL, MaxChunk: DefaultMaxChunk})
	e := &Engine{base: strings.TrimRight(baseURL, "/"), client: o.Client, apiKey: opts.APIKey}
	e.core = translate.NewHTTPEngine("libretranslate", e.base, o, e.fetchLanguages, e.post)
	return e
}

// Name returns "libretranslate".
func (e *Engine) Name() string { return "libretranslate" }

// Translate translates plain text between two ISO 639-1 languages; see
// translate.Engine for the error classes.
func (e *Engine) Translate(ctx context.Context, from, to, text string) (string, error) {
	return e.core.Translate(ctx, from, to, text)
}
