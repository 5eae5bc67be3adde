package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// settings are the command's flags.
type settings struct {
	dataDir, out          string
	passes, rounds, worst int
}

func main() {
	var s settings
	flag.StringVar(&s.dataDir, "data", defaultDataDir(), "benchmark directory with html/*.html.gz and ground-truth.json")
	flag.StringVar(&s.dataDir, "corpus", s.dataDir, "alias of -data")
	flag.StringVar(&s.out, "out", "", "write <extractor>.json predictions (extract-score.py format) into this directory")
	flag.IntVar(&s.passes, "passes", 3, "timed passes over the corpus per extractor and round, after one untimed pass")
	flag.IntVar(&s.rounds, "rounds", 3, "rounds of child processes, extractors interleaved; CPU is summed, peak memory is the median")
	flag.IntVar(&s.worst, "worst", 0, "also list Polywire's N lowest-scoring pages")
	child := flag.String("child", "", "internal: measure this extractor and report JSON on stdout")
	flag.Parse()
	var err error
	if *child != "" {
		err = runChild(*child, s.dataDir, s.passes)
	} else {
		err = run(os.Stdout, s)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "extract-bench:", err)
		os.Exit(1)
	}
}

// run measures every extractor in child processes of its own, round after
// round with the extractors interleaved, scores their output against the
// ground truth and prints the table.
func run(w io.Writer, s settings) error {
	if s.dataDir == "" {
		return fmt.Errorf("no corpus: pass -data DIR or set POLYWIRE_EXTRACTION_CORPUS")
	}
	c, err := loadCorpus(s.dataDir)
	if err != nil {
		return err
	}
	names := []string{baselineName}
	for _, x := range extractors {
		names = append(names, x.name)
	}
	reports := map[string][]*childReport{}
	for range max(1, s.rounds) {
		for _, name := range names {
			rep, err := spawn(name, s.dataDir, s.passes)
			if err != nil {
				return err
			}
			reports[name] = append(reports[name], rep)
		}
	}
	var rows []row
	for _, x := range extractors {
		rep := combine(reports[x.name])
		rows = append(rows, newRow(x.name, c, rep))
		if s.out != "" {
			if err := writePrediction(filepath.Join(s.out, x.name+".json"), rep.Bodies); err != nil {
				return err
			}
		}
	}
	printReport(w, c, rows, combine(reports[baselineName]), s)
	if poly := find(rows, polywireName); poly != nil && s.worst > 0 {
		printWorst(w, c, rows, poly, s.worst)
	}
	return nil
}

// combine merges one extractor's rounds: output and errors of the first
// (extraction is deterministic), pages and CPU time summed, the median
// peak memory.
func combine(reps []*childReport) *childReport {
	out := *reps[0]
	out.Pages, out.CPUSeconds, out.WallSeconds = 0, 0, 0
	rss := make([]int64, 0, len(reps))
	for _, r := range reps {
		out.Pages += r.Pages
		out.CPUSeconds += r.CPUSeconds
		out.WallSeconds += r.WallSeconds
		rss = append(rss, r.MaxRSSKiB)
	}
	slices.Sort(rss)
	out.MaxRSSKiB = rss[len(rss)/2]
	return &out
}

func writePrediction(path string, bodies map[string]string) error {
	pred := make(map[string]map[string]string, len(bodies))
	for id, b := range bodies {
		pred[id] = map[string]string{"articleBody": b}
	}
	b, err := json.Marshal(pred)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("writing predictions: %w", err)
	}
	return nil
}
