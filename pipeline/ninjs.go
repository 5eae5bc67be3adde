package pipeline

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// NinjsSchema is the IPTC ninjs version ToNinjs produces.
const NinjsSchema = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json#"

// Ninjs is an IPTC ninjs 2.x news item. Only the fields Polywire fills are
// modelled; ninjs forbids unknown top-level properties, so none are added.
type Ninjs struct {
	URI             string        `json:"uri"`
	Type            string        `json:"type"`
	Version         string        `json:"version"`
	Profile         string        `json:"profile,omitempty"`
	FirstCreated    string        `json:"firstcreated,omitempty"`
	VersionCreated  string        `json:"versioncreated,omitempty"`
	Embargoed       string        `json:"embargoed,omitempty"`
	PubStatus       string        `json:"pubstatus"`
	Urgency         int           `json:"urgency,omitempty"`
	Language        string        `json:"language,omitempty"`
	Headlines       []NinjsText   `json:"headlines,omitempty"`
	Descriptions    []NinjsText   `json:"descriptions,omitempty"`
	Bodies          []NinjsText   `json:"bodies,omitempty"`
	By              string        `json:"by,omitempty"`
	Located         string        `json:"located,omitempty"`
	CopyrightHolder string        `json:"copyrightholder,omitempty"`
	InfoSources     []NinjsSource `json:"infosources,omitempty"`
	Subjects        []NinjsThing  `json:"subjects,omitempty"`
	People          []NinjsThing  `json:"people,omitempty"`
	Organisations   []NinjsThing  `json:"organisations,omitempty"`
	Places          []NinjsThing  `json:"places,omitempty"`
	AltIDs          []NinjsAltID  `json:"altids,omitempty"`
	Associations    []NinjsAssoc  `json:"associations,omitempty"`
}

// NinjsText is a headline, description or body.
type NinjsText struct {
	Role        string `json:"role,omitempty"`
	ContentType string `json:"contenttype,omitempty"`
	Value       string `json:"value"`
}

// NinjsSource is an information source (the feed, the originating agency).
type NinjsSource struct {
	Name string `json:"name,omitempty"`
	Role string `json:"role,omitempty"`
	URI  string `json:"uri,omitempty"`
}

// NinjsThing is a person, organisation, place or subject.
type NinjsThing struct {
	Name    string `json:"name,omitempty"`
	Rel     string `json:"rel,omitempty"`
	URI     string `json:"uri,omitempty"`
	Literal string `json:"literal,omitempty"`
}

// NinjsAltID is an alternative identifier.
type NinjsAltID struct {
	Role  string `json:"role,omitempty"`
	Value string `json:"value"`
}

// NinjsAssoc links an associated item (a translation) by name and uri.
type NinjsAssoc struct {
	Name     string `json:"name"`
	URI      string `json:"uri"`
	Language string `json:"language,omitempty"`
}

// ToNinjs exports a story as ninjs 2.x items: the story itself first, then
// one item per usable translation (ninjs allows one language per item),
// linked from the first through associations. version becomes a string.
func ToNinjs(s *Story) []Ninjs {
	uri := "urn:polywire:story:" + s.ID
	item := Ninjs{
		URI:             uri,
		Type:            "text",
		Version:         strconv.Itoa(s.Version),
		FirstCreated:    rfc3339(s.Published),
		VersionCreated:  rfc3339(firstNonZero(s.VersionCreated, s.Updated, s.Published)),
		Embargoed:       rfc3339(s.Embargoed),
		PubStatus:       orDefault(s.PubStatus, PubStatusUsable),
		Urgency:         s.Urgency,
		Language:        ninjsLanguage(s.Language),
		By:              s.Byline,
		CopyrightHolder: s.Agency,
	}
	if s.Headline != "" {
		item.Headlines = []NinjsText{{Role: "main", ContentType: "text/plain", Value: s.Headline}}
	}
	if s.Summary != "" {
		item.Descriptions = []NinjsText{{Role: "summary", ContentType: "text/plain", Value: s.Summary}}
	}
	if s.Body != "" {
		item.Bodies = []NinjsText{{Role: "main", ContentType: "text/plain", Value: s.Body}}
	}
	if s.Dateline != nil {
		item.Located = s.Dateline.Place
	}
	item.InfoSources = append(item.InfoSources, NinjsSource{Name: s.Source, Role: "distributor", URI: s.URL})
	if s.Agency != "" {
		item.InfoSources = append(item.InfoSources, NinjsSource{Name: s.Agency, Role: "originator"})
	}
	for _, e := range s.People {
		item.People = append(item.People, NinjsThing{Name: e.Name, URI: "urn:polywire:" + e.ID, Rel: e.Role})
	}
	for _, e := range s.Organisations {
		item.Organisations = append(item.Organisations, NinjsThing{Name: e.Name, URI: "urn:polywire:" + e.ID})
	}
	for _, e := range s.Places {
		item.Places = append(item.Places, NinjsThing{Name: e.Name, URI: "urn:polywire:" + e.ID, Literal: e.Code})
	}
	if s.URI != "" {
		item.AltIDs = append(item.AltIDs, NinjsAltID{Role: "guid", Value: s.URI})
	}
	items := []Ninjs{item}
	for _, lang := range slices.Sorted(maps.Keys(s.Translations)) {
		t := s.Translations[lang]
		if t.Status != TranslationOK {
			continue
		}
		tu := uri + ":" + lang
		items[0].Associations = append(items[0].Associations, NinjsAssoc{Name: "translation-" + lang, URI: tu, Language: lang})
		tr := Ninjs{
			URI: tu, Type: "text", Version: item.Version, PubStatus: item.PubStatus,
			FirstCreated: item.FirstCreated, VersionCreated: rfc3339(t.Created), Language: lang,
			Headlines:    []NinjsText{{Role: "main", ContentType: "text/plain", Value: t.Headline}},
			Bodies:       []NinjsText{{Role: "main", ContentType: "text/plain", Value: t.Body}},
			Associations: []NinjsAssoc{{Name: "original", URI: uri, Language: item.Language}},
			AltIDs:       []NinjsAltID{{Role: "machine-translation", Value: t.Engine}},
		}
		items = append(items, tr)
	}
	return items
}

func ninjsLanguage(l string) string {
	if l == LanguageUnknown {
		return ""
	}
	return l
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func firstNonZero(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

func orDefault(s, d string) string {
	if strings.TrimSpace(s) == "" {
		return d
	}
	return s
}
