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
		fieldID: f.ID, fieldVersion: f.Version, fieldState: stateLive, fieldStory: string(raw),
		fieldLanguage: f.Language, fieldSource: f.Source, fieldAgency: f.Agency,
		fieldRegion: nonNil(f.Regions), fieldPersonID: nonNil(f.PersonIDs), fieldPersonName: nonNil(f.PersonNames),
		fieldOrgID: nonNil(f.OrgIDs), fieldOrgName: nonNil(f.OrgNames),
	}
	if !f.Published.IsZero() {
		d[fieldPublishedTS] = f.Published.UnixMilli()
	}
	for _, n := range f.EntityNames {
		appendText(d, entitiesPrefix+group(n.Language), strings.Join(n.Names, "\n"))
	}
	for _, t := range f.Texts {
		g := group(t.Language)
		appendText(d, headlinePrefix+g, t.Headline)
		appendText(d, bodyPrefix+g, t.Body)
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
	return map[string]any{fieldID: s.ID, fieldVersion: s.Version, fieldState: stateCanceled}
}
