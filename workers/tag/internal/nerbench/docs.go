package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/polywire/polywire/workers/tag"
)

// doc is one gold document.
type doc struct {
	ID       string   `json:"id"`
	Lang     string   `json:"lang"`
	Text     string   `json:"text"`
	Entities []Entity `json:"entities"`
}

func readDocs(path string) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("nerbench: opening %s: %w", path, err)
	}
	defer f.Close()
	var out []doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var d doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("nerbench: %s:%d: %w", path, line, err)
		}
		for i := range d.Entities {
			d.Entities[i].Type = normType(d.Entities[i].Type)
		}
		out = append(out, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("nerbench: reading %s: %w", path, err)
	}
	return out, nil
}

// split returns every n-th document (from the first) and the others, the
// split nereval -holdout uses.
func split(docs []doc, n int) (held, rest []doc) {
	for i, d := range docs {
		if i%n == 0 {
			held = append(held, d)
		} else {
			rest = append(rest, d)
		}
	}
	return held, rest
}

// normType maps type names as ner-score.py does.
func normType(t string) string {
	t = strings.ToUpper(strings.TrimSpace(t))
	switch t {
	case "PERSON", "PERS":
		return "PER"
	case "LOCATION", "GPE":
		return "LOC"
	case "ORGANIZATION", "ORGANISATION":
		return "ORG"
	}
	return t
}

// evaluate tags every document and scores it.
func evaluate(tg *tag.Tagger, docs []doc) Scores {
	s := newScores()
	for _, d := range docs {
		r := tg.TagDocument(tag.Document{ID: d.ID, Lang: d.Lang, Text: d.Text})
		pred := make([]Entity, 0, len(r.Entities))
		for _, m := range r.Entities {
			pred = append(pred, Entity{Type: normType(m.Type), Start: m.Start, End: m.End})
		}
		s.scoreDoc([]rune(d.Text), d.Entities, pred)
	}
	return s
}
