// Package translatetest is the conformance suite every translate.Engine
// passes: run it from the engine's own tests against a real server or, for
// engines with no server here, against a recorded-exchange double.
package translatetest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/translate"
)

// Features describes what the engine under test can do.
type Features struct {
	// Pair is a pair the engine serves; Sample a text in Pair.From of at
	// least two paragraphs (separated by a blank line) that it translates.
	Pair   translate.Pair
	Sample string
	// Unserved is a pair the engine does not serve.
	Unserved translate.Pair
}

// Run runs the conformance suite against e.
func Run(t *testing.T, e translate.Engine, f Features) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(*testing.T, translate.Engine, Features)
	}{
		{"pairs are ISO 639-1 and include the served pair", pairsListed},
		{"sample translates to different non-empty text", translates},
		{"paragraph breaks are kept", keepsParagraphs},
		{"blank text translates to itself", blank},
		{"unserved pair is a permanent error", unserved},
		{"cancelled context is honoured", cancelled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, e, f) })
	}
}

func pairsListed(t *testing.T, e translate.Engine, f Features) {
	pairs, err := e.Pairs(context.Background())
	if err != nil {
		t.Fatalf("Pairs: %v", err)
	}
	if !slices.Contains(pairs, f.Pair) {
		t.Fatalf("Pairs = %v, want it to contain %v", pairs, f.Pair)
	}
	for _, p := range pairs {
		if len(p.From) != 2 || len(p.To) != 2 || p.From != strings.ToLower(p.From) {
			t.Errorf("pair %v is not ISO 639-1", p)
		}
	}
}

func translates(t *testing.T, e translate.Engine, f Features) {
	out, err := e.Translate(context.Background(), f.Pair.From, f.Pair.To, f.Sample)
	if err != nil {
		t.Fatalf("Translate: %v", err)
	}
	if strings.TrimSpace(out) == "" || out == f.Sample {
		t.Fatalf("Translate(%q) = %q, want a different non-empty text", f.Sample, out)
	}
}

func keepsParagraphs(t *testing.T, e translate.Engine, f Features) {
	out, err := e.Translate(context.Background(), f.Pair.From, f.Pair.To, f.Sample)
	if err != nil {
		t.Fatalf("Translate: %v", err)
	}
	want := strings.Count(f.Sample, "\n\n")
	if got := strings.Count(out, "\n\n"); got != want || want == 0 {
		t.Fatalf("translation has %d paragraph breaks, input %d (want equal, > 0):\n%s", got, want, out)
	}
}

func blank(t *testing.T, e translate.Engine, f Features) {
	for _, in := range []string{"", " \n\n "} {
		out, err := e.Translate(context.Background(), f.Pair.From, f.Pair.To, in)
		if err != nil || out != in {
			t.Errorf("Translate(%q) = %q, %v; want it back unchanged", in, out, err)
		}
	}
}

func unserved(t *testing.T, e translate.Engine, f Features) {
	_, err := e.Translate(context.Background(), f.Unserved.From, f.Unserved.To, f.Sample)
	if err == nil || !pipeline.IsPermanent(err) {
		t.Fatalf("Translate on unserved %v: err = %v, want a permanent error", f.Unserved, err)
	}
}

func cancelled(t *testing.T, e translate.Engine, f Features) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := e.Translate(ctx, f.Pair.From, f.Pair.To, f.Sample)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Translate with cancelled ctx: err = %v, want context.Canceled", err)
	}
}
