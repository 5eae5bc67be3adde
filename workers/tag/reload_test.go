package tag_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/workers/tag"
	"github.com/polywire/polywire/workers/tag/gazetteer"
)

// reload does what the running process does when config.Watch reports a
// changed gazetteer directory: load the shipped files and the admin's
// directory, and swap only a gazetteer that loaded.
func reload(tg *tag.Tagger, dir string) error {
	g, err := gazetteer.LoadDirs(config.DefaultGazetteer(), dir)
	if err != nil {
		return err
	}
	tg.Swap(g)
	return nil
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// personIn returns the id and role of the first person tagged in text.
func personIn(tg *tag.Tagger, text string) (id, role, office string) {
	r := tg.Tag(text, "ru", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, p := range r.People {
		return p.ID, p.Role, p.Office
	}
	return "", "", ""
}

// TestHotReload: a gazetteer directory changed on disk takes effect through
// Swap without a new Tagger; a malformed file is rejected with its file and
// line, and the previous gazetteer stays in use.
func TestHotReload(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "officials.yaml")
	writeFile(t, file, "people: []\n")
	tg := tag.New(defaultGazetteer(t))
	if err := reload(tg, dir); err != nil {
		t.Fatal(err)
	}
	const text = "Зоя Кремнёва посетила Токио."
	if id, role, _ := personIn(tg, text); id != "person:zoya-kremneva" || role != "" {
		t.Fatalf("before the change: id %q role %q, want the derived id and no role", id, role)
	}

	writeFile(t, file, `people:
  - id: person:zoya-kremneva-official
    names: {ru: [Зоя Кремнёва], en: [Zoya Kremneva]}
    roles:
      - {role: governor, office: RU-KYA, from: 2023-05-10}
`)
	if err := reload(tg, dir); err != nil {
		t.Fatalf("valid change rejected: %v", err)
	}
	if id, role, office := personIn(tg, text); id != "person:zoya-kremneva-official" || role != "governor" || office != "RU-KYA" {
		t.Fatalf("after the change: %q %q %q, want the gazetteer's official", id, role, office)
	}

	writeFile(t, filepath.Join(dir, "zz-broken.yaml"), "people:\n  - id: person:x\n    names: {ru: [Икс]\n")
	err := reload(tg, dir)
	if err == nil || !regexp.MustCompile(`zz-broken\.yaml:[1-9]`).MatchString(err.Error()) {
		t.Fatalf("malformed file: error %v, want one naming zz-broken.yaml:<line>", err)
	}
	if id, _, _ := personIn(tg, text); id != "person:zoya-kremneva-official" {
		t.Fatalf("after a rejected change the tagger has %q, want the previous gazetteer", id)
	}
}
