package fetch

import (
	"testing"
	"time"

	"github.com/polywire/polywire/config"
)

func TestResolveDate(t *testing.T) {
	moscow, _ := time.LoadLocation("Europe/Moscow")
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	madrid, _ := time.LoadLocation("Europe/Madrid")
	gofeedUTC := func(s string) *time.Time { // what gofeed returns for an unknown zone: the clock as UTC
		t, _ := time.Parse("2006-01-02 15:04", s)
		return &t
	}
	tests := []struct {
		name   string
		raw    string
		parsed *time.Time
		loc    *time.Location
		want   string // RFC 3339, "" for no date
		ok     bool
	}{
		{"rfc1123z trusted", "Fri, 20 Sep 2019 14:05:00 +0300", ptr(time.Date(2019, 9, 20, 14, 5, 0, 0, time.FixedZone("", 3*3600))), time.UTC, "2019-09-20T14:05:00+03:00", true},
		{"JST reparsed", "Tue, 10 Jun 2025 04:00:00 JST", gofeedUTC("2025-06-10 04:00"), time.UTC, "2025-06-10T04:00:00+09:00", true},
		{"MSK reparsed", "Tue, 10 Jun 2025 04:00:00 MSK", gofeedUTC("2025-06-10 04:00"), time.UTC, "2025-06-10T04:00:00+03:00", true},
		{"russian abbreviations", "Вт, 10 июн 2025 04:00:00 +0300", nil, time.UTC, "2025-06-10T04:00:00+03:00", true},
		{"russian weekday and MSK", "Пт, 20 сен 2019 14:05:00 MSK", nil, time.UTC, "2019-09-20T14:05:00+03:00", true},
		{"russian genitive zoneless", "10 июня 2025 12:30", nil, moscow, "2025-06-10T12:30:00+03:00", true},
		{"russian year word", "20 сентября 2019 г., 14:05", nil, moscow, "2019-09-20T14:05:00+03:00", true},
		{"japanese", "2025年6月10日 04:00", nil, tokyo, "2025-06-10T04:00:00+09:00", true},
		{"japanese with weekday", "2025年6月10日(火) 4時05分", nil, tokyo, "2025-06-10T04:05:00+09:00", true},
		{"zoneless iso in source zone", "2025-06-10 04:00:00", gofeedUTC("2025-06-10 04:00"), tokyo, "2025-06-10T04:00:00+09:00", true},
		{"dotted zoneless", "10.06.2025 12:30", nil, moscow, "2025-06-10T12:30:00+03:00", true},
		{"atom rfc3339", "2025-06-10T04:00:00Z", ptr(time.Date(2025, 6, 10, 4, 0, 0, 0, time.UTC)), tokyo, "2025-06-10T04:00:00Z", true},
		{"empty", "", nil, time.UTC, "", true},
		{"garbage", "sometime last week", nil, time.UTC, "", false},
		{"unknown zone word", "Tue, 10 Jun 2025 04:00:00 XYZ", gofeedUTC("2025-06-10 04:00"), time.UTC, "", false},
		{"CST is US Central by default", "Tue, 10 Jun 2025 04:00:00 CST", gofeedUTC("2025-06-10 10:00"), time.UTC, "2025-06-10T04:00:00-06:00", true},
		{"KST", "Tue, 10 Jun 2025 04:00:00 KST", nil, time.UTC, "2025-06-10T04:00:00+09:00", true},
		{"spanish long form", "martes, 10 de junio de 2025, a las 12:30 horas", nil, madrid, "2025-06-10T12:30:00+02:00", true},
		{"spanish abbreviation", "10 dic 2024 08:15", nil, madrid, "2024-12-10T08:15:00+01:00", true},
		{"spanish with offset", "10 de septiembre de 2025 12:30 -0300", nil, time.UTC, "2025-09-10T12:30:00-03:00", true},
		{"japanese month only with zone", "2025年6月10日 04:00 JST", nil, time.UTC, "2025-06-10T04:00:00+09:00", true},
		{"russian without year is a problem", "10 июня 12:30", nil, moscow, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := resolveDate(tc.raw, tc.parsed, dateRules{loc: tc.loc})
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v (got %v)", ok, tc.ok, got)
			}
			s := ""
			if !got.IsZero() {
				s = got.Format(time.RFC3339)
			}
			if s != tc.want {
				t.Fatalf("got %q, want %q", s, tc.want)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestSourceZoneOverrides(t *testing.T) {
	china := dateRules{loc: time.UTC, zones: map[string]string{"CST": "+0800"}}
	tests := []struct {
		name, raw string
		parsed    *time.Time
		r         dateRules
		want      string
	}{
		{"CST as China", "Tue, 10 Jun 2025 04:00:00 CST", ptr(time.Date(2025, 6, 10, 10, 0, 0, 0, time.UTC)), china, "2025-06-10T04:00:00+08:00"},
		{"CST as US without override", "Tue, 10 Jun 2025 04:00:00 CST", ptr(time.Date(2025, 6, 10, 10, 0, 0, 0, time.UTC)), dateRules{}, "2025-06-10T04:00:00-06:00"},
		{"unknown abbreviation made known", "Tue, 10 Jun 2025 04:00:00 IST", nil, dateRules{zones: map[string]string{"IST": "+0530"}}, "2025-06-10T04:00:00+05:30"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := resolveDate(tc.raw, tc.parsed, tc.r)
			if !ok || got.Format(time.RFC3339) != tc.want {
				t.Fatalf("got %v %v, want %s", got, ok, tc.want)
			}
		})
	}
}

func TestZoneRulesFromSourceTimezone(t *testing.T) {
	tests := []struct {
		name, tz string
		zones    map[string]string
		abbr     string
		want     string
	}{
		{"china", "Asia/Shanghai", nil, "CST", "+0800"},
		{"us central winter", "America/Chicago", nil, "CST", "-0600"},
		{"us central summer", "America/Chicago", nil, "CDT", "-0500"},
		{"india", "Asia/Kolkata", nil, "IST", "+0530"},
		{"newfoundland", "America/St_Johns", nil, "NST", "-0330"},
		{"zones override the timezone", "America/Chicago", map[string]string{"cst": "Asia/Shanghai"}, "CST", "+0800"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loc, err := time.LoadLocation(tc.tz)
			if err != nil {
				t.Fatal(err)
			}
			got := zoneRules(config.Source{Zones: tc.zones}, loc, now)
			if got[tc.abbr] != tc.want {
				t.Fatalf("%s = %q, want %q (all: %v)", tc.abbr, got[tc.abbr], tc.want, got)
			}
		})
	}
}
