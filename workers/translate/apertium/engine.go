package apertium

import (
	"context"
	"net/http"
	"strings"
	"time"

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

// Options configure an Engine; a zero field takes its default (DefaultTimeout,
// DefaultPairsTTL, DefaultMaxChunk, see translate.HTTPOptions for the rest).
type Options = translate.HTTPOptions

// Engine is an Apertium APY client. It is safe for concurrent use.
type Engine struct {
	base   string
	client *http.Client
	core   *translate.HTTPEngine[string] // pair cache and Translate flow; codes are APY langpairs "eng|spa"
}

var _ translate.Engine = (*Engine)(nil)

// New returns an engine for the APY server at baseURL
// (e.g. http://127.0.0.1:2737); it does not contact the server.
func New(baseURL string, opts Options) *Engine {
	if baseURL == "" {
		baseURL = DefaultURL
	}
	o := opts.WithDefaults(Options{Timeout: DefaultTimeout, PairsTTL: DefaultPairsTTL, MaxChunk: DefaultMaxChunk})
	e := &Engine{base: strings.TrimRight(baseURL, "/"), client: o.Client}
	e.core = translate.NewHTTPEngine("apertium", e.base, o, e.fetchPairs, e.post)
	return e
}

// Name returns "apertium".
func (e *Engine) Name() string { return "apertium" }

// Translate translates text from one ISO 639-1 language to another. A pair
// APY does not list is a permanent error wrapping
// translate.ErrUnsupportedPair; see translate.Engine for the error classes.
func (e *Engine) Translate(ctx context.Context, from, to, text string) (string, error) {
	return e.core.Translate(ctx, from, to, text)
}
