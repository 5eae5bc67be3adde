package web

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/polywire/polywire/search"
)

func TestParseQuery(t *testing.T) {
	msk := time.FixedZone("", 3*3600)
	tests := []struct {
		name  string
		query string
		want  search.Query
	}{
		{"empty gets defaults", "", search.Query{Page: 1, Size: 20}},
		{"text and filters are trimmed", "q=+Токио+&language=RU&region=ru-kya&person=person:alexander-uss&org=org:tass&source=sibnews",
			search.Query{Text: "Токио", Language: "ru", Region: "RU-KYA", Person: "person:alexander-uss", Org: "org:tass", Source: "sibnews", Page: 1, Size: 20}},
		{"dates: to covers its whole day", "from=2019-09-01&to=2019-09-30",
			search.Query{From: time.Date(2019, 9, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2019, 9, 30, 23, 59, 59, 999999999, time.UTC), Page: 1, Size: 20}},
		{"date-times keep their offset", "from=2019-09-20T14:05:00%2B03:00&to=2019-09-20T15:00:00Z",
			search.Query{From: time.Date(2019, 9, 20, 14, 5, 0, 0, msk), To: time.Date(2019, 9, 20, 15, 0, 0, 0, time.UTC), Page: 1, Size: 20}},
		{"same day from and to", "from=2019-09-20&to=2019-09-20",
			search.Query{From: time.Date(2019, 9, 20, 0, 0, 0, 0, time.UTC), To: time.Date(2019, 9, 20, 23, 59, 59, 999999999, time.UTC), Page: 1, Size: 20}},
		{"size capped at 100", "size=1000&page=3", search.Query{Page: 3, Size: 100}},
		{"size within range", "size=7", search.Query{Page: 1, Size: 7}},
		{"first of repeated values", "language=ja&language=ru", search.Query{Language: "ja", Page: 1, Size: 20}},
		{"unknown parameters ignored", "lang=ru&foo=bar", search.Query{Page: 1, Size: 20}},
		{"region country only", "region=jp", search.Query{Region: "JP", Page: 1, Size: 20}},
		{"region place id kept as given", "region=city:tokyo", search.Query{Region: "city:tokyo", Page: 1, Size: 20}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, err := parseQuery(v)
			if err != nil {
				t.Fatalf("parseQuery(%q): %v", tt.query, err)
			}
			if !got.From.Equal(tt.want.From) || !got.To.Equal(tt.want.To) {
				t.Errorf("from/to = %v/%v, want %v/%v", got.From, got.To, tt.want.From, tt.want.To)
			}
			got.From, got.To, tt.want.From, tt.want.To = time.Time{}, time.Time{}, time.Time{}, time.Time{}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestParseQueryErrors(t *testing.T) {
	tests := []struct {
		name, query, param string
	}{
		{"bad from", "from=yesterday", "from"},
		{"bad to", "to=2019-13-01", "to"},
		{"to before from", "from=2019-09-20&to=2019-09-01", "to"},
		{"page zero", "page=0", "page"},
		{"page not a number", "page=two", "page"},
		{"page too far", "page=10001", "page"},
		{"negative size", "size=-5", "size"},
		{"size zero", "size=0", "size"},
		{"size overflow", "size=99999999999999999999999", "size"},
		{"language not a code", "language=russian", "language"},
		{"region too long", "region=" + strings.Repeat("x", 201), "region"},
		{"control character", "person=a%00b", "person"},
		{"invalid utf-8", "source=%ff", "source"},
		{"text too long", "q=" + strings.Repeat("я", 1001), "q"},
		{"org too long", "org=" + strings.Repeat("x", 201), "org"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			_, err = parseQuery(v)
			var pe *ParamError
			if !errors.As(err, &pe) {
				t.Fatalf("parseQuery(%.40q) = %v, want a ParamError", tt.query, err)
			}
			if pe.Param != tt.param {
				t.Errorf("param %q, want %q (%v)", pe.Param, tt.param, err)
			}
		})
	}
}
