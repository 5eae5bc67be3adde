package meili

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search/internal/doc"
)

// document builds the Meilisearch document of a live story.
func document(s *pipeline.Story) (map[string]any, error) {
	raw, err := json.Marshal(s)
	if err != nil {
		return nil, pipeline.Permanent(fmt.Errorf("meili: encoding story %s: %w", s.ID, err))
	}
	f := doc.Flatten(s)
	d := map[string]any{
		fieldID: f.ID, doc.FieldVersion: f.Version, doc.FieldState: doc.StateLive, doc.FieldStory: string(raw),
		doc.FieldLanguage: f.Language, doc.FieldSource: f.Source, doc.FieldAgency: f.Agency,
		doc.FieldRegion: nonNil(f.Regions), doc.FieldPersonID: nonNil(f.PersonIDs), doc.FieldPersonName: nonNil(f.PersonNames),
		doc.FieldOrgID: nonNil(f.OrgIDs), doc.FieldOrgName: nonNil(f.OrgNames),
	}
	if !f.Published.IsZero() {
		d[fieldPublishedTS] = f.Published.UnixMilli()
	}
	for _, n := range f.EntityNames {
		appendText(d, doc.EntitiesPrefix+group(n.Language), strings.Join(n.Names, "\n"))
	}
	for _, t := range f.Texts {
		g := group(t.Language)
		appendText(d, doc.HeadlinePrefix+g, t.Headline)
		appendText(d, doc.BodyPrefix+g, t.Body)
	}
	return d, nil
}

func appendText(d map[string]any, field, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	if prev, ok := d[field].(string); ok {
		text = prev + "\n\n" + text
	}
	d[field] = text
}

func nonNil(v []string) []string {
	if v == nil {
		return []string{}
	}
	return v
}

// tombstone replaces a canceled story: id and version only, so that a late
// older version is still recognised as stale, and state=canceled so that no
// search finds it.
func tombstone(s *pipeline.Story) map[string]any {
	return map[string]any{fieldID: s.ID, doc.FieldVersion: s.Version, doc.FieldState: doc.StateCanceled}
}
