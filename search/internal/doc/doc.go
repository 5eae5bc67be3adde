// Package doc flattens a Story into the fields both search backends index:
// keyword values (language, source, agency, regions with their ancestors,
// people and organisations), the publication time, and the searchable text
// grouped by language. It also names the document fields both backends
// share (fields.go); each backend adds the few of its own.
package doc

import (
	"strings"
	"time"

	"github.com/polywire/polywire/pipeline"
)

// Fields is the flattened, backend-neutral form of a story.
type Fields struct {
	ID        string
	Version   int
	Language  string
	Source    string
	Agency    string
	Published time.Time
	// Regions holds every place's code (or id when it has none) and the
	// code's ancestors, deduplicated: RU-KYA also yields RU.
	Regions []string
	// PersonIDs and OrgIDs are canonical ids; PersonNames and OrgNames are
	// the canonical names and the names in every language, lower-cased so
	// that filters are case-insensitive.
	PersonIDs   []string
	PersonNames []string
	OrgIDs      []string
	OrgNames    []string
	// Texts is the searchable text by language: the story in its own
	// language and each successful translation in its target language.
	Texts []Text
	// EntityNames are the names of every place, person and organisation,
	// searchable as free text, by language: names[lang] under lang, the
	// canonical name under the story's language.
	EntityNames []Names
}

// Names are entity names in one language.
type Names struct {
	Language string
	Names    []string
}

// Text is a headline and body in one language.
type Text struct {
	Language string
	Headline string
	Body     string
}

// Flatten returns the fields of s. It never fails: missing parts are left
// empty.
func Flatten(s *pipeline.Story) Fields {
	f := Fields{
		ID: s.ID, Version: s.Version, Language: s.Language,
		Source: s.Source, Agency: s.Agency, Published: s.Published,
	}
	f.Regions = Regions(s.Places)
	f.PersonIDs, f.PersonNames = idsAndNames(s.People)
	f.OrgIDs, f.OrgNames = idsAndNames(s.Organisations)
	f.Texts = texts(s)
	f.EntityNames = entityNames(s)
	return f
}

func texts(s *pipeline.Story) []Text {
	out := []Text{{Language: s.Language, Headline: s.Headline, Body: s.Body}}
	for _, lang := range sortedKeys(s.Translations) {
		tr := s.Translations[lang]
		if tr.Status != pipeline.TranslationOK || (tr.Headline == "" && tr.Body == "") {
			continue
		}
		out = append(out, Text{Language: lang, Headline: tr.Headline, Body: tr.Body})
	}
	return out
}

func idsAndNames(es []pipeline.Entity) (ids, names []string) {
	var idSet, nameSet set
	for _, e := range es {
		idSet.add(e.ID)
		nameSet.add(strings.ToLower(e.Name))
		for _, lang := range sortedKeys(e.Names) {
			nameSet.add(strings.ToLower(e.Names[lang]))
		}
	}
	return idSet.items, nameSet.items
}

func entityNames(s *pipeline.Story) []Names {
	byLang := map[string]*set{}
	add := func(lang, name string) {
		if byLang[lang] == nil {
			byLang[lang] = &set{}
		}
		byLang[lang].add(name)
	}
	for _, group := range [][]pipeline.Entity{s.Places, s.People, s.Organisations} {
		for _, e := range group {
			add(s.Language, e.Name)
			for lang, name := range e.Names {
				add(lang, name)
			}
		}
	}
	var out []Names
	for _, lang := range sortedKeys(byLang) {
		if items := byLang[lang].items; len(items) > 0 {
			out = append(out, Names{Language: lang, Names: items})
		}
	}
	return out
}
