package pipeline

import "time"

// SchemaVersion is the value of Story.Schema written by this build. It changes
// only with a documented migration (see docs/schema.md).
const SchemaVersion = 1

// Publication status values (IPTC ninjs pubstatus).
const (
	PubStatusUsable   = "usable"
	PubStatusWithheld = "withheld"
	PubStatusCanceled = "canceled"
)

// LanguageUnknown is the language of a story whose language cannot be told.
// It is not an error: such stories flow through every stage.
const LanguageUnknown = "und"

// Story is the versioned message that flows from the extract stage onwards and
// that subscribers receive. Field names follow IPTC ninjs where one exists.
// Times keep the offset the source gave them.
type Story struct {
	Schema    int    `json:"schema"`
	ID        string `json:"id"`
	Version   int    `json:"version"`
	PubStatus string `json:"pubstatus"`
	// Source is the configured source id we fetched; Agency the originating
	// agency when known (a republished TASS story: source sibnews, agency TASS).
	Source   string `json:"source"`
	Agency   string `json:"agency,omitempty"`
	URI      string `json:"uri,omitempty"`
	URL      string `json:"url,omitempty"`
	Language string `json:"language"`
	Headline string `json:"headline"`
	Summary  string `json:"summary,omitempty"`
	// Body is plain text as written, dateline included; paragraphs are
	// separated by a blank line.
	Body     string   `json:"body"`
	Byline   string   `json:"byline,omitempty"`
	Image    string   `json:"image,omitempty"`
	Urgency  int      `json:"urgency,omitempty"`
	Keywords []string `json:"keywords,omitempty"`

	Published      time.Time `json:"published,omitzero"`
	Updated        time.Time `json:"updated,omitzero"`
	VersionCreated time.Time `json:"versioncreated,omitzero"`
	Fetched        time.Time `json:"fetched,omitzero"`
	Embargoed      time.Time `json:"embargoed,omitzero"`
	// DateProblem records a source date that could not be parsed, as written;
	// the date is then left empty rather than replaced by "now".
	DateProblem string `json:"date_problem,omitempty"`

	Dateline *Dateline `json:"dateline,omitempty"`

	// Entities lists every mention found by the tag stage; Places, People and
	// Organisations are the facets deduplicated by canonical id.
	Entities      []Mention `json:"entities,omitempty"`
	Places        []Entity  `json:"places,omitempty"`
	People        []Entity  `json:"people,omitempty"`
	Organisations []Entity  `json:"organisations,omitempty"`

	// Translations is keyed by target language (ISO 639-1).
	Translations map[string]Translation `json:"translations,omitempty"`

	DuplicateOf *string `json:"duplicate_of"`
	Cluster     string  `json:"cluster,omitempty"`

	// Extraction notes why the body is empty or suspicious ("no article
	// found"); empty when extraction went well.
	Extraction string `json:"extraction,omitempty"`
}

// Dateline is the dateline of a wire story as written, e.g.
// {place: ТОКИО, agency: ТАСС, date: 20 сентября}.
type Dateline struct {
	Place  string `json:"place,omitempty"`
	Agency string `json:"agency,omitempty"`
	Date   string `json:"date,omitempty"`
	// Parsed is Date resolved to a calendar day (year from the publication
	// date when the dateline has none), RFC 3339 full-date.
	Parsed string `json:"parsed,omitempty"`
}

// Entity types.
const (
	EntityPerson       = "PER"
	EntityLocation     = "LOC"
	EntityOrganisation = "ORG"
)

// Entity is one facet value of a story: a place, a person or an organisation
// deduplicated by canonical id, with the number of mentions.
type Entity struct {
	ID    string            `json:"id"`
	Name  string            `json:"name"`
	Names map[string]string `json:"names,omitempty"`
	Count int               `json:"count"`
	// Code is the ISO 3166-1 alpha-2 or ISO 3166-2 code of a place.
	Code string `json:"code,omitempty"`
	// Role is an English keyword (governor, ambassador, president, prime
	// minister, minister, mayor, …); Office the country or region code of the
	// office; To the country an envoy is accredited to.
	Role   string `json:"role,omitempty"`
	Office string `json:"office,omitempty"`
	To     string `json:"to,omitempty"`
}

// Mention is one occurrence of an entity in a story's text. Start and End are
// offsets in Unicode code points of the text that was tagged (headline, a
// blank line, then body — see TaggedText).
type Mention struct {
	Type   string            `json:"type"`
	Text   string            `json:"text"`
	Start  int               `json:"start"`
	End    int               `json:"end"`
	ID     string            `json:"id,omitempty"`
	Name   string            `json:"name,omitempty"`
	Names  map[string]string `json:"names,omitempty"`
	Code   string            `json:"code,omitempty"`
	Role   string            `json:"role,omitempty"`
	Office string            `json:"office,omitempty"`
	To     string            `json:"to,omitempty"`
}

// TaggedText is the text the tag stage reads and the mention offsets refer to.
func (s *Story) TaggedText() string {
	if s.Headline == "" {
		return s.Body
	}
	if s.Body == "" {
		return s.Headline
	}
	return s.Headline + "\n\n" + s.Body
}

// Translation status values.
const (
	TranslationOK       = "ok"
	TranslationNoEngine = "no-engine"
	TranslationFailed   = "failed"
	TranslationPending  = "pending"
)

// Translation is one target language of a story. Every translation is machine
// made (Machine is always true); Status says whether there is one at all.
type Translation struct {
	Status   string    `json:"status"`
	Headline string    `json:"headline,omitempty"`
	Body     string    `json:"body,omitempty"`
	Engine   string    `json:"engine,omitempty"`
	Machine  bool      `json:"machine"`
	Detail   string    `json:"detail,omitempty"`
	Created  time.Time `json:"created,omitzero"`
}

// Meta returns the routing metadata of a story.
func (s *Story) Meta() Meta {
	return Meta{StoryID: s.ID, Version: s.Version, Source: s.Source, URL: s.URL, Language: s.Language}
}
