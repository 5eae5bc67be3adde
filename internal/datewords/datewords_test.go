package datewords

import (
	"strings"
	"testing"
	"time"
)

func TestMonth(t *testing.T) {
	tests := []struct {
		name, word string
		langs      []string
		want       time.Month
	}{
		{"english full", "september", nil, time.September},
		{"english abbreviation", "sept", nil, time.September},
		{"russian genitive", "сентября", nil, time.September},
		{"russian nominative", "май", nil, time.May},
		{"russian abbreviation", "дек", nil, time.December},
		{"spanish variant", "setiembre", nil, time.September},
		{"spanish abbreviation in spanish", "dic", []string{"es"}, time.December},
		{"portuguese", "março", nil, time.March},
		{"french accent", "août", nil, time.August},
		{"german umlaut", "märz", nil, time.March},
		{"word of several languages", "abril", []string{"pt"}, time.April},
		{"second language asked", "enero", []string{"ru", "es"}, time.January},
		{"not in the language asked", "enero", []string{"ru"}, 0},
		{"english not spanish", "march", []string{"es"}, 0},
		{"a declined form is not a whole word", "сентябре", nil, 0},
		{"a stem is not a word", "janv", nil, 0},
		{"upper case is the caller's job", "September", nil, 0},
		{"no month", "monday", nil, 0},
		{"empty", "", nil, 0},
		{"unknown language", "enero", []string{"xx"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Month(tt.word, tt.langs...); got != tt.want {
				t.Errorf("Month(%q, %q) = %v, want %v", tt.word, tt.langs, got, tt.want)
			}
		})
	}
}

func TestMonthStem(t *testing.T) {
	tests := []struct {
		name, word string
		langs      []string
		want       time.Month
	}{
		{"russian prepositional", "сентябре", nil, time.September},
		{"russian abbreviation with t", "сент", []string{"ru"}, time.September},
		{"russian may genitive", "мая", []string{"ru"}, time.May},
		{"russian march not may", "марта", []string{"ru"}, time.March},
		{"french july not june", "juillet", nil, time.July},
		{"french june", "juin", nil, time.June},
		{"french abbreviation", "janv", nil, time.January},
		{"italian", "giugno", nil, time.June},
		{"italian not asked", "giugno", []string{"ru", "es"}, 0},
		{"portuguese october", "outubro", []string{"pt"}, time.October},
		{"spanish only has no pt stem", "outubro", []string{"es"}, 0},
		{"english", "sept", []string{"en"}, time.September},
		{"latin letters are not russian", "sep", []string{"ru"}, 0},
		{"too short", "ja", nil, 0},
		{"no month", "monday", nil, 0},
		{"empty", "", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MonthStem(tt.word, tt.langs...); got != tt.want {
				t.Errorf("MonthStem(%q, %q) = %v, want %v", tt.word, tt.langs, got, tt.want)
			}
		})
	}
}

// TestNoWordNamesTwoMonths guards the union lookups: a word or stem shared
// by languages must name one month, and no stem may begin a stem of
// another month (MonthStem would then depend on the table order).
func TestNoWordNamesTwoMonths(t *testing.T) {
	seen := map[string]time.Month{}
	var all []stem
	for _, tb := range tables {
		for i := range 12 {
			m := time.Month(i + 1)
			for _, w := range strings.Fields(tb.words[i]) {
				if prev, ok := seen[w]; ok && prev != m {
					t.Errorf("%s word %q names %v and %v", tb.lang, w, prev, m)
				}
				seen[w] = m
			}
			for _, p := range strings.Fields(tb.stems[i]) {
				all = append(all, stem{p, m})
			}
		}
	}
	for _, a := range all {
		for _, b := range all {
			if a.month != b.month && strings.HasPrefix(b.prefix, a.prefix) {
				t.Errorf("stem %q (%v) begins stem %q (%v)", a.prefix, a.month, b.prefix, b.month)
			}
		}
	}
}

// TestEveryMonthInEveryLanguage catches a shifted row: each language has a
// stem for all twelve months, and each language with words has words for
// all twelve, each beginning with one of its stems or (Russian May) being
// one.
func TestEveryMonthInEveryLanguage(t *testing.T) {
	for _, tb := range tables {
		for i := range 12 {
			m := time.Month(i + 1)
			if strings.TrimSpace(tb.stems[i]) == "" {
				t.Errorf("%s: no stem for %v", tb.lang, m)
			}
			for _, w := range strings.Fields(tb.words[i]) {
				if got := MonthStem(w, tb.lang); got != m {
					t.Errorf("%s word %q: its stem names %v, want %v", tb.lang, w, got, m)
				}
			}
		}
	}
}
