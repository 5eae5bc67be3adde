// Command nerbench prints the tag stage's targets from issue 4 in one run:
// exact-span and token-level F1 per type on a NER corpus (all documents, and
// the fixed held-out split: every 4th document), throughput in MB of text
// per CPU-second, and the gazetteer's load time and heap.
//
//	go run ./workers/tag/internal/nerbench                 # defaults to /work/shared/data/ner/dev.jsonl
//	go run ./workers/tag/internal/nerbench -in dev.jsonl -cpu 5s -check
//
// The scores are a Go port of ner-score.py (offsets mode; exact and
// --tokens), checked against it in score_test.go. With -check the exit
// status is 1 when a target is missed.
package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"
)

// Targets of issue 4.
const (
	targetPER, targetLOC, targetORG = 0.93, 0.90, 0.75
	targetMBps                      = 20.0
	targetLoad                      = time.Second
	targetHeapMB                    = 200.0
)

func main() {
	in := flag.String("in", "/work/shared/data/ner/dev.jsonl", "gold JSONL: {id, lang, text, entities}")
	holdout := flag.Int("holdout", 4, "held-out split: every N-th document (0: none)")
	cpu := flag.Duration("cpu", 3*time.Second, "CPU time to spend on the throughput run")
	check := flag.Bool("check", false, "exit 1 when a target is missed")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the throughput run to this file")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ok, err := run(os.Stdout, *in, *holdout, *cpu, *profile)
	if err != nil {
		log.Error("nerbench", "error", err)
		os.Exit(2)
	}
	if *check && !ok {
		os.Exit(1)
	}
}

func run(w io.Writer, in string, holdout int, cpu time.Duration, profile string) (bool, error) {
	gs, err := measureGazetteer()
	if err != nil {
		return false, err
	}
	docs, err := readDocs(in)
	if err != nil {
		return false, err
	}
	tg := gs.tagger
	all := evaluate(tg, docs)
	ok := printScores(w, fmt.Sprintf("all %d documents of %s", len(docs), in), all, true)
	if holdout > 0 {
		ho, rest := split(docs, holdout)
		printScores(w, fmt.Sprintf("held out: every %dth document (%d)", holdout, len(ho)), evaluate(tg, ho), false)
		seen, sealed := split(ho, 2)
		printScores(w, fmt.Sprintf("held out, first half (%d, every %dth from the first: errors looked at)", len(seen), 2*holdout), evaluate(tg, seen), false)
		printScores(w, fmt.Sprintf("held out, second half (%d, every %dth from the %dth: sealed)", len(sealed), 2*holdout, holdout+1), evaluate(tg, sealed), false)
		printScores(w, fmt.Sprintf("tuning rest (%d)", len(rest)), evaluate(tg, rest), false)
	}
	stop, err := startProfile(profile)
	if err != nil {
		return false, err
	}
	tp := throughput(tg, docs, cpu)
	stop()
	ok = printPerf(w, tp, gs) && ok
	return ok, nil
}
