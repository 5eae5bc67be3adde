package doc

import "github.com/polywire/polywire/pipeline"

// Latest keeps, per story id, the story with the highest version (on a tie
// the later one), in first-seen order. A nil story or one without an id is a
// permanent error naming its position.
func Latest(stories []*pipeline.Story) ([]*pipeline.Story, error) {
	pos := map[string]int{}
	var out []*pipeline.Story
	for i, s := range stories {
		if s == nil || s.ID == "" {
			return nil, pipeline.Permanentf("story %d of %d has no id", i+1, len(stories))
		}
		j, seen := pos[s.ID]
		switch {
		case !seen:
			pos[s.ID] = len(out)
			out = append(out, s)
		case s.Version >= out[j].Version:
			out[j] = s
		}
	}
	return out, nil
}

// IDs returns the ids of stories.
func IDs(stories []*pipeline.Story) []string {
	ids := make([]string, len(stories))
	for i, s := range stories {
		ids[i] = s.ID
	}
	return ids
}

// Stale reports whether s must not be written over the indexed version
// current (ok says whether anything is indexed under s.ID).
func Stale(s *pipeline.Story, current int, ok bool) bool {
	return ok && s.Version < current
}
