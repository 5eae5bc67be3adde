package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// mainModule is the go.mod line that marks Polywire's repository root.
const mainModule = "module github.com/polywire/polywire\n"

// truthEntry is one page of ground-truth.json.
type truthEntry struct {
	Body string `json:"articleBody"`
	URL  string `json:"url"`
}

// corpus is the benchmark's pages and their true article bodies, in id
// order.
type corpus struct {
	ids   []string
	truth map[string]truthEntry
	pages map[string][]byte
}

// defaultDataDir is $POLYWIRE_EXTRACTION_CORPUS, else ../shared/data/extraction
// beside the repository root found above the working directory, else "".
func defaultDataDir() string {
	if env := os.Getenv("POLYWIRE_EXTRACTION_CORPUS"); env != "" {
		return env
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && bytes.HasPrefix(b, []byte(mainModule)) {
			return filepath.Join(dir, "..", "shared", "data", "extraction")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// loadCorpus reads ground-truth.json and html/<id>.html.gz from dir.
func loadCorpus(dir string) (*corpus, error) {
	path := filepath.Join(dir, "ground-truth.json")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading corpus: %w", err)
	}
	c := &corpus{pages: map[string][]byte{}}
	if err := json.Unmarshal(b, &c.truth); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	for id := range c.truth {
		c.ids = append(c.ids, id)
	}
	sort.Strings(c.ids)
	for _, id := range c.ids {
		if c.pages[id], err = readGzip(filepath.Join(dir, "html", id+".html.gz")); err != nil {
			return nil, err
		}
	}
	return c, nil
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
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return b, nil
}
