package tag_test

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzTag: any input, in any language, yields mentions whose offsets fall
// inside the text and whose Text is the text at those offsets.
func FuzzTag(f *testing.F) {
	tg := newTagger(f)
	for _, s := range []string{
		"", "Губернатор Александр Усс прибыл в Токио.", "安倍晋三首相とプーチン大統領",
		"Japanese Prime Minister Shinzo Abe", "В.В. Путин и Путин В. В.", "Mосква\xff東京 «Солидарность»",
		"Lenta.ru сообщает: ОАО «Газпром»", "'s -- . . ・・ー",
	} {
		f.Add(s, "ru")
		f.Add(s, "ja")
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		r := tg.Tag(text, lang, time.Time{})
		runes := []rune(text)
		for _, m := range r.Entities {
			if m.Start < 0 || m.End > len(runes) || m.Start >= m.End {
				t.Fatalf("offsets %d-%d outside %d code points", m.Start, m.End, len(runes))
			}
			if string(runes[m.Start:m.End]) != m.Text {
				t.Fatalf("mention %q differs from the text at %d-%d", m.Text, m.Start, m.End)
			}
			if m.Type == "" || !utf8.ValidString(m.ID) {
				t.Fatalf("bad mention %+v", m)
			}
		}
	})
}
