package translate_test

import (
	"context"
	"errors"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/translate"
	"github.com/polywire/polywire/workers/translate/apertium"
	"github.com/polywire/polywire/workers/translate/apertium/apertiumtest"
)

var clock = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

func story(lang, headline, body string) *pipeline.Story {
	return &pipeline.Story{Schema: 1, ID: "s1", Version: 1, Source: "test", Language: lang, Headline: headline, Body: body}
}

const (
	esHeadline = "El gobernador presentó la región en Tokio"
	esBody     = "La delegación habló con empresas japonesas.\n\nLas exportaciones de aluminio a Japón crecieron."
)

// TestStageWithApertium runs the stage against a real apertium-apy.
func TestStageWithApertium(t *testing.T) {
	tr := translate.New(translate.Options{
		Engines: []translate.Engine{apertium.New(apertiumtest.Start(t), apertium.Options{})},
		Targets: []string{"en", "es", "ru"},
		Now:     func() time.Time { return clock },
	})
	tests := []struct {
		name string
		in   *pipeline.Story
		want map[string]pipeline.Translation // Headline/Body checked separately for ok
	}{
		{"spanish story", story("es", esHeadline, esBody), map[string]pipeline.Translation{
			"en": {Status: pipeline.TranslationOK, Engine: "apertium", Machine: true, Created: clock},
			"ru": {Status: pipeline.TranslationNoEngine, Detail: "no engine serves es→ru", Machine: true, Created: clock},
		}},
		{"russian seed story", story("ru", "В Токио представили потенциал Красноярского края", seedBody(t)), map[string]pipeline.Translation{
			"en": {Status: pipeline.TranslationNoEngine, Detail: "no engine serves ru→en", Machine: true, Created: clock},
			"es": {Status: pipeline.TranslationNoEngine, Detail: "no engine serves ru→es", Machine: true, Created: clock},
		}},
		{"unknown language", story(pipeline.LanguageUnknown, "?", "?"), map[string]pipeline.Translation{
			"en": {Status: pipeline.TranslationNoEngine, Detail: "source language unknown", Machine: true, Created: clock},
			"es": {Status: pipeline.TranslationNoEngine, Detail: "source language unknown", Machine: true, Created: clock},
			"ru": {Status: pipeline.TranslationNoEngine, Detail: "source language unknown", Machine: true, Created: clock},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := tr.Stage(context.Background(), tc.in)
			if err != nil || len(out) != 1 {
				t.Fatalf("Stage = %v, %v; want one story", out, err)
			}
			got := out[0].Translations
			if len(got) != len(tc.want) {
				t.Errorf("translations %v, want targets %v", keys(got), keys(tc.want))
			}
			for lang, w := range tc.want {
				g := got[lang]
				if g.Status == pipeline.TranslationOK {
					checkOK(t, tc.in, g)
					g.Headline, g.Body = "", ""
				}
				if g != w {
					t.Errorf("%s: got %+v, want %+v", lang, g, w)
				}
			}
			if tc.in.Translations != nil {
				t.Error("the input story was modified")
			}
		})
	}
}

func checkOK(t *testing.T, in *pipeline.Story, g pipeline.Translation) {
	t.Helper()
	if g.Headline == "" || g.Headline == in.Headline || g.Body == "" || g.Body == in.Body {
		t.Errorf("ok translation not translated: %+v", g)
	}
	if strings.Count(g.Body, "\n\n") != strings.Count(in.Body, "\n\n") {
		t.Errorf("paragraph breaks differ: %q", g.Body)
	}
	if !strings.Contains(g.Body, "Japan") {
		t.Errorf("body %q lacks Japan", g.Body)
	}
}

