package lang

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"Russian", "Делегация Красноярского края во главе с губернатором в пятницу провела в Токио презентацию экономического потенциала региона.", "ru"},
		{"Ukrainian", "Делегація області провела в Токіо презентацію економічного потенціалу регіону, і це було успішно.", "uk"},
		{"Bulgarian", "Правителството одобри бюджета за следващата година, който ще бъде внесен в парламента през октомври.", "bg"},
		{"Serbian Cyrillic", "Влада је усвојила буџет за следећу годину, који ће бити упућен скупштини у октобру.", "sr"},
		{"Japanese", "ロシア・クラスノヤルスク地方の代表団は東京で説明会を開いた。", "ja"},
		{"Chinese", "克拉斯诺亚尔斯克边疆区代表团在东京举行推介会。", "zh"},
		{"Korean", "크라스노야르스크 지방 대표단이 도쿄에서 설명회를 열었다.", "ko"},
		{"English", "The governor said that exports of aluminium to Japan grew in the first half of the year.", "en"},
		{"Spanish", "El gobernador dijo que las exportaciones de aluminio a Japón crecieron en el primer semestre del año.", "es"},
		{"French", "Le gouverneur a déclaré que les exportations d'aluminium vers le Japon ont augmenté au premier semestre.", "fr"},
		{"German", "Der Gouverneur sagte, dass die Exporte von Aluminium nach Japan im ersten Halbjahr gestiegen sind.", "de"},
		{"Italian", "Il governatore ha detto che le esportazioni di alluminio verso il Giappone sono cresciute nel primo semestre.", "it"},
		{"Portuguese", "O governador disse que as exportações de alumínio para o Japão cresceram no primeiro semestre do ano.", "pt"},
		{"Arabic", "قال الحاكم إن صادرات الألومنيوم إلى اليابان نمت في النصف الأول من العام.", "ar"},
		{"Greek", "Ο κυβερνήτης είπε ότι οι εξαγωγές αλουμινίου στην Ιαπωνία αυξήθηκαν.", "el"},
		{"too short", "Tokyo", Unknown},
		{"short headline without function words", "Tokyo announces new elections", Unknown},
		{"digits only", "12:30 — 14:45", Unknown},
		{"empty", "", Unknown},
		{"single kanji", "東", Unknown},
	}
	d := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := d.Detect(tt.text); got != tt.want {
				t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func BenchmarkDetect(b *testing.B) {
	d := New()
	text := "Делегация Красноярского края во главе с губернатором Александром Уссом в пятницу провела в Токио презентацию экономического, инвестиционного и туристического потенциала региона."
	for b.Loop() {
		d.Detect(text)
	}
}
