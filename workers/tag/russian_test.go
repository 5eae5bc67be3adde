package tag

import (
	"slices"
	"testing"
)

func TestRuForms(t *testing.T) {
	tests := []struct {
		name, word string
		kind       wordKind
		want       []string // forms that must be generated
		not        []string // forms that must not
	}{
		{"adjective in -ский", "красноярский", kindNoun, []string{"красноярского", "красноярскому", "красноярским", "красноярском"}, []string{"красноярск"}},
		{"adjective in -ая", "московская", kindNoun, []string{"московской", "московскую"}, nil},
		{"soft adjective", "нижний", kindNoun, []string{"нижнего", "нижнем"}, nil},
		{"noun in -ий", "край", kindNoun, []string{"края", "краю", "краем", "крае"}, nil},
		{"noun in -ия", "япония", kindNoun, []string{"японии", "японию", "японией"}, nil},
		{"noun in -а", "москва", kindNoun, []string{"москвы", "москве", "москву", "москвой"}, nil},
		{"velar noun in -а", "прага", kindNoun, []string{"праги"}, []string{"прагы"}},
		{"soft sign", "казань", kindNoun, []string{"казани", "казанью"}, nil},
		{"indeclinable", "токио", kindNoun, []string{"токио"}, []string{"токиа"}},
		{"vowel before -а", "самоа", kindNoun, []string{"самоа"}, []string{"самое", "самоы"}},
		{"vowel before -а, -уа", "никарагуа", kindNoun, []string{"никарагуа"}, []string{"никарагуе"}},
		{"plural", "штаты", kindNoun, []string{"штатов", "штатам", "штатах"}, nil},
		{"Russian place name in -ово: no surname-like forms", "иваново", kindNoun, []string{"иваново"}, []string{"иванова", "иванову", "иванове"}},
		{"neuter noun in -око", "яблоко", kindNoun, []string{"яблока", "яблоку"}, nil},
		{"foreign name in -о", "монако", kindNoun, []string{"монако"}, []string{"монака"}},
		{"plural in -щи", "мытищи", kindNoun, []string{"мытищ", "мытищам", "мытищах"}, nil},
		{"plural in -ки, o inserted", "химки", kindNoun, []string{"химок", "химкам", "химках"}, nil},
		{"no fleeting vowel before н", "данон", kindNoun, []string{"данона"}, []string{"данна"}},
		{"surname in -ин", "путин", kindPerson, []string{"путина", "путину", "путиным", "путине"}, nil},
		{"surname in -ский", "зеленский", kindPerson, []string{"зеленского", "зеленским"}, nil},
		{"first name in -ий", "дмитрий", kindGiven, []string{"дмитрия", "дмитрием"}, []string{"дмитрого"}},
		{"hyphenated", "санкт-петербург", kindNoun, []string{"санкт-петербурга", "санкт-петербурге"}, nil},
		{"sibilant", "париж", kindNoun, []string{"парижем", "парижа"}, nil},
		{"fixed", "оон", kindFixed, []string{"оон"}, []string{"ооны"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ruForms(tt.word, tt.kind)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("ruForms(%s) = %v, missing %s", tt.word, got, w)
				}
			}
			for _, w := range tt.not {
				if slices.Contains(got, w) {
					t.Errorf("ruForms(%s) = %v, must not contain %s", tt.word, got, w)
				}
			}
		})
	}
}

// TestNeuterInStvo: nouns in -ство decline (Соединённого Королевства), unlike
// foreign names in -о (Токио).
func TestNeuterInStvo(t *testing.T) {
	for _, f := range []string{"королевства", "королевству", "королевством", "королевстве"} {
		if !containsForm(ruForms("королевство", kindNoun), f) {
			t.Errorf("королевство: no form %s", f)
		}
	}
	if got := ruForms("токио", kindNoun); len(got) != 1 {
		t.Errorf("токио has forms %v", got)
	}
}

func TestSurnameLemma(t *testing.T) {
	tests := []struct {
		form   string
		female bool
		want   string
	}{
		{"уссом", false, "усс"},
		{"путиным", false, "путин"},
		{"галузина", false, "галузин"},
		{"зеленского", false, "зеленский"},
		{"захаровой", true, "захарова"},
		{"абэ", false, "абэ"},
	}
	for _, tt := range tests {
		t.Run(tt.form, func(t *testing.T) {
			if got := surnameLemma(tt.form, tt.female); got != tt.want {
				t.Errorf("surnameLemma(%s) = %s, want %s", tt.form, got, tt.want)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ёлка", "елка"},
		{"Mосква", "москва"}, // Latin M
		{"ＴＡＳＳ", "tass"},
		{"Tokyo", "tokyo"},
		{"Кот-д’Ивуар", "кот-д'ивуар"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := normalize(tt.in); got != tt.want {
				t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
