package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/polywire/polywire/internal/demo/internal/manifest"
)

// site collects the generated files and the manifest that describes them.
type site struct {
	out string
	m   manifest.Manifest
}

// add writes data to out/file and records that the server answers path
// with it.
func (s *site) add(path, file, ctype string, gz bool, mod time.Time, data []byte) error {
	full := filepath.Join(s.out, filepath.FromSlash(file))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return fmt.Errorf("gen: creating dir for %s: %w", file, err)
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return fmt.Errorf("gen: writing %s: %w", file, err)
	}
	s.m.Files = append(s.m.Files, manifest.File{Path: path, File: file, Type: ctype, Gzip: gz, Modified: mod.UTC()})
	return nil
}

// addItem records a story the feeds carry.
func (s *site) addItem(src manifest.Source, st *story) {
	agency := st.Agency
	if agency == "" {
		agency = src.Agency
	}
	s.m.Items = append(s.m.Items, manifest.Item{
		Source: src.ID, GUID: st.GUID, Path: st.Path, Language: st.Language,
		Headline: st.Headline, Agency: agency, Published: st.Time, Origin: st.Origin,
	})
}

// abs is the absolute URL of a path, with the base placeholder.
func abs(path string) string { return manifest.Placeholder + path }

// pageFile maps a URL path to a file under corpus/.
func pageFile(path string) string {
	p := strings.TrimPrefix(path, "/")
	if strings.HasSuffix(p, "/") {
		return "site/" + p + "index.html"
	}
	if !strings.Contains(p[strings.LastIndex(p, "/")+1:], ".") {
		return "site/" + p + ".html"
	}
	return "site/" + p
}

// latest is the newest publication time among stories.
func latest(stories []*story) time.Time {
	var t time.Time
	for _, s := range stories {
		if s.Time.After(t) {
			t = s.Time
		}
	}
	return t
}
