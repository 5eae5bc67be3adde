package extract

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"github.com/polywire/polywire/workers/extract/shingle"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var (
	corpusDir     = flag.String("corpus", defaultCorpus, "article-extraction benchmark directory (html/*.html.gz + ground-truth.json)")
	corpusPage    = flag.String("corpus-page", "", "print the extracted body of the page whose id starts with this")
	corpusVerbose = flag.Bool("corpus-verbose", false, "log precision and recall of every corpus page")
	corpusOut     = flag.String("corpus-out", "", "write predictions as JSON here (for extract-score.py)")
)

// defaultCorpus is where the shared evaluation data sits beside a checkout.
const defaultCorpus = "../../../shared/data/extraction"

// minCorpusF1 is the quality floor: go-trafilatura scores 0.957 and
// go-readability 0.939 on these pages.
const minCorpusF1 = 0.97

// TestBenchmarkCorpus scores Extract on the public article-extraction
// benchmark with its shingle metric and fails below minCorpusF1. Without
// the corpus it skips, except in CI (CI=true), where the data must be
// there. The corpus is -corpus, else $POLYWIRE_EXTRACTION_CORPUS, else the
// shared data beside the checkout.
func TestBenchmarkCorpus(t *testing.T) {
	if env := os.Getenv("POLYWIRE_EXTRACTION_CORPUS"); env != "" && *corpusDir == defaultCorpus {
		*corpusDir = env
	}
	if _, err := os.Stat(filepath.Join(*corpusDir, "ground-truth.json")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("extraction corpus missing in CI: %v", err)
		}
		t.Skipf("no extraction corpus at %s (set -corpus=DIR)", *corpusDir)
	}
	truth := readTruth(t, filepath.Join(*corpusDir, "ground-truth.json"))
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pred := map[string]map[string]string{}
	var counts []shingle.Counts
	for _, id := range ids {
		body := extractCorpusPage(t, id, truth[id].URL)
		pred[id] = map[string]string{"articleBody": body}
		if *corpusPage != "" && strings.HasPrefix(id, *corpusPage) {
			t.Logf("page %s body:\n%s\n--- truth:\n%s", id, body, truth[id].Body)
		}
		c := shingle.Compare(truth[id].Body, body)
		counts = append(counts, c)
		if *corpusVerbose {
			t.Logf("page %s precision %.3f recall %.3f", id[:12], c.Precision(), c.Recall())
		}
	}
	p, r, f1 := shingle.Score(counts)
	t.Logf("F1 %.3f precision %.3f recall %.3f pages %d", f1, p, r, len(counts))
	if f1 < minCorpusF1 {
		t.Errorf("F1 %.3f below the floor %.3f", f1, minCorpusF1)
	}
	if *corpusOut != "" {
		writeJSON(t, *corpusOut, pred)
	}
}

type truthEntry struct {
	Body string `json:"articleBody"`
	URL  string `json:"url"`
}

func readTruth(t *testing.T, path string) map[string]truthEntry {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var truth map[string]truthEntry
	if err := json.Unmarshal(b, &truth); err != nil {
		t.Fatal(err)
	}
	return truth
}

func extractCorpusPage(t *testing.T, id, url string) string {
	t.Helper()
	f, err := os.Open(filepath.Join(*corpusDir, "html", id+".html.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	page, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(page, PageOptions{URL: url, ContentType: "text/html; charset=utf-8"})
	if err != nil {
		t.Errorf("page %s: %v", id, err)
		return ""
	}
	return res.Body
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
