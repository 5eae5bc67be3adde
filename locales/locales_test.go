package locales

import (
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// messages maps a message id to its fields (description, one, few, …).
type messages map[string]map[string]string

func load(t *testing.T, name string) messages {
	t.Helper()
	raw, err := fs.ReadFile(FS, name)
	if err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	var m messages
	if _, err := toml.Decode(string(raw), &m); err != nil {
		t.Fatalf("decoding %s: %v", name, err)
	}
	return m
}

func translations(t *testing.T) []string {
	t.Helper()
	files, err := fs.Glob(FS, "active.*.toml")
	if err != nil {
		t.Fatal(err)
	}
	files = slices.DeleteFunc(files, func(f string) bool { return f == "active.en.toml" })
	if len(files) < 2 {
		t.Fatalf("want at least ru and ja besides en, got %v", files)
	}
	return files
}

func TestEveryLocaleHasEveryKey(t *testing.T) {
	en := load(t, "active.en.toml")
	for _, name := range translations(t) {
		t.Run(name, func(t *testing.T) {
			tr := load(t, name)
			for id := range en {
				if _, ok := tr[id]; !ok {
					t.Errorf("missing message %q", id)
				}
			}
			for id := range tr {
				if _, ok := en[id]; !ok {
					t.Errorf("message %q is not in active.en.toml (stale?)", id)
				}
			}
		})
	}
}

func TestNoEmptyValues(t *testing.T) {
	files, _ := fs.Glob(FS, "active.*.toml")
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			for id, fields := range load(t, name) {
				if _, ok := fields["other"]; !ok {
					t.Errorf("%s: no 'other' form", id)
				}
				for k, v := range fields {
					if strings.TrimSpace(v) == "" {
						t.Errorf("%s.%s is empty", id, k)
					}
				}
			}
		})
	}
}

// pluralForms are the CLDR cardinal forms each language needs for integers
// and fractions.
var pluralForms = map[string][]string{
	"active.en.toml": {"one", "other"},
	"active.ru.toml": {"few", "many", "one", "other"},
	"active.ja.toml": {"other"},
}

func TestPluralMessagesHaveEveryForm(t *testing.T) {
	en := load(t, "active.en.toml")
	for name, want := range pluralForms {
		t.Run(name, func(t *testing.T) {
			m := load(t, name)
			for id, fields := range en {
				if _, plural := fields["one"]; !plural {
					continue
				}
				var got []string
				for k := range m[id] {
					if k != "description" && k != "hash" {
						got = append(got, k)
					}
				}
				sort.Strings(got)
				if !slices.Equal(got, want) {
					t.Errorf("%s: forms %v, want %v", id, got, want)
				}
			}
		})
	}
}

var placeholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

func placeholders(fields map[string]string) []string {
	var out []string
	for k, v := range fields {
		if k == "description" {
			continue
		}
		for _, m := range placeholder.FindAllStringSubmatch(v, -1) {
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

func TestTranslationsKeepPlaceholders(t *testing.T) {
	en := load(t, "active.en.toml")
	for _, name := range translations(t) {
		t.Run(name, func(t *testing.T) {
			tr := load(t, name)
			for id, fields := range en {
				want, got := placeholders(fields), placeholders(tr[id])
				if !slices.Equal(got, want) {
					t.Errorf("%s: placeholders %v, want %v", id, got, want)
				}
			}
		})
	}
}

func TestBundlePlurals(t *testing.T) {
	b, err := Bundle()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, lang string
		count      int
		want       string
	}{
		{"en one", "en", 1, "1 story found"},
		{"en other", "en", 5, "5 stories found"},
		{"en zero", "en", 0, "0 stories found"},
		{"ru one", "ru", 1, "Найдена 1 история"},
		{"ru few", "ru", 3, "Найдено 3 истории"},
		{"ru many", "ru", 5, "Найдено 5 историй"},
		{"ru teen", "ru", 11, "Найдено 11 историй"},
		{"ru 21", "ru", 21, "Найдена 21 история"},
		{"ru 22", "ru", 22, "Найдено 22 истории"},
		{"ja", "ja", 1, "1件の記事が見つかりました"},
		{"unknown language falls back to en", "de", 2, "2 stories found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := i18n.NewLocalizer(b, tt.lang)
			got, err := l.Localize(&i18n.LocalizeConfig{
				MessageID:    "results_found",
				PluralCount:  tt.count,
				TemplateData: map[string]any{"Count": tt.count},
			})
			if err != nil && tt.lang != "de" {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBundleSpeaksEveryFile(t *testing.T) {
	b, err := Bundle()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tag := range b.LanguageTags() {
		got = append(got, tag.String())
	}
	sort.Strings(got)
	if want := []string{"en", "ja", "ru"}; !slices.Equal(got, want) {
		t.Errorf("languages %v, want %v", got, want)
	}
}
