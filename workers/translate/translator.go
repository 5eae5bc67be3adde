package translate

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// Default Translator settings.
const (
	DefaultGiveUpAfter = 90 * time.Second
	DefaultTimeout     = 2 * time.Minute
)

// Options configure a Translator.
type Options struct {
	// Engines in order of preference: a pair goes to the first engine that
	// lists it.
	Engines []Engine
	// Targets are the ISO 639-1 languages every story is translated into;
	// a story is never translated into its own language.
	Targets []string
	Logger  *slog.Logger
	// Now stamps Translation.Created and measures engine outages
	// (default time.Now).
	Now func() time.Time
	// Timeout bounds the translation of one story into one target, headline
	// and body together (default DefaultTimeout).
	Timeout time.Duration
	// GiveUpAfter is how long an engine may keep failing with retryable
	// errors on a pair before the stage stops asking the runner to redeliver
	// and marks the target failed instead (default DefaultGiveUpAfter; a
	// negative value never gives up, leaving it to the runner's attempts and
	// dead letters).
	GiveUpAfter time.Duration
}

// Translator is the translate stage. It is safe for concurrent use.
type Translator struct {
	engines     []Engine
	targets     []string
	log         *slog.Logger
	now         func() time.Time
	timeout     time.Duration
	giveUpAfter time.Duration
	outages     *outages
}

// New returns a Translator. Targets are normalised to ISO 639-1 ("eng" →
// "en") and deduplicated.
func New(o Options) *Translator {
	t := &Translator{
		engines: o.Engines, targets: normTargets(o.Targets), log: o.Logger, now: o.Now,
		timeout: o.Timeout, giveUpAfter: o.GiveUpAfter, outages: newOutages(),
	}
	if t.log == nil {
		t.log = slog.New(slog.DiscardHandler)
	}
	t.log = t.log.With("stage", "translate")
	if t.now == nil {
		t.now = time.Now
	}
	if t.timeout <= 0 {
		t.timeout = DefaultTimeout
	}
	if t.giveUpAfter == 0 {
		t.giveUpAfter = DefaultGiveUpAfter
	}
	return t
}

// normLang returns the ISO 639-1 form of a language code when it has one,
// else the code lowercased.
func normLang(l string) string {
	if c, ok := ISO6391(l); ok {
		return c
	}
	return strings.ToLower(strings.TrimSpace(l))
}

func normTargets(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range in {
		l = normLang(l)
		if l != "" && !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// TranslateText translates plain text between two languages (ISO 639-1, or
// codes ISO6391 understands) with the first engine serving the pair, and
// returns the translation and the engine's name. It is what the
// `polywire translate` command calls. No engine for the pair is an error
// wrapping ErrNoEngine; text in its own language comes back unchanged with
// no engine name.
func (t *Translator) TranslateText(ctx context.Context, from, to, text string) (string, string, error) {
	f, okF := ISO6391(from)
	g, okT := ISO6391(to)
	if !okF || !okT {
		return "", "", fmt.Errorf("translate: unknown language in %q→%q", from, to)
	}
	if f == g {
		return text, "", nil
	}
	e, err := t.pick(ctx, Pair{From: f, To: g})
	if err != nil {
		return "", "", err
	}
	ctx, cancel := context.WithTimeout(ctx, t.timeout)
	defer cancel()
	out, err := e.Translate(ctx, f, g, text)
	if err != nil {
		return "", e.Name(), fmt.Errorf("translate: %s %s→%s: %w", e.Name(), f, g, err)
	}
	return out, e.Name(), nil
}
