package web

import (
	"sort"

	"github.com/polywire/polywire/pipeline"
)

// storyPage is the model of a story page.
type storyPage struct {
	layout
	Story        *pipeline.Story
	Paragraphs   []string
	Published    timeView
	Updated      timeView
	Fetched      timeView
	Places       []entityView
	People       []entityView
	Orgs         []entityView
	Translations []translationView
}

type timeView struct{ Text, ISO string }

type entityView struct {
	Name, Original, Code, Role, Mentions, Link string
}

type translationView struct {
	Lang, LangName, Status, StatusClass, Engine, Detail, Headline string
	Paragraphs                                                    []string
}

func (p *storyPage) fill(st *pipeline.Story) {
	p.Story = st
	p.Paragraphs = paragraphs(st.Body)
	p.Published = timeView{formatTime(st.Published), machineTime(st.Published)}
	p.Updated = timeView{formatTime(st.Updated), machineTime(st.Updated)}
	p.Fetched = timeView{formatTime(st.Fetched), machineTime(st.Fetched)}
	p.Places = p.entities(st.Places, "region")
	p.People = p.entities(st.People, "person")
	p.Orgs = p.entities(st.Organisations, "org")
	p.Translations = p.translations(st.Translations)
}

// entities shows each entity by its name in the UI language when known,
// with the name as written alongside, and links to a search filtered on it.
func (p *storyPage) entities(es []pipeline.Entity, filter string) []entityView {
	var out []entityView
	for _, e := range es {
		v := entityView{Name: e.Name, Code: e.Code, Role: p.role(e)}
		if n := e.Names[p.T.lang]; n != "" && n != e.Name {
			v.Name, v.Original = n, e.Name
		}
		if e.Count > 0 {
			v.Mentions = p.T.N("entity_mentions", e.Count)
		}
		// Places filter by code, or by id when they have none (city:tokyo).
		key := e.ID
		if filter == "region" && e.Code != "" {
			key = e.Code
		}
		if key != "" {
			v.Link = p.Links.With(filter, key)
		}
		out = append(out, v)
	}
	return out
}

// role renders "governor, RU-KYA" or "ambassador, RU, to JP".
func (p *storyPage) role(e pipeline.Entity) string {
	if e.Role == "" {
		return ""
	}
	s := p.T.Role(e.Role)
	if e.Office != "" {
		s += ", " + e.Office
	}
	if e.To != "" {
		s += ", " + p.T.T("role_to", "To", e.To)
	}
	return s
}

func (p *storyPage) translations(ts map[string]pipeline.Translation) []translationView {
	langs := make([]string, 0, len(ts))
	for l := range ts {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	out := make([]translationView, 0, len(langs))
	for _, l := range langs {
		t := ts[l]
		out = append(out, translationView{
			Lang: l, LangName: p.T.LanguageName(l), Status: p.T.Status(t.Status), StatusClass: t.Status,
			Engine: t.Engine, Detail: t.Detail, Headline: t.Headline, Paragraphs: paragraphs(t.Body),
		})
	}
	return out
}
