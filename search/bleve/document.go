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
		doc.FieldStory: string(raw), doc.FieldVersion: float64(f.Version), doc.FieldState: doc.StateLive,
		doc.FieldLanguage: f.Language, doc.FieldSource: f.Source, doc.FieldAgency: f.Agency,
		doc.FieldRegion: f.Regions, doc.FieldPersonID: f.PersonIDs, doc.FieldPersonName: f.PersonNames,
		doc.FieldOrgID: f.OrgIDs, doc.FieldOrgName: f.OrgNames,
	}
	if !f.Published.IsZero() {
		d[fieldPublished] = f.Published.UTC().Format(time.RFC3339Nano)
	}
	addTexts(d, f.Texts)
	for _, n := range f.EntityNames {
		appendText(d, doc.EntitiesPrefix+group(n.Language), strings.Join(n.Names, "\n"))
	}
	return d, nil
}

// addTexts puts each text into the fields of its language group; two texts
// of one group (a de and an fr translation) are joined by a blank line.
func addTexts(d map[string]any, texts []doc.Text) {
	for _, t := range texts {
		g := group(t.Language)
		appendText(d, doc.HeadlinePrefix+g, t.Headline)
		appendText(d, doc.BodyPrefix+g, t.Body)
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
	return map[string]any{doc.FieldVersion: float64(s.Version), doc.FieldState: doc.StateCanceled}
}
