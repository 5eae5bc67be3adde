package libretranslate_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/translate"
	"github.com/polywire/polywire/workers/translate/libretranslate"
	"github.com/polywire/polywire/workers/translate/translatetest"
)

const sample = "El gobernador de la región dijo que las exportaciones de aluminio a Japón crecieron este año.\n\n" +
	"La delegación visitó Tokio y habló con empresas japonesas sobre nuevas inversiones."

func TestConformance(t *testing.T) {
	_, url := replay(t, "ok")
	translatetest.Run(t, libretranslate.New(url, libretranslate.Options{}), translatetest.Features{
		Pair:     translate.Pair{From: "es", To: "en"},
		Sample:   sample,
		Unserved: translate.Pair{From: "ru", To: "en"},
	})
}

func TestLanguagesMapToISO6391(t *testing.T) {
	d, url := replay(t, "ok")
	e := libretranslate.New(url, libretranslate.Options{})
	got, err := e.Pairs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []translate.Pair{{From: "en", To: "es"}, {From: "en", To: "pt"}, {From: "en", To: "zh"}, {From: "es", To: "en"},
		{From: "es", To: "pt"}, {From: "pt", To: "en"}, {From: "pt", To: "es"}, {From: "zh", To: "en"}}
	if !slices.Equal(got, want) {
		t.Fatalf("Pairs = %v\nwant %v", got, want)
	}
	// pt→en goes out as the plain "pt", zh→en as "zh-Hans" (zt has no ISO 639-1 code).
	for _, from := range []string{"pt", "zh"} {
		if _, err := e.Translate(context.Background(), from, "en", "Hola."); err != nil {
			t.Errorf("%s→en: %v", from, err)
		}
	}
	if n := len(d.requests()); n != 3 {
		t.Errorf("%d requests %v, want the language list once and two translations", n, d.requests())
	}
}

func TestAPIKeySent(t *testing.T) {
	_, url := replay(t, "api-key")
	out, err := libretranslate.New(url, libretranslate.Options{APIKey: "secret"}).Translate(context.Background(), "es", "en", "Hola.")
	if err != nil || out != "Hello." {
		t.Fatalf("Translate = %q, %v; want Hello. (the double only answers with api_key)", out, err)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		scenario  string
		permanent bool
		is        error
		delay     time.Duration
	}{
		{"bad-key", true, nil, 0},
		{"over-limit", true, nil, 0},
		{"empty", true, translate.ErrEmptyTranslation, 0},
		{"rate-limited", false, translate.ErrUnavailable, 30 * time.Second},
		{"server-error", false, translate.ErrUnavailable, 0},
	}
	for _, tc := range tests {
		t.Run(tc.scenario, func(t *testing.T) {
			_, url := replay(t, tc.scenario)
			out, err := libretranslate.New(url, libretranslate.Options{}).Translate(context.Background(), "es", "en", "Hola.")
			if err == nil {
				t.Fatalf("Translate = %q, nil; want an error", out)
			}
			if pipeline.IsPermanent(err) != tc.permanent {
				t.Errorf("IsPermanent(%v) = %v, want %v", err, !tc.permanent, tc.permanent)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("err = %v, want %v", err, tc.is)
			}
			if d := pipeline.RetryDelay(err); d != tc.delay {
				t.Errorf("RetryDelay = %v, want %v", d, tc.delay)
			}
		})
	}
}

// TestStageWithLibreTranslate shows the stage working with a second engine
// type, pairs and translations from the recorded exchanges.
func TestStageWithLibreTranslate(t *testing.T) {
	_, url := replay(t, "ok")
	tr := translate.New(translate.Options{
		Engines: []translate.Engine{libretranslate.New(url, libretranslate.Options{})},
		Targets: []string{"en", "ru"},
	})
	out, err := tr.Stage(context.Background(), &pipeline.Story{ID: "x", Language: "es", Headline: "Hola.", Body: sample})
	if err != nil {
		t.Fatal(err)
	}
	en, ru := out[0].Translations["en"], out[0].Translations["ru"]
	if en.Status != pipeline.TranslationOK || en.Engine != "libretranslate" || en.Headline != "Hello." || en.Body == "" {
		t.Errorf("en = %+v, want ok from libretranslate", en)
	}
	if ru.Status != pipeline.TranslationNoEngine || ru.Detail != "no engine serves es→ru" {
		t.Errorf("ru = %+v, want no-engine", ru)
	}
}
