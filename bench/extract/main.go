package main

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"
)

type truthEntry struct {
	Body string `json:"articleBody"`
	URL  string `json:"url"`
}

func main() {
	corpus := flag.String("corpus", "", "benchmark directory with html/*.html.gz and ground-truth.json")
	out := flag.String("out", "", "write <extractor>.json predictions into this directory")
	flag.Parse()
	if err := run(*corpus, *out); err != nil {
		fmt.Fprintln(os.Stderr, "extract-bench:", err)
		os.Exit(1)
	}
}

func run(corpus, out string) error {
	truth, ids, err := readTruth(filepath.Join(corpus, "ground-truth.json"))
	if err != nil {
		return err
	}
	pages := make(map[string][]byte, len(ids))
	for _, id := range ids {
		if pages[id], err = readGzip(filepath.Join(corpus, "html", id+".html.gz")); err != nil {
			return err
		}
	}
	fmt.Printf("%-16s %6s %9s %6s %10s %7s\n", "extractor", "F1", "precision", "recall", "ms/page", "errors")
	for _, x := range extractors {
		if err := bench(x, ids, truth, pages, out); err != nil {
			return err
		}
	}
	return nil
}

func bench(x extractor, ids []string, truth map[string]truthEntry, pages map[string][]byte, out string) error {
	var all []counts
	pred := map[string]map[string]string{}
	failed := 0
	start := time.Now()
	for _, id := range ids {
		body, err := x.run(pages[id], truth[id].URL)
		if err != nil {
			failed++
		}
		pred[id] = map[string]string{"articleBody": body}
		all = append(all, compare(truth[id].Body, body))
	}
	perPage := float64(time.Since(start).Milliseconds()) / float64(len(ids))
	p, r, f1 := score(all)
	fmt.Printf("%-16s %6.3f %9.3f %6.3f %10.1f %7d\n", x.name, f1, p, r, perPage, failed)
	if out == "" {
		return nil
	}
	b, err := json.Marshal(pred)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, x.name+".json"), b, 0o644)
}

func readTruth(path string) (map[string]truthEntry, []string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var truth map[string]truthEntry
	if err := json.Unmarshal(b, &truth); err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", path, err)
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return truth, ids, nil
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return io.ReadAll(zr)
}
