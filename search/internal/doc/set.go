package doc

import (
	"sort"
	"strings"
)

// set keeps non-empty strings in first-seen order without duplicates.
type set struct {
	items []string
	seen  map[string]bool
}

func (s *set) add(v string) {
	v = strings.TrimSpace(v)
	if v == "" || s.seen[v] {
		return
	}
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	s.seen[v] = true
	s.items = append(s.items, v)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
