package translate_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"testing"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/translate"
	"github.com/polywire/polywire/workers/translate/apertium"
	"github.com/polywire/polywire/workers/translate/apertium/apertiumtest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGoldenSpanishStory pins what Debian's apertium-eng-spa 0.8.1 makes of
// a Spanish wire story (testdata/es-story.json), so a change in chunking or
// request parameters shows up as a diff. Regenerate with -update after an
// intended change or a new pair version.
func TestGoldenSpanishStory(t *testing.T) {
	b, err := os.ReadFile("testdata/es-story.json")
	if err != nil {
		t.Fatal(err)
	}
	var s pipeline.Story
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	tr := translate.New(translate.Options{
		Engines: []translate.Engine{apertium.New(apertiumtest.Start(t), apertium.Options{MaxChunk: 300})},
		Targets: []string{"en", "ru"},
		Now:     func() time.Time { return clock },
	})
	out, err := tr.Stage(context.Background(), &s)
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(out[0].Translations, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const golden = "testdata/es-story.golden.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("translations differ from %s (run with -update if intended):\n%s", golden, got)
	}
}
