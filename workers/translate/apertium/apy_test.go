package apertium_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/translate"
	"github.com/polywire/polywire/workers/translate/apertium"
	"github.com/polywire/polywire/workers/translate/apertium/apertiumtest"
	"github.com/polywire/polywire/workers/translate/translatetest"
)

// spanish is a two-paragraph wire text written for these tests.
const spanish = "El gobernador de la región dijo que las exportaciones de aluminio a Japón crecieron este año.\n\n" +
	"La delegación visitó Tokio y habló con empresas japonesas sobre nuevas inversiones."

// TestRealAPY runs the engine against a real apertium-apy with the Debian
// eng-spa pair.
func TestRealAPY(t *testing.T) {
	url := apertiumtest.Start(t)
	e := apertium.New(url, apertium.Options{})

	translatetest.Run(t, e, translatetest.Features{
		Pair:     translate.Pair{From: "es", To: "en"},
		Sample:   spanish,
		Unserved: translate.Pair{From: "ru", To: "en"},
	})

	t.Run("both directions of eng-spa listed once each", func(t *testing.T) {
		pairs, err := e.Pairs(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []translate.Pair{{From: "en", To: "es"}, {From: "es", To: "en"}} {
			if n := countPair(pairs, want); n != 1 {
				t.Errorf("%v listed %d times in %v, want once", want, n, pairs)
			}
		}
	})
	t.Run("spanish paragraph becomes english", func(t *testing.T) {
		out, err := e.Translate(context.Background(), "es", "en", spanish)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"governor", "Japan", "Tokyo"} {
			if !strings.Contains(out, w) {
				t.Errorf("translation lacks %q:\n%s", w, out)
			}
		}
	})
	t.Run("unknown words carry no marks", func(t *testing.T) {
		out, err := e.Translate(context.Background(), "es", "en", "El ministro Xqzvplor llegó.")
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(out, "*#@") || !strings.Contains(out, "Xqzvplor") {
			t.Errorf("translation %q: want the unknown word kept without *, # or @", out)
		}
	})
	t.Run("small chunks keep the text whole", func(t *testing.T) {
		small := apertium.New(url, apertium.Options{MaxChunk: 60})
		long := spanish + "\n\n\n" + strings.Repeat("El gobernador habló. ", 8) + "\n\nFin."
		out, err := small.Translate(context.Background(), "es", "en", long)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Count(out, "governor"), 9; got != want {
			t.Errorf("%d × governor, want %d:\n%s", got, want, out)
		}
		if !strings.Contains(out, "\n\n\n") || strings.Count(out, "\n\n") != 3 {
			t.Errorf("paragraph breaks not kept as in the input:\n%q", out)
		}
	})
}

func countPair(pairs []translate.Pair, p translate.Pair) int {
	n := 0
	for _, q := range pairs {
		if q == p {
			n++
		}
	}
	return n
}

// TestBrokenPairIsRetryable lays out a modes directory with a pair whose
// pipeline cannot start (its analyser file is missing): APY lists it and
// answers 503, a retryable error.
func TestBrokenPairIsRetryable(t *testing.T) {
	dir := t.TempDir()
	mode := "lt-proc '" + filepath.Join(dir, "missing.automorf.bin") + "'\n"
	if err := os.WriteFile(filepath.Join(dir, "eng-ukr.mode"), []byte(mode), 0o644); err != nil {
		t.Fatal(err)
	}
	e := apertium.New(apertiumtest.StartModes(t, dir), apertium.Options{})
	pairs, err := e.Pairs(context.Background())
	if err != nil || !slices.Contains(pairs, translate.Pair{From: "en", To: "uk"}) {
		t.Fatalf("Pairs = %v, %v; want en→uk listed", pairs, err)
	}
	_, err = e.Translate(context.Background(), "en", "uk", "The governor spoke.")
	if err == nil || pipeline.IsPermanent(err) || !errors.Is(err, translate.ErrUnavailable) {
		t.Fatalf("err = %v, want a retryable ErrUnavailable", err)
	}
}
