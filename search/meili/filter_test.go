package meili

import (
	"testing"
	"time"

	"github.com/polywire/polywire/search"
)

func TestFilter(t *testing.T) {
	day := time.Date(2019, 9, 20, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		q    search.Query
		want string
	}{
		{"none", search.Query{}, `state = "live"`},
		{"language and source", search.Query{Language: "ru", Source: "tass"}, `state = "live" AND language = "ru" AND source = "tass"`},
		{"region normalised", search.Query{Region: "ru-kya"}, `state = "live" AND region = "RU-KYA"`},
		{"person id or name", search.Query{Person: "Vladimir Putin"}, `state = "live" AND (person_id = "Vladimir Putin" OR person_name = "vladimir putin")`},
		{"org", search.Query{Org: "org:tass"}, `state = "live" AND (org_id = "org:tass" OR org_name = "org:tass")`},
		{"dates in milliseconds", search.Query{From: day, To: day.Add(time.Hour)}, `state = "live" AND published_ts >= 1568937600000 AND published_ts <= 1568941200000`},
		{"quotes escaped", search.Query{Source: `a"b\c`}, `state = "live" AND source = "a\"b\\c"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := filter(tt.q); got != tt.want {
				t.Errorf("filter = %s\nwant     %s", got, tt.want)
			}
		})
	}
}
