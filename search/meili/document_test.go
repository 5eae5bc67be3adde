package meili

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search/internal/doc"
	"github.com/polywire/polywire/search/searchtest"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestDocumentGolden(t *testing.T) {
	kill := searchtest.Seed()
	kill.Version, kill.PubStatus = 2, pipeline.PubStatusCanceled
	tests := []struct {
		name string
		doc  func() (map[string]any, error)
	}{
		{"seed", func() (map[string]any, error) { return document(searchtest.Seed()) }},
		{"tombstone", func() (map[string]any, error) { return tombstone(kill), nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := tt.doc()
			if err != nil {
				t.Fatalf("document: %v", err)
			}
			if _, ok := d[doc.FieldStory]; ok {
				d[doc.FieldStory] = "<the Story JSON>" // checked by the round-trip test
			}
			got, err := json.MarshalIndent(d, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", tt.name+".document.golden.json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("reading golden file (run with -update): %v", err)
			}
			if string(want) != string(got)+"\n" {
				t.Errorf("document differs from %s (run with -update to accept):\n%s", golden, got)
			}
		})
	}
}
