package config

import (
	"fmt"
	"regexp"
	"time"
	_ "time/tzdata" // zone names validate the same on hosts without zoneinfo

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/http/httpguts"
)

// sourceIDRE is what a source id must match: it becomes a NATS subject
// token and a KV key part.
var sourceIDRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

var zoneAbbrRE = regexp.MustCompile(`^[A-Za-z]{1,6}$`)

// ZoneOffset resolves a zones value (an IANA name or an offset such as
// +0800 or -05:00) to its offset in seconds east of UTC at t.
func ZoneOffset(zone string, t time.Time) (int, bool) {
	if tt, err := time.Parse("-0700", zone); err == nil {
		_, off := tt.Zone()
		return off, true
	}
	if tt, err := time.Parse("-07:00", zone); err == nil {
		_, off := tt.Zone()
		return off, true
	}
	loc, err := time.LoadLocation(zone)
	if err != nil || zone == "" || zone == "Local" {
		return 0, false
	}
	_, off := t.In(loc).Zone()
	return off, true
}

// MinInterval is the shortest poll interval a source may ask for.
const MinInterval = 30 * time.Second

func validateSources(ps *problems, srcs []Source) {
	first := map[string]int{}
	for i := range srcs {
		s := &srcs[i]
		f := fmt.Sprintf("sources[%d]", i)
		validateSourceID(ps, f, s.ID, first, i)
		validateSource(ps, f, s)
	}
}

func validateSourceID(ps *problems, f, id string, first map[string]int, i int) {
	switch {
	case id == "":
		ps.add(f+".id", "every source needs an id such as tass-en", "missing id")
		return
	case !sourceIDRE.MatchString(id):
		ps.add(f+".id", "use lower-case letters, digits, - and _, starting with a letter or digit: it becomes a NATS subject token", "%q is not a valid id", id)
	}
	if j, dup := first[id]; dup {
		file, line := ps.pos.locate(fmt.Sprintf("sources[%d].id", j))
		ps.add(f+".id", fmt.Sprintf("first defined at %s:%d; ids must be unique", file, line), "duplicate source id %q", id)
		return
	}
	first[id] = i
}

func validateSource(ps *problems, f string, s *Source) {
	if s.URL == "" {
		ps.add(f+".url", "the feed URL, e.g. https://tass.com/rss/v2.xml", "missing url")
	} else {
		checkURL(ps, f+".url", s.URL, []string{"http", "https", "file"})
	}
	if s.Language != "" {
		checkLanguage(ps, f+".language", s.Language)
	}
	if s.TimeZone != "" {
		if _, err := time.LoadLocation(s.TimeZone); err != nil {
			ps.add(f+".timezone", "use an IANA zone name such as Europe/Moscow or Asia/Tokyo", "unknown time zone %q", s.TimeZone)
		}
	}
	validateIntervals(ps, f, s)
	validateEnums(ps, f, s)
	validateSelectors(ps, f+".extract.keep", s.Extract.Keep)
	validateSelectors(ps, f+".extract.drop", s.Extract.Drop)
	for name := range s.Headers {
		if !httpguts.ValidHeaderFieldName(name) {
			ps.add(f+".headers."+name, "header names are tokens such as X-Api-Key", "%q is not a valid header name", name)
		}
	}
	if s.KillPattern != "" {
		if _, err := regexp.Compile(s.KillPattern); err != nil {
			ps.add(f+".kill_pattern", "a Go regular expression matched against the headline, e.g. ^KILL\\b", "bad pattern: %v", err)
		}
	}
	for abbr, zone := range s.Zones {
		if !zoneAbbrRE.MatchString(abbr) {
			ps.add(f+".zones."+abbr, "an abbreviation as written in the feed's dates, e.g. CST", "%q is not a zone abbreviation", abbr)
		}
		if _, ok := ZoneOffset(zone, time.Now()); !ok {
			ps.add(f+".zones."+abbr, "an IANA zone such as Asia/Shanghai or an offset such as +0800", "unknown zone %q", zone)
		}
	}
	if s.StaleAfter < 0 {
		ps.add(f+".stale_after", "e.g. 24h", "%s is negative", s.StaleAfter.D())
	}
}

func validateIntervals(ps *problems, f string, s *Source) {
	for _, iv := range []struct {
		name string
		d    Duration
	}{{"interval", s.Interval}, {"min_interval", s.MinInterval}, {"max_interval", s.MaxInterval}} {
		if iv.d != 0 && iv.d.D() < MinInterval {
			ps.add(f+"."+iv.name, fmt.Sprintf("at least %s: be polite to the publisher", MinInterval), "%s is too short", iv.d.D())
		}
	}
	if s.MinInterval != 0 && s.MaxInterval != 0 && s.MinInterval > s.MaxInterval {
		ps.add(f+".min_interval", "min_interval must not exceed max_interval", "%s > max_interval %s", s.MinInterval.D(), s.MaxInterval.D())
	}
	if s.MinInterval != 0 && s.Interval != 0 && s.Interval < s.MinInterval {
		ps.add(f+".interval", "interval must lie within min_interval and max_interval", "%s < min_interval %s", s.Interval.D(), s.MinInterval.D())
	}
	if s.MaxInterval != 0 && s.Interval > s.MaxInterval {
		ps.add(f+".interval", "interval must lie within min_interval and max_interval", "%s > max_interval %s", s.Interval.D(), s.MaxInterval.D())
	}
}

func validateEnums(ps *problems, f string, s *Source) {
	switch s.Pages {
	case "", "auto", "always", "never":
	default:
		ps.add(f+".pages", "use auto, always or never", "unknown value %q", s.Pages)
	}
	switch s.Identity.Field {
	case "", "guid", "link":
	default:
		ps.add(f+".identity.field", "use guid or link", "unknown value %q", s.Identity.Field)
	}
	if s.Identity.Pattern != "" {
		if _, err := regexp.Compile(s.Identity.Pattern); err != nil {
			ps.add(f+".identity.pattern", "a Go regular expression whose first group is the identity", "bad pattern: %v", err)
		}
	}
}

func validateSelectors(ps *problems, field string, sels []string) {
	for i, sel := range sels {
		if _, err := cascadia.ParseGroup(sel); err != nil {
			ps.add(fmt.Sprintf("%s[%d]", field, i), "a CSS selector such as div.article-body", "bad selector %q: %v", sel, err)
		}
	}
}
