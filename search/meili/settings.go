package meili

import (
	"context"
	"fmt"

	"github.com/meilisearch/meilisearch-go"

	"github.com/polywire/polywire/search/internal/doc"
)

// Meilisearch-only attribute names; the shared ones are in package doc.
const (
	fieldID          = "id"           // the primary key
	fieldPublishedTS = "published_ts" // milliseconds since the epoch, filterable and sortable
	groupOther       = "other"        // text of languages without their own locale
)

// locales maps a text-attribute suffix to the Meilisearch locale its text is
// tokenised with (ISO 639-3). Languages not listed share the _other
// attributes and Meilisearch's detection.
var locales = []struct{ suffix, locale string }{
	{"ru", "rus"}, {"uk", "ukr"}, {"en", "eng"}, {"es", "spa"}, {"de", "deu"},
	{"fr", "fra"}, {"ja", "jpn"}, {"zh", "cmn"}, {"ko", "kor"},
}

// group returns the attribute suffix for a language.
func group(lang string) string {
	for _, l := range locales {
		if l.suffix == lang {
			return lang
		}
	}
	return groupOther
}

// textAttributes lists the per-language headline and body attributes,
// headlines first (they rank higher).
func textAttributes() []string { return attributes(doc.HeadlinePrefix, doc.BodyPrefix) }

// searchableAttributes ranks headlines, then entity names, then bodies.
func searchableAttributes() []string {
	return attributes(doc.HeadlinePrefix, doc.EntitiesPrefix, doc.BodyPrefix)
}

func attributes(prefixes ...string) []string {
	var out []string
	for _, prefix := range prefixes {
		for _, l := range locales {
			out = append(out, prefix+l.suffix)
		}
		out = append(out, prefix+groupOther)
	}
	return out
}

func settings() *meilisearch.Settings {
	var localized []*meilisearch.LocalizedAttributes
	for _, l := range locales {
		localized = append(localized, &meilisearch.LocalizedAttributes{
			AttributePatterns: []string{"*_" + l.suffix}, Locales: []string{l.locale},
		})
	}
	return &meilisearch.Settings{
		SearchableAttributes: searchableAttributes(),
		FilterableAttributes: []string{doc.FieldState, doc.FieldLanguage, doc.FieldSource, doc.FieldAgency, doc.FieldRegion,
			doc.FieldPersonID, doc.FieldPersonName, doc.FieldOrgID, doc.FieldOrgName, fieldPublishedTS},
		SortableAttributes:  []string{fieldPublishedTS, doc.FieldVersion},
		LocalizedAttributes: localized,
		Pagination:          &meilisearch.Pagination{MaxTotalHits: doc.MaxWindow},
		Faceting:            &meilisearch.Faceting{MaxValuesPerFacet: 100},
	}
}

func (x *Index) applySettings(ctx context.Context) error {
	ti, err := x.idx.UpdateSettings(ctx, settings())
	if err != nil {
		return fmt.Errorf("meili: updating settings of %s: %w", x.uid, classify(err))
	}
	return x.wait(ctx, ti, "updating settings of "+x.uid)
}
