package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/polywire/polywire/pipeline"
)

// goldenResult is the part of a Result a golden file records.
type goldenResult struct {
	Headline  string             `json:"headline"`
	Body      string             `json:"body"`
	Byline    string             `json:"byline,omitempty"`
	Language  string             `json:"language"`
	Image     string             `json:"image,omitempty"`
	Canonical string             `json:"canonical,omitempty"`
	Published string             `json:"published,omitempty"`
	Updated   string             `json:"updated,omitempty"`
	Dateline  *pipeline.Dateline `json:"dateline,omitempty"`
	Agency    string             `json:"agency,omitempty"`
	Reason    string             `json:"reason,omitempty"`
}

func toGolden(r *Result) goldenResult {
	g := goldenResult{Headline: r.Headline, Body: r.Body, Byline: r.Byline, Language: r.Language,
		Image: r.Image, Canonical: r.Canonical, Dateline: r.Dateline, Agency: r.Agency, Reason: r.Reason}
	if !r.Published.IsZero() {
		g.Published = r.Published.Format(time.RFC3339)
	}
	if !r.Updated.IsZero() {
		g.Updated = r.Updated.Format(time.RFC3339)
	}
	return g
}

// TestGoldenPages extracts every testdata/golden/*.html page and compares
// the result with its .golden.json (go test -run TestGoldenPages -update
// rewrites them; review the diff).
func TestGoldenPages(t *testing.T) {
	pages, err := filepath.Glob("testdata/golden/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no golden pages: %v", err)
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Extract(b, PageOptions{URL: "https://news.example/" + name})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(toGolden(res), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(page, ".html") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (create with -update)", err)
			}
			if strings.TrimSpace(string(want)) != string(got) {
				t.Errorf("result differs from %s:\n%s", golden, got)
			}
		})
	}
}
