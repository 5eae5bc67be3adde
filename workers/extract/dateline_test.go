package extract

import (
	"testing"
	"time"

	"github.com/polywire/polywire/pipeline"
)

func TestParseDateline(t *testing.T) {
	published := time.Date(2019, 9, 20, 14, 5, 0, 0, time.FixedZone("MSK", 3*3600))
	tests := []struct {
		name   string
		body   string
		want   *pipeline.Dateline
		agency string
	}{
		{"TASS", "ТОКИО, 20 сентября. /ТАСС/. Делегация Красноярского края провела презентацию.",
			&pipeline.Dateline{Place: "ТОКИО", Agency: "ТАСС", Date: "20 сентября", Parsed: "2019-09-20"}, "TASS"},
		{"TASS after a lead paragraph", "Губернатор отметил рост торговли.\n\nНЬЮ-ЙОРК, 19 сентября. /ТАСС/. Текст.",
			&pipeline.Dateline{Place: "НЬЮ-ЙОРК", Agency: "ТАСС", Date: "19 сентября", Parsed: "2019-09-19"}, "TASS"},
		{"Reuters", "TOKYO (Reuters) - Japan's exports fell for a ninth month.",
			&pipeline.Dateline{Place: "TOKYO", Agency: "Reuters"}, "Reuters"},
		{"Reuters with date", "LONDON, Sep 18 (Reuters) - Sterling rose on Wednesday.",
			&pipeline.Dateline{Place: "LONDON", Agency: "Reuters", Date: "Sep 18", Parsed: "2019-09-18"}, "Reuters"},
		{"Reuters without place", "(Reuters) — The New York State Attorney General is investigating WeWork.",
			&pipeline.Dateline{Agency: "Reuters"}, "Reuters"},
		{"AP", "TOKYO (AP) — Japan's prime minister said on Friday.",
			&pipeline.Dateline{Place: "TOKYO", Agency: "AP"}, "AP"},
		{"AP two-word place", "SAN FRANCISCO (AP) — A judge ruled.",
			&pipeline.Dateline{Place: "SAN FRANCISCO", Agency: "AP"}, "AP"},
		{"AFP", "Tokyo (AFP) - Japan's economy grew.",
			&pipeline.Dateline{Place: "Tokyo", Agency: "AFP"}, "AFP"},
		{"EFE", "Madrid, 20 sep (EFE).- El Gobierno aprobó hoy el plan.",
			&pipeline.Dateline{Place: "Madrid", Agency: "EFE", Date: "20 sep", Parsed: "2019-09-20"}, "EFE"},
		{"Kyodo", "TOKYO, Sept. 20 (Kyodo) -- Japan and Russia agreed.",
			&pipeline.Dateline{Place: "TOKYO", Agency: "Kyodo", Date: "Sept. 20", Parsed: "2019-09-20"}, "Kyodo"},
		{"Kyodo Japanese", "【東京共同】政府は20日、発表した。",
			&pipeline.Dateline{Place: "東京", Agency: "共同"}, "Kyodo"},
		{"Interfax with the place in lower case", "Москва. 20 сентября. INTERFAX.RU - Правительство одобрило план.",
			&pipeline.Dateline{Place: "Москва", Agency: "INTERFAX.RU", Date: "20 сентября", Parsed: "2019-09-20"}, "Interfax"},
		{"RIA Novosti, hyphenated place", "Ростов-на-Дону, 20 сен — РИА Новости. Паводок отступил.",
			&pipeline.Dateline{Place: "Ростов-на-Дону", Agency: "РИА Новости", Date: "20 сен", Parsed: "2019-09-20"}, "RIA Novosti"},
		{"RIA Novosti", "МОСКВА, 20 сен — РИА Новости. Курс доллара снизился.",
			&pipeline.Dateline{Place: "МОСКВА", Agency: "РИА Новости", Date: "20 сен", Parsed: "2019-09-20"}, "RIA Novosti"},
		{"Interfax", "МОСКВА. 20 сентября. INTERFAX.RU - Правительство утвердило план.",
			&pipeline.Dateline{Place: "МОСКВА", Agency: "INTERFAX.RU", Date: "20 сентября", Parsed: "2019-09-20"}, "Interfax"},
		{"Interfax Russian", "ВЛАДИВОСТОК, 20 сентября. Интерфакс - Губернатор подписал указ.",
			&pipeline.Dateline{Place: "ВЛАДИВОСТОК", Agency: "Интерфакс", Date: "20 сентября", Parsed: "2019-09-20"}, "Interfax"},
		{"date with year", "ТОКИО, 31 декабря 2018 года. /ТАСС/. Текст.",
			&pipeline.Dateline{Place: "ТОКИО", Agency: "ТАСС", Date: "31 декабря 2018 года", Parsed: "2018-12-31"}, "TASS"},
		{"EFE with a country", "Krasnoyarsk (Rusia), 18 sep (EFE).- Los barcos turísticos terminaron su temporada.",
			&pipeline.Dateline{Place: "Krasnoyarsk (Rusia)", Agency: "EFE", Date: "18 sep", Parsed: "2019-09-18"}, "EFE"},
		{"Japanese place and date", "【札幌９月17日】北海道を訪れるロシア人観光客が増えている。",
			&pipeline.Dateline{Place: "札幌", Date: "９月17日", Parsed: "2019-09-17"}, ""},
		{"Xinhua", "新华社北京9月20日电 国务院总理在北京会见了代表团。",
			&pipeline.Dateline{Place: "北京", Date: "9月20日", Agency: "新华社", Parsed: "2019-09-20"}, "Xinhua"},
		{"TASS in English", "TOKYO, September 20. /TASS/. A delegation of the Krasnoyarsk Region held a presentation.",
			&pipeline.Dateline{Place: "TOKYO", Agency: "TASS", Date: "September 20", Parsed: "2019-09-20"}, "TASS"},
		{"Interfax in English", "MOSCOW. Sept 20 (Interfax) - The government approved the plan.",
			&pipeline.Dateline{Place: "MOSCOW", Agency: "Interfax", Date: "Sept 20", Parsed: "2019-09-20"}, "Interfax"},
		{"Xinhua in English", "BEIJING, Sept. 20 (Xinhua) -- China's exports rose.",
			&pipeline.Dateline{Place: "BEIJING", Agency: "Xinhua", Date: "Sept. 20", Parsed: "2019-09-20"}, "Xinhua"},
		{"no dateline", "The governor said exports grew (slightly) - again.", nil, ""},
		{"parenthesised word is not an agency", "WASHINGTON (Updated) - Officials said.", nil, ""},
		{"dateline too deep in the body", "One.\n\nTwo.\n\nThree.\n\nFour.\n\nTOKYO (Reuters) - Late.", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseDateline(tt.body, published)
			switch {
			case tt.want == nil && got != nil:
				t.Fatalf("got %+v, want none", got)
			case tt.want == nil:
				return
			case got == nil:
				t.Fatalf("got none, want %+v", tt.want)
			case *got != *tt.want:
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			if a := CanonicalAgency(got.Agency); a != tt.agency {
				t.Errorf("canonical agency %q, want %q", a, tt.agency)
			}
		})
	}
}

func TestResolveDateYearRollover(t *testing.T) {
	published := time.Date(2020, 1, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct{ name, written, want string }{
		{"same year", "1 января", "2020-01-01"},
		{"previous year", "31 декабря", "2019-12-31"},
		{"English", "Dec. 31", "2019-12-31"},
		{"impossible day", "31 февраля", ""},
		{"no month", "31", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := resolveDate(tt.written, published); got != tt.want {
				t.Errorf("resolveDate(%q) = %q, want %q", tt.written, got, tt.want)
			}
		})
	}
	if got := resolveDate("20 сентября", time.Time{}); got != "" {
		t.Errorf("without a publication date got %q, want empty", got)
	}
}
