// Command gen writes the demo corpus (internal/demo/corpus) from the
// hand-written inputs in input/ and the shared evaluation data: feeds,
// article pages and manifest.json. Run it with `go generate
// ./internal/demo`; its output is committed, so builds need nothing at run
// time.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/polywire/polywire/internal/demo/internal/manifest"
)

func main() {
	data := flag.String("data", "", "shared evaluation data directory (default $POLYWIRE_DATA or /work/shared/data)")
	in := flag.String("in", "internal/gen/input", "directory of the hand-written story inputs")
	out := flag.String("out", "corpus", "corpus directory to write")
	flag.Parse()
	if *data == "" {
		*data = os.Getenv("POLYWIRE_DATA")
	}
	if *data == "" {
		*data = "/work/shared/data"
	}
	if err := run(*data, *in, *out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(data, in, out string) error {
	stories, err := loadInputs(in)
	if err != nil {
		return err
	}
	if err := resolveBodies(stories, data); err != nil {
		return err
	}
	if err := os.RemoveAll(filepath.Join(out, "site")); err != nil {
		return fmt.Errorf("gen: cleaning %s: %w", out, err)
	}
	st := &site{out: out}
	for _, src := range sourceDefs() {
		if err := renderSource(st, src, bySource(stories, src.ID)); err != nil {
			return err
		}
	}
	st.m.Sources = sourceDefs()
	b, err := json.MarshalIndent(st.m, "", "  ")
	if err != nil {
		return fmt.Errorf("gen: encoding manifest: %w", err)
	}
	return os.WriteFile(filepath.Join(out, "manifest.json"), append(b, '\n'), 0o644)
}

// bySource returns the stories of one source, oldest first.
func bySource(all []*story, id string) []*story {
	var out []*story
	for _, s := range all {
		if s.Source == id {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Time.Before(out[j].Time) })
	return out
}

// renderSource places the stories on the site and writes pages and feed.
func renderSource(st *site, src manifest.Source, stories []*story) error {
	if len(stories) == 0 {
		return fmt.Errorf("gen: source %s has no stories", src.ID)
	}
	place(src, stories)
	for _, s := range stories {
		st.addItem(src, s)
	}
	if err := writePages(st, src, stories); err != nil {
		return err
	}
	return writeFeed(st, src, stories)
}
