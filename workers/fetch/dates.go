package fetch

import (
	"cmp"
	"regexp"
	"strings"
	"time"

	"github.com/polywire/polywire/internal/datewords"
)

// resolveDate turns a feed date into a time that keeps the offset the
// source wrote. raw is parsed here first (zone abbreviations such as JST
// and MSK, Russian and Japanese forms, loc for dates without a zone);
// parsed, gofeed's reading of raw (in UTC, and wrong for zones outside its
// table), is the fallback when raw states its zone in a form gofeed maps
// correctly, or when raw has no zone at all (then its clock is read in
// loc). ok is false when raw is non-empty and cannot be parsed; an empty
// raw gives the zero time and ok.
func resolveDate(raw string, parsed *time.Time, r dateRules) (t time.Time, ok bool) {
	raw = strings.TrimSpace(raw)
	loc := r.location()
	if raw == "" && parsed == nil {
		return time.Time{}, true
	}
	if t, ok := parseDate(raw, r); ok {
		return t, true
	}
	switch {
	case parsed == nil:
		return time.Time{}, false
	case zoneKnown(raw) && !r.overrides(raw):
		return *parsed, true
	case !hasZoneWord(raw):
		p := parsed.UTC()
		return time.Date(p.Year(), p.Month(), p.Day(), p.Hour(), p.Minute(), p.Second(), p.Nanosecond(), loc), true
	}
	return time.Time{}, false
}

var (
	numericZoneRE = regexp.MustCompile(`(?:[+-]\d{2}:?\d{2}|\d[zZ])(?:\s*\([A-Za-z ]+\))?$`)
	// gofeedZones are the abbreviations gofeed maps to their true offset.
	gofeedZones = map[string]bool{"UT": true, "GMT": true, "UTC": true, "Z": true, "EST": true, "EDT": true,
		"CST": true, "CDT": true, "MST": true, "MDT": true, "PST": true, "PDT": true, "WET": true,
		"WEST": true, "BST": true, "CET": true, "CEST": true, "EET": true, "EEST": true}
	zoneWordRE = regexp.MustCompile(`\s([A-Za-z]{1,5})$`)
)

func zoneKnown(raw string) bool {
	if numericZoneRE.MatchString(raw) {
		return true
	}
	m := zoneWordRE.FindStringSubmatch(raw)
	return m != nil && gofeedZones[strings.ToUpper(m[1])]
}

func hasZoneWord(raw string) bool {
	m := zoneWordRE.FindStringSubmatch(raw)
	return m != nil && !isMeridiem(m[1])
}

func isMeridiem(s string) bool { s = strings.ToUpper(s); return s == "AM" || s == "PM" }

// zoneOffsets are abbreviations seen in Russian, Japanese and other wire
// feeds, with their offsets (ambiguous ones such as IST are left out).
var zoneOffsets = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000",
	"MSK": "+0300", "MSD": "+0400", "JST": "+0900", "KST": "+0900", "HKT": "+0800", "SGT": "+0800",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500", "MST": "-0700", "MDT": "-0600",
	"PST": "-0800", "PDT": "-0700", "WET": "+0000", "WEST": "+0100", "BST": "+0100",
	"CET": "+0100", "CEST": "+0200", "EET": "+0200", "EEST": "+0300",
	"YEKT": "+0500", "OMST": "+0600", "KRAT": "+0700", "IRKT": "+0800", "VLAT": "+1000",
}

var zonedLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05-0700", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05-07:00",
	"2006-01-02 15:04 -0700", "2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04 -0700",
	"2 January 2006 15:04:05 -0700", "2 January 2006 15:04 -0700", "2 Jan 06 15:04:05 -0700",
	"Jan 2, 2006 15:04:05 -0700", "January 2, 2006 15:04 -0700", "02.01.2006 15:04:05 -0700", "02.01.2006 15:04 -0700",
}

var localLayouts = []string{
	"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
	"2 Jan 2006 15:04:05", "2 Jan 2006 15:04", "2 Jan 2006", "2 January 2006 15:04:05", "2 January 2006 15:04", "2 January 2006",
	"Jan 2, 2006 15:04", "Jan 2, 2006 3:04 PM", "January 2, 2006 15:04", "January 2, 2006 3:04 PM", "Jan 2, 2006", "January 2, 2006",
	"02.01.2006 15:04:05", "02.01.2006 15:04", "02.01.2006", "15:04 02.01.2006", "15:04, 2 Jan 2006",
}

