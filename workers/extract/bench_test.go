package extract

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkExtractSeed(b *testing.B) {
	page, err := os.ReadFile("testdata/seed-wordpress.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Extract(page, PageOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractCorpus extracts every page of the benchmark corpus once
// per iteration (go test -bench Corpus -corpus=DIR).
func BenchmarkExtractCorpus(b *testing.B) {
	if _, err := os.Stat(*corpusDir); err != nil {
		b.Skip("set -corpus=DIR")
	}
	files, err := filepath.Glob(filepath.Join(*corpusDir, "html", "*.html.gz"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no pages in %s: %v", *corpusDir, err)
	}
	var pages [][]byte
	var total int64
	for _, f := range files {
		pages = append(pages, readGzip(b, f))
		total += int64(len(pages[len(pages)-1]))
	}
	b.SetBytes(total)
	for b.Loop() {
		for _, p := range pages {
			if _, err := Extract(p, PageOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
}

func readGzip(b *testing.B, path string) []byte {
	b.Helper()
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	page, err := io.ReadAll(zr)
	if err != nil {
		b.Fatal(err)
	}
	return page
}
