package doc

import (
	"slices"
	"strings"
	"testing"

	"github.com/polywire/polywire/pipeline"
)

func TestAncestry(t *testing.T) {
	tests := []struct {
		name, code string
		want       []string
	}{
		{"subdivision", "RU-KYA", []string{"RU-KYA", "RU"}},
		{"lower case subdivision", "ru-kya", []string{"RU-KYA", "RU"}},
		{"country", "JP", []string{"JP"}},
		{"numeric subdivision", "JP-13", []string{"JP-13", "JP"}},
		{"city id kept", "city:tokyo", []string{"city:tokyo"}},
		{"not iso", "moscow-region", []string{"moscow-region"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Ancestry(tt.code); !slices.Equal(got, tt.want) {
				t.Errorf("Ancestry(%q) = %q, want %q", tt.code, got, tt.want)
			}
		})
	}
}

func TestFlatten(t *testing.T) {
	s := &pipeline.Story{
		ID: "a", Version: 2, Language: "ru", Source: "sibnews", Agency: "TASS",
		Headline: "Заголовок", Body: "Текст",
		Places: []pipeline.Entity{
			{ID: "RU-KYA", Code: "RU-KYA", Name: "Красноярский край"},
			{ID: "RU", Code: "RU", Name: "Россия"},
			{ID: "city:tokyo", Name: "Токио", Names: map[string]string{"en": "Tokyo"}},
		},
		People: []pipeline.Entity{{ID: "person:alexander-uss", Name: "Александр Усс", Names: map[string]string{"en": "Alexander Uss"}}},
		Translations: map[string]pipeline.Translation{
			"en": {Status: pipeline.TranslationOK, Headline: "Headline", Body: "Text"},
			"ja": {Status: pipeline.TranslationNoEngine},
		},
	}
	f := Flatten(s)
	if want := []string{"RU-KYA", "RU", "city:tokyo"}; !slices.Equal(f.Regions, want) {
		t.Errorf("Regions = %q, want %q", f.Regions, want)
	}
	if want := []string{"александр усс", "alexander uss"}; !slices.Equal(f.PersonNames, want) {
		t.Errorf("PersonNames = %q, want %q", f.PersonNames, want)
	}
	if len(f.Texts) != 2 || f.Texts[1].Language != "en" {
		t.Errorf("Texts = %+v, want ru and the ok en translation only", f.Texts)
	}
	want := []Names{
		{Language: "en", Names: []string{"Tokyo", "Alexander Uss"}},
		{Language: "ru", Names: []string{"Красноярский край", "Россия", "Токио", "Александр Усс"}},
	}
	if len(f.EntityNames) != len(want) {
		t.Fatalf("EntityNames = %q, want %q", f.EntityNames, want)
	}
	for i := range want {
		if got := f.EntityNames[i]; got.Language != want[i].Language || !slices.Equal(got.Names, want[i].Names) {
			t.Errorf("EntityNames[%d] = %q, want %q", i, got, want[i])
		}
	}
}

func TestWordsCapped(t *testing.T) {
	if got := Words(" a b\tc\n" + strings.Repeat("x ", 20)); len(got) != MaxWords || got[2] != "c" {
		t.Errorf("Words = %q, want %d words starting a b c", got, MaxWords)
	}
}
