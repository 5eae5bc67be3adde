package doc

// Field names both backends give a document. Bleve calls them fields,
// Meilisearch attributes; the names are the same so that an index of either
// reads alike. What only one backend has stays there: Meilisearch's primary
// key "id", the publication time (a date field "published" in Bleve,
// milliseconds in "published_ts" in Meilisearch) and the name of the group of
// languages without their own text fields.
const (
	FieldStory      = "story" // the full Story JSON, stored for Get
	FieldVersion    = "version"
	FieldState      = "state" // StateLive or StateCanceled
	FieldLanguage   = "language"
	FieldSource     = "source"
	FieldAgency     = "agency"
	FieldRegion     = "region"
	FieldPersonID   = "person_id"
	FieldPersonName = "person_name"
	FieldOrgID      = "org_id"
	FieldOrgName    = "org_name"

	// Text fields are a prefix and a language group: headline_ru, body_cjk.
	HeadlinePrefix = "headline_"
	BodyPrefix     = "body_"
	EntitiesPrefix = "entities_"
)

// Values of FieldState. A canceled story leaves a tombstone that no search
// finds.
const (
	StateLive     = "live"
	StateCanceled = "canceled"
)

// FacetFields maps a facet name of search.Result (region, person, language,
// source) to the field or attribute it counts.
var FacetFields = map[string]string{
	"region": FieldRegion, "person": FieldPersonID, "language": FieldLanguage, "source": FieldSource,
}