// dateRules are a source's date settings: its time zone for dates written
// without one, and abbreviation overrides (upper case → offset such as
// "+0800"), e.g. CST for China Standard Time.
type dateRules struct {
	loc   *time.Location
	zones map[string]string
}

func (r dateRules) location() *time.Location {
	if r.loc == nil {
		return time.UTC
	}
	return r.loc
}

// overrides reports whether raw ends in an abbreviation the source maps
// itself (gofeed's reading of it is then wrong).
func (r dateRules) overrides(raw string) bool {
	m := zoneWordRE.FindStringSubmatch(raw)
	return m != nil && r.zones[strings.ToUpper(m[1])] != ""
}

func (r dateRules) offset(word string) (string, bool) {
	if off, ok := r.zones[word]; ok {
		return off, true
	}
	off, ok := zoneOffsets[word]
	return off, ok
}

// parseDate parses raw after normalising Russian, Spanish and Japanese
// forms and zone abbreviations; r.loc applies to dates without a zone.
func parseDate(raw string, r dateRules) (time.Time, bool) {
	loc := r.location()
	s := normalizeDate(raw, r)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range zonedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	for _, l := range localLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

var (
	japaneseRE = regexp.MustCompile(`(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日(?:\s*[(（][^)）]*[)）])?\s*(?:(\d{1,2})[:時]\s*(\d{2})分?)?`)
	weekdayRE  = regexp.MustCompile(`(?i)^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+`)
	yearWordRE = regexp.MustCompile(`(\d{4})\s*(?:г\.|года|год)`)
	spacesRE   = regexp.MustCompile(`\s+`)
	yearTimeRE = regexp.MustCompile(`(\d{4}),\s*(\d{1,2}:\d{2})`)
)

func normalizeDate(raw string, r dateRules) string {
	s := strings.TrimSpace(raw)
	if m := japaneseRE.FindStringSubmatch(s); m != nil {
		hm := "00:00"
		if m[4] != "" {
			hm = pad2(m[4]) + ":" + m[5]
		}
		s = strings.TrimSpace(m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3]) + " " + hm + " " + strings.TrimSpace(s[len(m[0]):]))
	}
	s = yearWordRE.ReplaceAllString(s, "$1")
	s = replaceMonthWords(s)
	s = weekdayRE.ReplaceAllString(spacesRE.ReplaceAllString(s, " "), "")
	s = strings.ReplaceAll(s, " ,", ",")
	s = yearTimeRE.ReplaceAllString(s, "$1 $2")
	s = strings.TrimSuffix(strings.TrimSpace(s), ",")
	return replaceZoneWord(s, r)
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

var russianWeekdays = []string{"пн", "вт", "ср", "чт", "пт", "сб", "вс", "понедельник", "вторник", "среда", "среду",
	"четверг", "пятница", "пятницу", "суббота", "субботу", "воскресенье"}

// spanishFiller are weekday names and connectors of Spanish dates
// ("martes, 10 de junio de 2025, a las 12:30 horas").
var spanishFiller = map[string]bool{"lunes": true, "martes": true, "miércoles": true, "miercoles": true,
	"jueves": true, "viernes": true, "sábado": true, "sabado": true, "domingo": true,
	"de": true, "del": true, "a": true, "las": true, "horas": true, "hrs": true, "h": true}

// replaceMonthWords maps Spanish month names and abbreviations and Russian
// ones (any case form, by stem) to English abbreviations and drops weekday
// names and Spanish connectors.
func replaceMonthWords(s string) string {
	words := strings.Fields(s)
	out := words[:0]
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		if isRussianWeekday(lw) || spanishFiller[lw] {
			continue
		}
		if m := cmp.Or(datewords.Month(lw, "es"), datewords.MonthStem(lw, "ru")); m != 0 {
			w = m.String()[:3] + strings.TrimLeft(w[len(strings.TrimRight(w, ".,")):], ".")
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func isRussianWeekday(w string) bool {
	for _, d := range russianWeekdays {
		if w == d {
			return true
		}
	}
	return false
}

// replaceZoneWord turns a trailing zone abbreviation into its offset.
func replaceZoneWord(s string, r dateRules) string {
	m := zoneWordRE.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	word := strings.ToUpper(s[m[2]:m[3]])
	if off, ok := r.offset(word); ok {
		return s[:m[2]] + off
	}
	return s
}
