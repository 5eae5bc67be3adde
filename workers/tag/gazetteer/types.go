package gazetteer

import "time"

// Place types.
const (
	PlaceCountry = "country"
	PlaceRegion  = "region"
	PlaceCity    = "city"
	// PlaceArea is a place with no ISO code: a continent, a geographic or
	// historical region, a sea, a celestial body ("area:<slug>").
	PlaceArea = "area"
)

// Names maps a language (ISO 639-1) to its name variants; the first variant
// of a language is the canonical nominative name in that language.
type Names map[string][]string

// Canonical returns the canonical name in lang, falling back to English and
// then to any language in alphabetical order; "" when there is no name.
func (n Names) Canonical(lang string) string {
	if v := n[lang]; len(v) > 0 {
		return v[0]
	}
	if v := n["en"]; len(v) > 0 {
		return v[0]
	}
	for _, l := range sortedKeys(n) {
		if len(n[l]) > 0 {
			return n[l][0]
		}
	}
	return ""
}

// CanonicalByLang returns the canonical name of every language.
func (n Names) CanonicalByLang() map[string]string {
	out := make(map[string]string, len(n))
	for l, v := range n {
		if len(v) > 0 {
			out[l] = v[0]
		}
	}
	return out
}

// Place is a country (ISO 3166-1 alpha-2 id), a region (ISO 3166-2 id), a
// city (id "city:<slug>") or an area (id "area:<slug>").
type Place struct {
	ID     string
	Code   string // ISO code; empty for cities and areas
	Type   string // country, region or city
	Parent string // id of the enclosing place
	Names  Names
	Source Pos
}

// Role is a position a person held: Role is an English keyword (president,
// prime minister, governor, ambassador, minister, …), Office the place code
// of the office, To the country an envoy is accredited to. From and Until
// bound the validity (zero: open); Until is exclusive.
type Role struct {
	Role   string
	Office string
	To     string
	From   time.Time
	Until  time.Time
	Source Pos
}

// ValidAt reports whether the role was held at t. A zero t matches a role
// that is still open (no Until).
func (r Role) ValidAt(t time.Time) bool {
	if t.IsZero() {
		return r.Until.IsZero()
	}
	if !r.From.IsZero() && t.Before(r.From) {
		return false
	}
	return r.Until.IsZero() || t.Before(r.Until)
}

// Person is an official or other public figure ("person:<slug>").
type Person struct {
	ID     string
	Names  Names
	Roles  []Role
	Source Pos
}

// RoleAt returns the first listed role valid at t, and false when none is.
// A role with a From or Until date wins over one without dates, wherever
// each is listed: an undated role only says the person held it at some
// time, so it is the answer only when no dated role covers t.
func (p *Person) RoleAt(t time.Time) (Role, bool) {
	var undated Role
	found := false
	for _, r := range p.Roles {
		if !r.ValidAt(t) {
			continue
		}
		if !r.From.IsZero() || !r.Until.IsZero() {
			return r, true
		}
		if !found {
			undated, found = r, true
		}
	}
	return undated, found
}

// Org is an organisation ("org:<slug>"); Abbreviations are matched
// case-sensitively (ТАСС, UN), Names case-insensitively.
type Org struct {
	ID            string
	Names         Names
	Abbreviations Names
	Source        Pos
}

// Pos is where an entry was defined.
type Pos struct {
	File string
	Line int
}

// String formats the position as file:line.
func (p Pos) String() string { return p.File + ":" + itoa(p.Line) }

// Gazetteer is a loaded, validated gazetteer. It is immutable after Load.
type Gazetteer struct {
	places map[string]*Place
	people map[string]*Person
	orgs   map[string]*Org
	order  order
	stop   Names // forms that never match alone, by language
}

type order struct{ places, people, orgs []string }

// Place returns the place with the given id.
func (g *Gazetteer) Place(id string) (*Place, bool) { p, ok := g.places[id]; return p, ok }

// Person returns the person with the given id.
func (g *Gazetteer) Person(id string) (*Person, bool) { p, ok := g.people[id]; return p, ok }

// Org returns the organisation with the given id.
func (g *Gazetteer) Org(id string) (*Org, bool) { o, ok := g.orgs[id]; return o, ok }

// Places returns every place in definition order.
func (g *Gazetteer) Places() []*Place {
	out := make([]*Place, 0, len(g.order.places))
	for _, id := range g.order.places {
		out = append(out, g.places[id])
	}
	return out
}

// People returns every person in definition order.
func (g *Gazetteer) People() []*Person {
	out := make([]*Person, 0, len(g.order.people))
	for _, id := range g.order.people {
		out = append(out, g.people[id])
	}
	return out
}

// Orgs returns every organisation in definition order.
func (g *Gazetteer) Orgs() []*Org {
	out := make([]*Org, 0, len(g.order.orgs))
	for _, id := range g.order.orgs {
		out = append(out, g.orgs[id])
	}
	return out
}

// StopForms returns the normalised-by-the-admin forms of a language that must
// never be tagged on their own (ambiguous common words such as «Того»).
func (g *Gazetteer) StopForms(lang string) []string { return g.stop[lang] }
