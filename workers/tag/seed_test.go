package tag_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/tag"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// TestSeedGolden tags the seed story and its English and Japanese
// renderings and compares the whole result with testdata/*.golden.json.
func TestSeedGolden(t *testing.T) {
	tg := newTagger(t)
	for _, lang := range []string{"ru", "en", "ja"} {
		t.Run(lang, func(t *testing.T) {
			text := readFile(t, filepath.Join("testdata", "seed-"+lang+".txt"))
			got, err := json.MarshalIndent(tg.Tag(text, lang, seedDate), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "seed-"+lang+".golden.json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want := readFile(t, golden)
			if string(got)+"\n" != want {
				t.Errorf("result differs from %s (run go test -update to accept):\n%s", golden, got)
			}
		})
	}
}

// TestSeedFacets checks what a reader expects of the seed story, and that
// the three languages name the same ids.
func TestSeedFacets(t *testing.T) {
	tg := newTagger(t)
	tests := []struct {
		lang          string
		places        []string
		people        []string
		organisations []string
	}{
		{"ru", []string{"RU-KYA", "JP", "RU", "city:tokyo"},
			[]string{"person:alexander-uss", "person:mikhail-galuzin", "person:vladimir-putin", "person:shinzo-abe"},
			[]string{"org:tass", "org:rotobo"}},
		{"en", []string{"RU-KYA", "JP", "RU", "city:tokyo"},
			[]string{"person:alexander-uss", "person:mikhail-galuzin", "person:vladimir-putin", "person:shinzo-abe"},
			[]string{"org:tass"}},
		{"ja", []string{"RU-KYA", "JP", "RU", "city:tokyo"},
			[]string{"person:alexander-uss", "person:mikhail-galuzin", "person:vladimir-putin", "person:shinzo-abe"},
			[]string{"org:tass"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			r := tg.Tag(readFile(t, filepath.Join("testdata", "seed-"+tt.lang+".txt")), tt.lang, seedDate)
			assertSameIDs(t, "places", entityIDs(r.Places), tt.places)
			assertSameIDs(t, "people", entityIDs(r.People), tt.people)
			assertSameIDs(t, "organisations", entityIDs(r.Organisations), tt.organisations)
			checkSeedRoles(t, r)
		})
	}
}

func checkSeedRoles(t *testing.T, r tag.Result) {
	t.Helper()
	want := map[string][3]string{
		"person:alexander-uss":   {"governor", "RU-KYA", ""},
		"person:mikhail-galuzin": {"ambassador", "RU", "JP"},
		"person:vladimir-putin":  {"president", "RU", ""},
		"person:shinzo-abe":      {"prime minister", "JP", ""},
	}
	for _, p := range r.People {
		if w, ok := want[p.ID]; ok && [3]string{p.Role, p.Office, p.To} != w {
			t.Errorf("%s: role %q office %q to %q, want %v", p.ID, p.Role, p.Office, p.To, w)
		}
	}
}

func entityIDs(es []pipeline.Entity) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

// assertSameIDs requires every wanted id and no id outside want.
func assertSameIDs(t *testing.T, what string, got, want []string) {
	t.Helper()
	a, b := slices.Clone(got), slices.Clone(want)
	slices.Sort(a)
	slices.Sort(b)
	if !slices.Equal(a, b) {
		t.Errorf("%s = %v, want %v", what, a, b)
	}
}

// TestSeedCounts checks the facet counts and canonical names of the
// Russian seed story.
func TestSeedCounts(t *testing.T) {
	r := newTagger(t).Tag(readFile(t, "testdata/seed-ru.txt"), "ru", seedDate)
	tests := []struct {
		id, name string
		count    int
	}{
		{"RU-KYA", "Красноярский край", 8},
		{"city:tokyo", "Токио", 3},
		{"person:alexander-uss", "Александр Усс", 3},
		{"person:mikhail-galuzin", "Михаил Галузин", 2},
		{"org:rotobo", "РОТОБО", 2},
	}
	all := append(append(append([]pipeline.Entity{}, r.Places...), r.People...), r.Organisations...)
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			i := slices.IndexFunc(all, func(e pipeline.Entity) bool { return e.ID == tt.id })
			if i < 0 {
				t.Fatalf("no %s", tt.id)
			}
			if all[i].Name != tt.name || all[i].Count != tt.count {
				t.Errorf("%s: name %q count %d, want %q %d", tt.id, all[i].Name, all[i].Count, tt.name, tt.count)
			}
		})
	}
}

// TestFactRuEvalGolden tags three documents of the factRuEval-2016
// development set (MIT, testdata/factrueval/LICENSE) with TagJSONL and
// compares the output with the golden file, to catch recogniser changes.
func TestFactRuEvalGolden(t *testing.T) {
	in, err := os.Open("testdata/factrueval/docs.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var out bytes.Buffer
	if err := newTagger(t).TagJSONL(context.Background(), in, &out, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	golden := "testdata/factrueval/docs.golden.jsonl"
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if want := readFile(t, golden); out.String() != want {
		t.Errorf("output differs from %s (run go test -update to accept)", golden)
	}
}
