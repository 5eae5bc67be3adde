package tag

import (
	"slices"
	"strings"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/tag/gazetteer"
)

// result turns resolved spans into mentions and facets. Mentions of one
// entry share its Names map, in every result of one gazetteer (read-only
// for callers).
func (ix *index) result(ct *cpText, spans []span, lang string, at time.Time) Result {
	r := Result{Entities: make([]pipeline.Mention, 0, len(spans)), Places: []pipeline.Entity{}, People: []pipeline.Entity{}, Organisations: []pipeline.Entity{}}
	f := newFacets()
	c := &resultCache{unknown: map[string][2]string{}}
	for _, s := range spans {
		r.Entities = append(r.Entities, ix.mention(ct, s, lang, at, c))
	}
	linkSurnames(r.Entities)
	for _, m := range r.Entities {
		f.add(m)
	}
	r.Places, r.People, r.Organisations = f.places, f.people, f.orgs
	return r
}

// resultCache holds what one result computes once per entry or text.
type resultCache struct {
	unknown map[string][2]string // a person's text → derived name and id
}

func (ix *index) mention(ct *cpText, s span, lang string, at time.Time, c *resultCache) pipeline.Mention {
	m := pipeline.Mention{Type: s.ref.typ, Text: ct.slice(s.start, s.end), Start: s.start, End: s.end, ID: s.ref.id}
	cn := ix.canon[s.ref]
	switch {
	case cn != nil:
		m.Name, m.Names = cn.name(lang), cn.byLang
	case s.ref.typ == pipeline.EntityPerson:
		if d, ok := c.unknown[m.Text]; ok {
			m.Name, m.ID = d[0], d[1]
		} else {
			ix.unknownPerson(&m, lang)
			c.unknown[m.Text] = [2]string{m.Name, m.ID}
		}
	}
	switch s.ref.typ {
	case pipeline.EntityLocation:
		if p, ok := ix.g.Place(s.ref.id); ok {
			m.Code = p.Code
		}
	case pipeline.EntityPerson:
		m.Role, m.Office, m.To = s.role, s.office, s.to
		if p, ok := ix.g.Person(s.ref.id); ok {
			ix.personRole(&m, p, at)
		}
	}
	return m
}

// linkSurnames gives a surname mentioned alone (Кожемяко также отметил)
// the identity of the full name mentioned elsewhere in the text.
func linkSurnames(ms []pipeline.Mention) {
	type fullName struct {
		last  string // normalised surname
		forms paradigm
		i     int // its mention
	}
	var full []fullName
	seen := map[string]bool{}
	for i, m := range ms {
		if m.Type != pipeline.EntityPerson || m.ID == "" || seen[m.ID] {
			continue
		}
		seen[m.ID] = true
		words := strings.Fields(m.Name)
		if len(words) < 2 {
			continue
		}
		last := normalize(words[len(words)-1])
		full = append(full, fullName{last, newParadigm(last, kindPerson), i})
	}
	for i, m := range ms {
		if len(full) == 0 || m.Type != pipeline.EntityPerson || m.ID != "" || strings.Contains(m.Text, " ") {
			continue
		}
		w := normalize(m.Text)
		j := slices.IndexFunc(full, func(f fullName) bool { return w == f.last || f.forms.has(w) })
		if j >= 0 {
			j = full[j].i
			src := ms[j]
			ms[i].ID, ms[i].Name, ms[i].Names = src.ID, src.Name, src.Names
			if ms[i].Role == "" {
				ms[i].Role, ms[i].Office, ms[i].To = src.Role, src.Office, src.To
			}
		}
	}
}

// personRole fills the role of a gazetteer person valid at the date; when
// none is valid, a role the text stated (role pattern) stays.
func (ix *index) personRole(m *pipeline.Mention, p *gazetteer.Person, at time.Time) {
	if r, ok := p.RoleAt(at); ok {
		m.Role, m.Office, m.To = r.Role, r.Office, r.To
	}
}

// facets deduplicates mentions by id, in order of first mention. Mentions
// without an id (people the gazetteer lacks and no name could be derived
// for) are not facets.
type facets struct {
	places, people, orgs []pipeline.Entity
	pos                  map[string]int
}

func newFacets() *facets { return &facets{pos: map[string]int{}} }

func (f *facets) add(m pipeline.Mention) {
	if m.ID == "" {
		return
	}
	list := f.list(m.Type)
	if list == nil {
		return
	}
	if i, ok := f.pos[m.ID]; ok {
		(*list)[i].Count++
		fillRole(&(*list)[i], m)
		return
	}
	f.pos[m.ID] = len(*list)
	*list = append(*list, pipeline.Entity{ID: m.ID, Name: m.Name, Names: m.Names, Count: 1, Code: m.Code, Role: m.Role, Office: m.Office, To: m.To})
}

func fillRole(e *pipeline.Entity, m pipeline.Mention) {
	if e.Role == "" && m.Role != "" {
		e.Role, e.Office, e.To = m.Role, m.Office, m.To
	}
}

func (f *facets) list(typ string) *[]pipeline.Entity {
	switch typ {
	case pipeline.EntityLocation:
		return &f.places
	case pipeline.EntityPerson:
		return &f.people
	case pipeline.EntityOrganisation:
		return &f.orgs
	}
	return nil
}
