package translate

import (
	"context"
	"errors"
)

// Pair is a translation direction in ISO 639-1 codes, e.g. {From: "es", To: "en"}.
type Pair struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// String returns "es→en".
func (p Pair) String() string { return p.From + "→" + p.To }

// Engine is a machine-translation service.
//
// Pairs lists the directions the engine serves, in ISO 639-1 codes; it may
// answer from a cache. Translate translates plain text from one ISO 639-1
// language into another, keeping paragraph breaks (blank lines); empty or
// blank text translates to itself without asking the service.
//
// Errors from Translate fall into the two pipeline classes: a
// pipeline.PermanentError (the pair is not served, the service rejected the
// request, it answered with an empty translation) will fail again on retry;
// any other error (service down, timeout, overload) is worth retrying, and a
// pipeline.RetryAfterError carries the delay the service asked for.
// Implementations are safe for concurrent use and honour ctx.
type Engine interface {
	Name() string
	Pairs(ctx context.Context) ([]Pair, error)
	Translate(ctx context.Context, from, to, text string) (string, error)
}

var (
	// ErrUnsupportedPair: the engine does not serve the language pair.
	ErrUnsupportedPair = errors.New("language pair not served")
	// ErrEmptyTranslation: the engine answered a non-empty text with an
	// empty translation (a broken pair pipeline prints nothing).
	ErrEmptyTranslation = errors.New("engine returned an empty translation")
	// ErrUnavailable: the engine could not be reached or is overloaded.
	ErrUnavailable = errors.New("engine unavailable")
	// ErrNoEngine: no configured engine serves the pair.
	ErrNoEngine = errors.New("no engine serves the pair")
)