func seedBody(t *testing.T) string {
	b, err := os.ReadFile("testdata/seed-ru.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func keys(m map[string]pipeline.Translation) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestStageEngineDown points the real Apertium client at a closed port: the
// stage asks for redelivery until the engine has been down for GiveUpAfter,
// then marks the target failed and passes the story on.
func TestStageEngineDown(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + l.Addr().String()
	l.Close()
	now := clock
	tr := translate.New(translate.Options{
		Engines:     []translate.Engine{apertium.New(url, apertium.Options{Timeout: 2 * time.Second})},
		Targets:     []string{"en"},
		Now:         func() time.Time { return now },
		GiveUpAfter: time.Minute,
	})
	in := story("es", esHeadline, esBody)
	for _, after := range []time.Duration{0, 30 * time.Second} {
		now = clock.Add(after)
		out, err := tr.Stage(context.Background(), in)
		if err == nil || pipeline.IsPermanent(err) || out != nil {
			t.Fatalf("after %v: Stage = %v, %v; want a retryable error and no story", after, out, err)
		}
		if !errors.Is(err, translate.ErrUnavailable) {
			t.Errorf("after %v: err = %v, want ErrUnavailable", after, err)
		}
	}
	now = clock.Add(61 * time.Second)
	out, err := tr.Stage(context.Background(), in)
	if err != nil || len(out) != 1 {
		t.Fatalf("after the outage limit: Stage = %v, %v; want the story", out, err)
	}
	if g := out[0].Translations["en"]; g.Status != pipeline.TranslationFailed || !strings.Contains(g.Detail, "unavailable") || g.Body != "" {
		t.Fatalf("en = %+v, want failed with a detail", g)
	}
}

// fake is a test engine serving one pair with a scripted answer.
type fake struct {
	name string
	pair translate.Pair
	mu   sync.Mutex
	out  func(text string) (string, error)
	hits int
}

func (f *fake) Name() string { return f.name }
func (f *fake) Pairs(context.Context) ([]translate.Pair, error) {
	return []translate.Pair{f.pair}, nil
}
func (f *fake) Translate(_ context.Context, _, _, text string) (string, error) {
	f.mu.Lock()
	f.hits++
	f.mu.Unlock()
	return f.out(text)
}

func TestStageEngineFailures(t *testing.T) {
	esEn := translate.Pair{From: "es", To: "en"}
	tests := []struct {
		name      string
		out       func(string) (string, error)
		status    string
		detail    string
		retryable bool
	}{
		{"empty translation is failed", func(string) (string, error) { return "", nil }, pipeline.TranslationFailed, "empty translation", false},
		{"permanent error is failed", func(string) (string, error) {
			return "", pipeline.Permanentf("rejected: 400 Bad Request")
		}, pipeline.TranslationFailed, "400 Bad Request", false},
		{"retryable error is returned", func(string) (string, error) {
			return "", pipeline.RetryAfter(translate.ErrUnavailable, 5*time.Second)
		}, "", "", true},
		{"ok", func(s string) (string, error) { return "EN " + s, nil }, pipeline.TranslationOK, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := translate.New(translate.Options{
				Engines: []translate.Engine{&fake{name: "fake", pair: esEn, out: tc.out}},
				Targets: []string{"en"}, Now: func() time.Time { return clock },
			})
			out, err := tr.Stage(context.Background(), story("es", esHeadline, esBody))
			if tc.retryable {
				if err == nil || pipeline.RetryDelay(err) != 5*time.Second {
					t.Fatalf("Stage = %v, %v; want a retryable error with its delay", out, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			g := out[0].Translations["en"]
			if g.Status != tc.status || !strings.Contains(g.Detail, tc.detail) || !g.Machine {
				t.Fatalf("en = %+v, want status %s with detail containing %q", g, tc.status, tc.detail)
			}
		})
	}
}

func TestStageFirstEngineListingThePairWins(t *testing.T) {
	enEs := &fake{name: "first", pair: translate.Pair{From: "en", To: "es"}, out: func(s string) (string, error) { return "1 " + s, nil }}
	esEn := &fake{name: "second", pair: translate.Pair{From: "es", To: "en"}, out: func(s string) (string, error) { return "2 " + s, nil }}
	esEn2 := &fake{name: "third", pair: translate.Pair{From: "es", To: "en"}, out: func(s string) (string, error) { return "3 " + s, nil }}
	tr := translate.New(translate.Options{Engines: []translate.Engine{enEs, esEn, esEn2}, Targets: []string{"EN", "en", "es"}})
	out, err := tr.Stage(context.Background(), story("es", esHeadline, esBody))
	if err != nil {
		t.Fatal(err)
	}
	if g := out[0].Translations["en"]; g.Engine != "second" || g.Headline != "2 "+esHeadline {
		t.Fatalf("en = %+v, want engine second", g)
	}
	if len(out[0].Translations) != 1 || esEn.hits != 2 || esEn2.hits != 0 || enEs.hits != 0 {
		t.Fatalf("translations %v, hits %d/%d/%d; want one target translated once per field", keys(out[0].Translations), enEs.hits, esEn.hits, esEn2.hits)
	}
}

func TestStageCancelledIsNotFailed(t *testing.T) {
	block := &fake{name: "slow", pair: translate.Pair{From: "es", To: "en"}, out: func(string) (string, error) {
		return "", context.Canceled
	}}
	tr := translate.New(translate.Options{Engines: []translate.Engine{block}, Targets: []string{"en"}, GiveUpAfter: -1})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if out, err := tr.Stage(ctx, story("es", esHeadline, esBody)); !errors.Is(err, context.Canceled) || out != nil {
		t.Fatalf("Stage = %v, %v; want context.Canceled and no story", out, err)
	}
}

func TestTranslateText(t *testing.T) {
	tr := translate.New(translate.Options{
		Engines: []translate.Engine{apertium.New(apertiumtest.Start(t), apertium.Options{})},
	})
	tests := []struct {
		name, from, to, in string
		engine             string
		is                 error
	}{
		{"iso 639-1", "es", "en", esBody, "apertium", nil},
		{"iso 639-3 accepted", "spa", "eng", esBody, "apertium", nil},
		{"no engine", "ru", "en", "Привет", "", translate.ErrNoEngine},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, engine, err := tr.TranslateText(context.Background(), tc.from, tc.to, tc.in)
			if tc.is != nil {
				if !errors.Is(err, tc.is) {
					t.Fatalf("err = %v, want %v", err, tc.is)
				}
				return
			}
			if err != nil || engine != tc.engine || out == "" || out == tc.in {
				t.Fatalf("TranslateText = %q, %q, %v", out, engine, err)
			}
		})
	}
}

func TestLanguageCodesNormalised(t *testing.T) {
	esEn := &fake{name: "fake", pair: translate.Pair{From: "es", To: "en"}, out: func(s string) (string, error) { return "EN " + s, nil }}
	tr := translate.New(translate.Options{Engines: []translate.Engine{esEn}, Targets: []string{"eng", "spa"}})
	out, err := tr.Stage(context.Background(), story("ES", esHeadline, esBody))
	if err != nil {
		t.Fatal(err)
	}
	got := out[0].Translations
	if len(got) != 1 || got["en"].Status != pipeline.TranslationOK {
		t.Fatalf("translations = %+v; want only en, ok (es is the story's own language)", got)
	}
	text, engine, err := tr.TranslateText(context.Background(), "es", "spa", "Hola.")
	if err != nil || text != "Hola." || engine != "" {
		t.Fatalf("TranslateText es→spa = %q, %q, %v; want the text back, no engine", text, engine, err)
	}
}
