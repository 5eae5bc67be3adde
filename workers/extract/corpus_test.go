package extract

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
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
	var counts []shingleCounts
	for _, id := range ids {
		body := extractCorpusPage(t, id, truth[id].URL)
		pred[id] = map[string]string{"articleBody": body}
		if *corpusPage != "" && strings.HasPrefix(id, *corpusPage) {
			t.Logf("page %s body:\n%s\n--- truth:\n%s", id, body, truth[id].Body)
		}
		c := compareShingles(truth[id].Body, body)
		counts = append(counts, c)
		if *corpusVerbose {
			t.Logf("page %s precision %.3f recall %.3f", id[:12], c.precision(), c.recall())
		}
	}
	p, r, f1 := aggregateShingles(counts)
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

// The benchmark's metric: tokens are runs of word characters, a text is a
// multiset of 4-token shingles; precision and recall are averaged over
// pages and F1 is taken of the two means.

type shingleCounts struct{ tp, fp, fn int }

func (c shingleCounts) precision() float64 {
	if c.fp == 0 && c.fn == 0 {
		return 1
	}
	if c.tp+c.fp == 0 {
		return 0
	}
	return float64(c.tp) / float64(c.tp+c.fp)
}

func (c shingleCounts) recall() float64 {
	if c.fp == 0 && c.fn == 0 {
		return 1
	}
	if c.tp+c.fn == 0 {
		return 0
	}
	return float64(c.tp) / float64(c.tp+c.fn)
}

func shingles(text string) map[[4]string]int {
	words := wordTokens(text)
	out := map[[4]string]int{}
	if len(words) == 0 {
		return out
	}
	if len(words) < 4 {
		var k [4]string
		copy(k[:], words)
		out[k]++
		return out
	}
	for i := 0; i+4 <= len(words); i++ {
		out[[4]string(words[i:i+4])]++
	}
	return out
}

func wordTokens(text string) []string {
	var words []string
	start := -1
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' // Python's \w
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			words = append(words, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, text[start:])
	}
	return words
}

func compareShingles(truth, pred string) shingleCounts {
	ts, ps := shingles(truth), shingles(pred)
	var c shingleCounts
	for k, n := range ps {
		common := min(n, ts[k])
		c.tp += common
		c.fp += n - common
	}
	for k, n := range ts {
		c.fn += n - min(n, ps[k])
	}
	return c
}

func aggregateShingles(counts []shingleCounts) (p, r, f1 float64) {
	var np, nr int
	for _, c := range counts {
		if c.tp+c.fp > 0 {
			p += c.precision()
			np++
		}
		if c.tp+c.fn > 0 {
			r += c.recall()
			nr++
		}
	}
	if np > 0 {
		p /= float64(np)
	}
	if nr > 0 {
		r /= float64(nr)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}
