package web

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/polywire/polywire/search"
)

// Limits on search parameters; longer values are rejected with 400.
const (
	maxTextLen  = 1000
	maxValueLen = 200
	maxPage     = 10000
	maxSize     = 100
)

// ParamError is a search parameter with a bad value. Param is the query
// parameter's name (from, size, …).
type ParamError struct {
	Param  string
	Reason string
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("parameter %q: %s", e.Param, e.Reason)
}

var (
	languageCode = regexp.MustCompile(`^[a-z]{2,3}$`)
	regionCode   = regexp.MustCompile(`^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$`)
)

// parseQuery turns the parameters of /api/search (and of the search page)
// into a normalized search.Query. Unknown parameters are ignored; the first
// value of a repeated parameter wins.
func parseQuery(v url.Values) (search.Query, error) {
	q := search.Query{
		Text:     strings.TrimSpace(v.Get("q")),
		Language: strings.ToLower(strings.TrimSpace(v.Get("language"))),
		Region:   normRegion(v.Get("region")),
		Person:   strings.TrimSpace(v.Get("person")),
		Org:      strings.TrimSpace(v.Get("org")),
		Source:   strings.TrimSpace(v.Get("source")),
	}
	if err := checkStrings(q); err != nil {
		return q, err
	}
	var err error
	if q.From, err = parseTime("from", v.Get("from"), false); err != nil {
		return q, err
	}
	if q.To, err = parseTime("to", v.Get("to"), true); err != nil {
		return q, err
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		return q, &ParamError{"to", "is before from"}
	}
	if q.Page, err = parseInt("page", v.Get("page"), 1, maxPage); err != nil {
		return q, err
	}
	if q.Size, err = parseInt("size", v.Get("size"), 1, 0); err != nil {
		return q, err
	}
	q.Size = min(q.Size, maxSize)
	q.Normalize()
	return q, nil
}

// checkStrings validates lengths, encoding and the shape of codes.
func checkStrings(q search.Query) error {
	fields := []struct {
		name, value string
		max         int
	}{
		{"q", q.Text, maxTextLen},
		{"language", q.Language, maxValueLen},
		{"region", q.Region, maxValueLen},
		{"person", q.Person, maxValueLen},
		{"org", q.Org, maxValueLen},
		{"source", q.Source, maxValueLen},
	}
	for _, f := range fields {
		if !utf8.ValidString(f.value) || strings.ContainsFunc(f.value, isControl) {
			return &ParamError{f.name, "contains invalid characters"}
		}
		if utf8.RuneCountInString(f.value) > f.max {
			return &ParamError{f.name, fmt.Sprintf("longer than %d characters", f.max)}
		}
	}
	if q.Language != "" && !languageCode.MatchString(q.Language) {
		return &ParamError{"language", "want an ISO 639 code such as ru"}
	}
	return nil
}

// normRegion upper-cases values shaped like ISO 3166 codes (ru-kya →
// RU-KYA); other values are place ids without a code (city:tokyo), kept as
// given — the same rule the index applies to the region facet.
func normRegion(s string) string {
	s = strings.TrimSpace(s)
	if regionCode.MatchString(s) {
		return strings.ToUpper(s)
	}
	return s
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

// parseTime accepts an RFC 3339 full-date (read in UTC) or date-time. A date
// given as the upper bound covers its whole day.
func parseTime(name, s string, endOfDay bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		if endOfDay {
			d = d.AddDate(0, 0, 1).Add(-time.Nanosecond)
		}
		return d, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, &ParamError{name, "want an RFC 3339 date (2019-09-01) or date-time (2019-09-20T14:05:00+03:00)"}
	}
	return t, nil
}

// parseInt reads a positive integer; empty means the default (0). hi > 0
// caps accepted values.
func parseInt(name, s string, lo, hi int) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || (hi > 0 && n > hi) {
		if hi > 0 {
			return 0, &ParamError{name, fmt.Sprintf("want an integer from %d to %d", lo, hi)}
		}
		return 0, &ParamError{name, fmt.Sprintf("want an integer of at least %d", lo)}
	}
	return n, nil
}
