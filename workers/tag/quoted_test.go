package tag_test

import (
	"testing"

	"github.com/polywire/polywire/pipeline"
)

// TestQuotedTitles: a place or person name alone in quotation marks is a
// title (a spacecraft, a show), not the place or person; the same name
// outside quotes, or quoted after an organisation descriptor, still counts.
func TestQuotedTitles(t *testing.T) {
	tg := newTagger(t)
	tests := []struct {
		name, text, mention string
		want                string
	}{
		{"spacecraft named after a country", "После гибели «Колумбии» полёты прекратились.", "Колумбии", ""},
		{"show named after a place", "Зрители спектакля «Большой город» аплодировали.", "Большой город", ""},
		{"the country unquoted", "Делегация Колумбии прибыла.", "Колумбии", pipeline.EntityLocation},
		{"quoted after a descriptor", "Банк «Россия» открыл филиал.", "Россия", pipeline.EntityOrganisation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			for _, m := range tg.Tag(tt.text, "ru", seedDate).Entities {
				if m.Text == tt.mention {
					got = m.Type
				}
			}
			if got != tt.want {
				t.Errorf("%q tagged %q, want %q", tt.mention, got, tt.want)
			}
		})
	}
}
