package main

import (
	"encoding/json"
	"github.com/polywire/polywire/workers/extract/shingle"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// scorerScript is the reference implementation of the metric, beside a
// checkout in the shared data.
const scorerScript = "../../../shared/tools/extract-score.py"

// TestMetricMatchesReferenceScorer scores the same pages with this port and
// with extract-score.py and requires identical per-page counts and
// figures. Without python3 or the script it skips, except in CI.
func TestMetricMatchesReferenceScorer(t *testing.T) {
	python, err := exec.LookPath("python3")
	if _, serr := os.Stat(scorerScript); err != nil || serr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("reference scorer unavailable in CI: python3 %v, script %v", err, serr)
		}
		t.Skip("python3 or extract-score.py not available")
	}
	pages := []struct{ id, truth, pred string }{
		{"identical", "one two three four five", "one two three four five"},
		{"extra", "one two three four", "one two three four five six"},
		{"missed", "a b c d e f g h", "a b c d"},
		{"empty prediction", "one two three four", ""},
		{"empty truth", "", "something was predicted here"},
		{"both empty", "", ""},
		{"short", "Hello world", "Hello, world!"},
		{"combining marks split tokens", "cafe\u0301 au lait tous les jours", "cafe\u0301 au lait tous les jours"},
		{"numbers of every kind", "x² ½ Ⅻ 3rd 4_5 done", "x² ½ Ⅻ 3rd 4_5"},
		{"cyrillic and cjk", "ТОКИО, 20 сентября. /ТАСС/. 東京 で 会議 が 開かれ た", "ТОКИО, 20 сентября. 東京 で 会議"},
		{"repeats", "a b c d a b c d a b c d", "a b c d a b c d"},
	}
	dir := t.TempDir()
	truth, pred := map[string]map[string]string{}, map[string]map[string]string{}
	var local []shingle.Counts
	for _, p := range pages {
		truth[p.id] = map[string]string{"articleBody": p.truth}
		pred[p.id] = map[string]string{"articleBody": p.pred}
	}
	writeJSON(t, filepath.Join(dir, "truth.json"), truth)
	writeJSON(t, filepath.Join(dir, "pred.json"), pred)
	out := filepath.Join(dir, "score.json")
	cmd := exec.Command(python, scorerScript, filepath.Join(dir, "truth.json"), filepath.Join(dir, "pred.json"), "--n-bootstrap", "0", "--json", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("extract-score.py: %v\n%s", err, b)
	}
	var ref struct {
		F1, Precision, Recall float64
		PerPage               map[string]struct{ TP, FP, FN int } `json:"per_page"`
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		got := shingle.Compare(p.truth, p.pred)
		local = append(local, got)
		want := ref.PerPage[p.id]
		if got != (shingle.Counts{TP: want.TP, FP: want.FP, FN: want.FN}) {
			t.Errorf("%s: got %+v, reference %+v", p.id, got, want)
		}
	}
	pr, r, f1 := shingle.Score(local)
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"precision", pr, ref.Precision}, {"recall", r, ref.Recall}, {"F1", f1, ref.F1}} {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("%s: got %.6f, reference %.6f", c.name, c.got, c.want)
		}
	}
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
