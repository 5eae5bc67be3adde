package main

import (
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"
)

// want is ner-score.py's --json output for testdata/pred.jsonl against
// testdata/gold.jsonl (4 documents of factRuEval dev, predictions with
// misses, wrong spans and types, a duplicate, type aliases and an ignored
// type), reduced to the exact and token metrics:
//
//	python3 ner-score.py testdata/gold.jsonl testdata/pred.jsonl --tokens --json out.json
type want struct {
	Exact map[string]struct {
		TP       int
		P, R, F1 float64
	}
	Token map[string]struct{ P, R, F1 float64 }
}

// TestScoresMatchNerScore: the Go port gives ner-score.py's numbers.
func TestScoresMatchNerScore(t *testing.T) {
	gold, err := readDocs("testdata/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	pred := readPred(t, "testdata/pred.jsonl")
	var w want
	data, err := os.ReadFile("testdata/ner-score.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &w); err != nil {
		t.Fatal(err)
	}
	s := newScores()
	for _, d := range gold {
		s.scoreDoc([]rune(d.Text), d.Entities, pred[d.ID])
	}
	for _, typ := range append(Types, "micro") {
		t.Run(typ, func(t *testing.T) {
			e := *s.Exact[typ]
			p, r, f := e.PRF()
			x := w.Exact[typ]
			if e.TP != x.TP || !near(p, x.P) || !near(r, x.R) || !near(f, x.F1) {
				t.Errorf("exact: tp %d P %.4f R %.4f F1 %.4f, ner-score.py tp %d P %.4f R %.4f F1 %.4f", e.TP, p, r, f, x.TP, x.P, x.R, x.F1)
			}
			p, r, f = s.Token[typ].PRF()
			k := w.Token[typ]
			if !near(p, k.P) || !near(r, k.R) || !near(f, k.F1) {
				t.Errorf("token: P %.4f R %.4f F1 %.4f, ner-score.py P %.4f R %.4f F1 %.4f", p, r, f, k.P, k.R, k.F1)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// readPred reads prediction lines, keeping the scored types as
// ner-score.py does.
func readPred(t *testing.T, path string) map[string][]Entity {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]Entity{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var d struct {
			ID       string   `json:"id"`
			Entities []Entity `json:"entities"`
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Entities {
			if e.Type = normType(e.Type); e.Type == "PER" || e.Type == "LOC" || e.Type == "ORG" {
				out[d.ID] = append(out[d.ID], e)
			}
		}
	}
	return out
}
