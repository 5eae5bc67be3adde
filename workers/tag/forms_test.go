package tag_test

import "testing"

// TestFixedForms: place names whose forms need more than an ending.
func TestFixedForms(t *testing.T) {
	tg := newTagger(t)
	tests := []struct{ name, lang, text, id, mention string }{
		{"-на- compound inflects its first part", "ru", "Жители Ростова-на-Дону рады.", "city:rostov-on-don", "Ростова-на-Дону"},
		{"fleeting vowel", "ru", "Делегация прибыла из Египта.", "EG", "Египта"},
		{"fleeting vowel, dative", "ru", "Помощь Египту выросла.", "EG", "Египту"},
		{"abbreviation with a dot, English", "en", "Delegates visited St. Petersburg on Monday.", "city:saint-petersburg", "St. Petersburg"},
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
