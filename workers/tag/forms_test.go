package tag_test

import (
	"slices"
	"strings"
	"testing"
)

// TestFixedForms: place names whose forms need more than an ending.
func TestFixedForms(t *testing.T) {
	tg := newTagger(t)
	tests := []struct{ name, lang, text, id, mention string }{
		{"-на- compound inflects its first part", "ru", "Жители Ростова-на-Дону рады.", "city:rostov-on-don", "Ростова-на-Дону"},
		{"fleeting vowel", "ru", "Делегация прибыла из Египта.", "EG", "Египта"},
		{"fleeting vowel, dative", "ru", "Помощь Египту выросла.", "EG", "Египту"},
		{"abbreviation with a dot, English", "en", "Delegates visited St. Petersburg on Monday.", "city:saint-petersburg", "St. Petersburg"},
		{"US state, inflected", "ru", "Самолёт приземлился в Южной Каролине.", "US-SC", "Южной Каролине"},
		{"Chinese province in Japanese", "ja", "広東省で洪水が起きた。", "CN-GD", "広東省"},
		{"state named with its descriptor", "en", "Floods hit New York State.", "US-NY", "New York State"},
		{"abbreviation with a dot in Russian text", "ru", "Форум в St. Petersburg открылся.", "city:saint-petersburg", "St. Petersburg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, m := range tg.Tag(tt.text, tt.lang, seedDate).Entities {
				if m.ID == tt.id && m.Text == tt.mention {
					return
				}
			}
			t.Errorf("%q: no %s mention %q in %v", tt.text, tt.id, tt.mention, tg.Tag(tt.text, tt.lang, seedDate).Entities)
		})
	}
}

// TestPlaceAfterDescriptorIsNoPerson: capitalised words after a place
// descriptor name a place, not a person.
func TestPlaceAfterDescriptorIsNoPerson(t *testing.T) {
	for _, text := range []string{"Самолёт из города Хилтон Хэд приземлился.", "Митинг прошёл на улице Ленина, у проспекта Кирова."} {
		for _, m := range newTagger(t).Tag(text, "ru", seedDate).Entities {
			if m.Type == "PER" {
				t.Errorf("%q: person %q after a place descriptor", text, m.Text)
			}
		}
	}
}

// TestPlaceAdjectives: adjectives that are part of a place's name.
func TestPlaceAdjectives(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"compass direction in lower case", "Все федерации стран западной Европы поддержали.", "LOC:западной Европы"},
		{"descriptor ends the adjectives", "Он назвал партнёра развитой Турецкой республикой.", "LOC:Турецкой республикой"},
		{"adjective-like settlement name after its descriptor", "Депутат собрания района Отрадное, житель села Красное.", "LOC:Отрадное"},
		{"neuter noun in -ство declines", "Жители Соединённого Королевства вышли.", "LOC:Соединённого Королевства"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mentions(t, "ru", tt.text)
			for _, m := range got {
				if m == tt.want {
					return
				}
			}
			t.Errorf("no %s in %v", tt.want, got)
		})
	}
}

// TestFirstNameAfterDescriptorLikeWord: a word that merely starts like a
// place descriptor (республиканец) does not make the next name a place.
func TestFirstNameAfterDescriptorLikeWord(t *testing.T) {
	got := mentions(t, "ru", "Пост занял республиканец Джон Бенер.")
	for _, m := range got {
		if m == "PER:Джон Бенер" {
			return
		}
	}
	t.Errorf("no PER:Джон Бенер in %v", got)
}

// TestLocativeNonPlaces: capitalised words after в/во/из that are not
// places (the Internet, a palace, a centre), and a facility named by
// adjectives before «станция».
func TestLocativeNonPlaces(t *testing.T) {
	for _, text := range []string{"В Сети появился новый сервис.", "Концерт прошёл во Дворце молодёжи.",
		"Вопросы задавались из Центра управления полётом.", "Эта группа и Южная водозаборная станция утверждают."} {
		for _, m := range mentions(t, "ru", text) {
			if strings.HasPrefix(m, "LOC:") {
				t.Errorf("%q: place %s", text, m)
			}
		}
	}
}

// TestForeignPlaceNames: unknown places of several words after a locative
// preposition or a descriptor, and their Latin glosses.
func TestForeignPlaceNames(t *testing.T) {
	text := "Турнир прошёл в Аль Аин (Al Ain), ранее в Сан Луисе. Рейс из города Хилтон Хэд приземлился. В Ливерпуле Джон Смит сказал. " +
		"Концерт в Лужниках Шаман отменил. Вопрос задали Сергею Иванову."
	got := mentions(t, "ru", text)
	for _, want := range []string{"LOC:Аль Аин", "LOC:Al Ain", "LOC:Сан Луисе", "LOC:Хилтон Хэд", "PER:Джон Смит", "LOC:Лужниках", "PER:Сергею Иванову"} {
		if !slices.Contains(got, want) {
			t.Errorf("no %s in %v", want, got)
		}
	}
	if slices.Contains(got, "LOC:Лужниках Шаман") || slices.Contains(got, "LOC:Иванову") {
		t.Errorf("a place runs on into the sentence or takes a surname: %v", got)
	}
}
