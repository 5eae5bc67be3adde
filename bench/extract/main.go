package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	var (
		dataDir = flag.String("data", defaultDataDir(), "benchmark directory with html/*.html.gz and ground-truth.json")
		out     = flag.String("out", "", "write <extractor>.json predictions (extract-score.py format) into this directory")
		passes  = flag.Int("passes", 3, "timed passes over the corpus per extractor, after one untimed pass")
		child   = flag.String("child", "", "internal: measure this extractor and report JSON on stdout")
		worst   = flag.Int("worst", 0, "also list Polywire's N lowest-scoring pages")
	)
	flag.StringVar(dataDir, "corpus", *dataDir, "alias of -data")
	flag.Parse()
	var err error
	if *child != "" {
		err = runChild(*child, *dataDir, *passes)
	} else {
		err = run(os.Stdout, *dataDir, *out, *passes, *worst)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "extract-bench:", err)
		os.Exit(1)
	}
}

// run measures every extractor in a child process of its own, one after the
// other, scores their output against the ground truth and prints the table.
func run(w io.Writer, dataDir, out string, passes, worst int) error {
	if dataDir == "" {
		return fmt.Errorf("no corpus: pass -data DIR or set POLYWIRE_EXTRACTION_CORPUS")
	}
	c, err := loadCorpus(dataDir)
	if err != nil {
		return err
	}
	base, err := spawn(baselineName, dataDir, passes)
	if err != nil {
		return err
	}
	var rows []row
	for _, x := range extractors {
		rep, err := spawn(x.name, dataDir, passes)
		if err != nil {
			return err
		}
		rows = append(rows, newRow(x.name, c, rep))
		if out != "" {
			if err := writePrediction(filepath.Join(out, x.name+".json"), rep.Bodies); err != nil {
				return err
			}
		}
	}
	printReport(w, c, rows, base, passes)
	if poly := find(rows, polywireName); poly != nil && worst > 0 {
		printWorst(w, c, rows, poly, worst)
	}
	return nil
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
