package bleve

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search/internal/doc"
)

// document builds the map Bleve indexes for a live story.
func document(s *pipeline.Story) (map[string]any, error) {
	raw, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("bleve: encoding story %s: %w", s.ID, err)
	}
	f := doc.Flatten(s)
	d := map[string]any{
		fieldStory: string(raw), fieldVersion: float64(f.Version), fieldState: stateLive,
		fieldLanguage: f.Language, fieldSource: f.Source, fieldAgency: f.Agency,
		fieldRegion: f.Regions, fieldPersonID: f.PersonIDs, fieldPersonName: f.PersonNames,
		fieldOrgID: f.OrgIDs, fieldOrgName: f.OrgNames,
	}
	if !f.Published.IsZero() {
		d[fieldPublished] = f.Published.UTC().Format(time.RFC3339Nano)
	}
	addTexts(d, f.Texts)
	for _, n := range f.EntityNames {
		appendText(d, entitiesPrefix+group(n.Language), strings.Join(n.Names, "\n"))
	}
	return d, nil
}

// addTexts puts each text into the fields of its language group; two texts
// of one group (a de and an fr translation) are joined by a blank line.
func addTexts(d map[string]any, texts []doc.Text) {
	for _, t := range texts {
		g := group(t.Language)
		appendText(d, headlinePrefix+g, t.Headline)
		appendText(d, bodyPrefix+g, t.Body)
	}
}

func appendText(d map[string]any, field, text string) {
	if text == "" {
		return
	}
	if prev, ok := d[field].(string); ok {
		text = prev + "\n\n" + text
	}
	d[field] = text
}

// tombstone is what a canceled story leaves: its id and version, so that an
// older version arriving later is still recognised as stale.
func tombstone(s *pipeline.Story) map[string]any {
	return map[string]any{fieldVersion: float64(s.Version), fieldState: stateCanceled}
}
