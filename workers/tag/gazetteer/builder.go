package gazetteer

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

var (
	countryID = regexp.MustCompile(`^[A-Z]{2}$`)
	regionID  = regexp.MustCompile(`^[A-Z]{2}-[A-Z0-9]{1,3}$`)
	cityID    = regexp.MustCompile(`^city:[a-z0-9-]+$`)
	areaID    = regexp.MustCompile(`^area:[a-z0-9-]+$`)
	personID  = regexp.MustCompile(`^person:[a-z0-9-]+$`)
	orgID     = regexp.MustCompile(`^org:[a-z0-9-]+$`)
	langKey   = regexp.MustCompile(`^[a-z]{2,3}$`)
)

type builder struct {
	g    *Gazetteer
	errs []error
}

func newBuilder() *builder {
	return &builder{g: &Gazetteer{
		places: map[string]*Place{},
		people: map[string]*Person{},
		orgs:   map[string]*Org{},
		stop:   Names{},
	}}
}

func (b *builder) errorf(p Pos, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if p.Line > 0 {
		b.errs = append(b.errs, fmt.Errorf("%s:%d: %s", p.File, p.Line, msg))
		return
	}
	b.errs = append(b.errs, fmt.Errorf("%s: %s", p.File, msg))
}

func (b *builder) addPlace(file string, n *yaml.Node) {
	pos := Pos{File: file, Line: n.Line}
	var fp filePlace
	if err := n.Decode(&fp); err != nil {
		b.errorf(pos, "place: %v", err)
		return
	}
	p, ok := b.g.places[fp.ID]
	if !ok {
		p = &Place{ID: fp.ID, Names: Names{}, Source: pos}
		b.g.places[fp.ID] = p
		b.g.order.places = append(b.g.order.places, fp.ID)
	}
	setIf(&p.Code, fp.Code)
	setIf(&p.Type, fp.Type)
	setIf(&p.Parent, fp.Parent)
	b.mergeNames(pos, p.Names, fp.Names)
}

func (b *builder) addPerson(file string, n *yaml.Node) {
	pos := Pos{File: file, Line: n.Line}
	var fp filePerson
	if err := n.Decode(&fp); err != nil {
		b.errorf(pos, "person: %v", err)
		return
	}
	p, ok := b.g.people[fp.ID]
	if !ok {
		p = &Person{ID: fp.ID, Names: Names{}, Source: pos}
		b.g.people[fp.ID] = p
		b.g.order.people = append(b.g.order.people, fp.ID)
	}
	b.mergeNames(pos, p.Names, fp.Names)
	if len(fp.Roles) > 0 {
		p.Roles = p.Roles[:0:0]
		for i, fr := range fp.Roles {
			rpos := pos
			if rn := roleNode(n, i); rn != nil {
				rpos.Line = rn.Line
			}
			p.Roles = append(p.Roles, b.role(rpos, fr))
		}
	}
}

// roleNode finds the i-th item of an entry's roles sequence, for its line.
func roleNode(entry *yaml.Node, i int) *yaml.Node {
	for k := 0; k+1 < len(entry.Content); k += 2 {
		if entry.Content[k].Value == "roles" && i < len(entry.Content[k+1].Content) {
			return entry.Content[k+1].Content[i]
		}
	}
	return nil
}

func (b *builder) role(pos Pos, fr fileRole) Role {
	r := Role{Role: strings.TrimSpace(fr.Role), Office: fr.Office, To: fr.To}
	var err error
	if r.From, err = parseDate(fr.From); err != nil {
		b.errorf(pos, "role from: %v", err)
	}
	if r.Until, err = parseDate(fr.Until); err != nil {
		b.errorf(pos, "role until: %v", err)
	}
	if r.Role == "" {
		b.errorf(pos, "role: missing role keyword (president, governor, …)")
	}
	if !r.From.IsZero() && !r.Until.IsZero() && !r.From.Before(r.Until) {
		b.errorf(pos, "role %s: from %s is not before until %s", r.Role, fr.From, fr.Until)
	}
	r.Source = pos
	return r
}

func (b *builder) addOrg(file string, n *yaml.Node) {
	pos := Pos{File: file, Line: n.Line}
	var fo fileOrg
	if err := n.Decode(&fo); err != nil {
		b.errorf(pos, "org: %v", err)
		return
	}
	o, ok := b.g.orgs[fo.ID]
	if !ok {
		o = &Org{ID: fo.ID, Names: Names{}, Abbreviations: Names{}, Source: pos}
		b.g.orgs[fo.ID] = o
		b.g.order.orgs = append(b.g.order.orgs, fo.ID)
	}
	b.mergeNames(pos, o.Names, fo.Names)
	b.mergeNames(pos, o.Abbreviations, fo.Abbreviations)
}

func (b *builder) addStop(m map[string][]string) {
	for l, v := range m {
		b.g.stop[l] = appendNew(b.g.stop[l], v)
	}
}

func (b *builder) mergeNames(pos Pos, dst Names, src map[string][]string) {
	for _, l := range sortedKeys(src) {
		if !langKey.MatchString(l) {
			b.errorf(pos, "names: language %q is not an ISO 639 code", l)
			continue
		}
		for _, v := range src[l] {
			if strings.TrimSpace(v) == "" {
				b.errorf(pos, "names.%s: empty name", l)
			}
		}
		dst[l] = appendNew(dst[l], src[l])
	}
}

func appendNew(dst, src []string) []string {
	for _, v := range src {
		v = strings.TrimSpace(v)
		if v == "" || contains(dst, v) {
			continue
		}
		dst = append(dst, v)
	}
	return dst
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

// parseDate accepts YYYY-MM-DD, YYYY-MM or YYYY; "" is the zero time.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (YYYY-MM-DD)", s)
}
