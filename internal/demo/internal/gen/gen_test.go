package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestCorpusUpToDate regenerates the corpus and compares it with the
// committed one, file by file: the committed corpus must be what the
// generator and its inputs produce.
func TestCorpusUpToDate(t *testing.T) {
	data := os.Getenv("POLYWIRE_DATA")
	if data == "" {
		data = "/work/shared/data"
	}
	if _, err := os.Stat(filepath.Join(data, "ner", "dev.jsonl")); err != nil {
		t.Skipf("shared evaluation data not found at %s (set POLYWIRE_DATA): %v", data, err)
	}
	out := t.TempDir()
	if err := run(data, "input", out); err != nil {
		t.Fatalf("run: %v", err)
	}
	committed := filepath.Join("..", "..", "corpus")
	got := listFiles(t, out)
	want := listFiles(t, committed)
	for name := range want {
		if _, ok := got[name]; !ok && filepath.Dir(name) != "." {
			t.Errorf("%s is committed but no longer generated", name)
		}
	}
	for name, b := range got {
		if w, ok := want[name]; !ok {
			t.Errorf("%s is generated but not committed", name)
		} else if !bytes.Equal(b, w) {
			t.Errorf("%s differs from the committed file: run go generate ./internal/demo", name)
		}
	}
}

// listFiles reads every file under dir, keyed by slash path.
func listFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatalf("walking %s: %v", dir, err)
	}
	return out
}

func TestSlugify(t *testing.T) {
	tests := []struct {
		name, in, want string
		words          int
	}{
		{name: "russian", in: "В Токио представили потенциал", words: 8, want: "v-tokio-predstavili-potencial"},
		{name: "short i and yo", in: "Сёмин, Кайрат и йогурт", words: 8, want: "syomin-kajrat-i-jogurt"},
		{name: "spanish accents", in: "Las exportaciones españolas a Japón", words: 8, want: "las-exportaciones-espanolas-a-japon"},
		{name: "word limit", in: "one two three four", words: 2, want: "one-two"},
		{name: "punctuation only", in: "«—»", words: 8, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := slugify(tt.in, tt.words); got != tt.want {
				t.Errorf("slugify(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSummaryAndLead(t *testing.T) {
	if got := summary("One. Two. Three."); got != "One. Two." {
		t.Errorf("summary = %q", got)
	}
	if got := summary("No full stop"); got != "No full stop" {
		t.Errorf("summary = %q", got)
	}
	if got := lead([]string{"Title.", "A b c d e.", "Not this."}, 3); got != "Title. A b c d e." {
		t.Errorf("lead = %q", got)
	}
}
