package fetch

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/feedtest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden fetches fixture feeds from disk (links on example.org, pages
// off) and compares the raw items with testdata/<name>.golden.json.
func TestGolden(t *testing.T) {
	tests := []struct {
		name, fixture string
		src           config.Source
	}{
		{"rss", feedtest.RSSFeed, config.Source{ID: "wire", Agency: "TASS", Pages: "never"}},
		{"atom", feedtest.AtomFeed, config.Source{ID: "ja", Pages: "never"}},
		{"json", feedtest.JSONFeed, config.Source{ID: "json", Pages: "never"}},
		{"summary", feedtest.SummaryFeed, config.Source{ID: "sum", Pages: "never", TimeZone: "Europe/Moscow", Identity: config.Identity{Field: "link"}}},
		{"ninjs", feedtest.Agency(feedtest.NinjsItem, "usable", "", "Tokyo elects a new governor"), config.Source{ID: "kyodo", Pages: "never"}},
		{"ninjs1", feedtest.Ninjs1Item, config.Source{ID: "tass", Pages: "never", Agency: "TASS"}},
		{"newsml", feedtest.Agency(feedtest.NewsMLItem, "stat:usable", "", "El Gobierno aprueba el presupuesto"), config.Source{ID: "efe", Pages: "never"}},
		{"chinese", strings.ReplaceAll(feedtest.ChineseFeed, "{{ENC}}", ""), config.Source{ID: "xinhua", Pages: "never", Zones: map[string]string{"CST": "Asia/Shanghai"}}},
	}
	f := New(Options{Now: func() time.Time { return now }})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "feed")
			body := strings.ReplaceAll(tc.fixture, "{{BASE}}", "https://example.org")
			if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			items, err := f.FetchURL(context.Background(), path, tc.src)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.MarshalIndent(items, "", "  ")
			golden := filepath.Join("testdata", tc.name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			wanted, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(wanted)) {
				t.Fatalf("output differs from %s (run with -update and review the diff):\n%s", golden, got)
			}
		})
	}
}
