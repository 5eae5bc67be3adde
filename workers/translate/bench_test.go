package translate_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/polywire/polywire/workers/translate"
	"github.com/polywire/polywire/workers/translate/apertium"
	"github.com/polywire/polywire/workers/translate/apertium/apertiumtest"
)

// BenchmarkChunked measures splitting and reassembly alone on the seed
// story repeated to ~40 KB, with an engine that answers instantly.
func BenchmarkChunked(b *testing.B) {
	seed, err := os.ReadFile("testdata/seed-ru.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(seed)+"\n\n", 8)
	id := func(_ context.Context, c string) (string, error) { return c, nil }
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := translate.Chunked(context.Background(), text, 4096, id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApertiumStory translates the Spanish golden story (headline and
// ~700-byte body) es→en through a real APY, one story per iteration.
func BenchmarkApertiumStory(b *testing.B) {
	e := apertium.New(apertiumtest.Start(b), apertium.Options{})
	body := "El gobernador de la región rusa de Krasnoyarsk presentó hoy en Tokio el potencial económico del territorio.\n\n" +
		"Según el gobernador, la región está interesada en aumentar las exportaciones de metales no ferrosos.\n\n" +
		"El comercio entre la región y Japón alcanza unos 86 millones de dólares al año."
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := e.Translate(context.Background(), "es", "en", body); err != nil {
			b.Fatal(err)
		}
	}
}
