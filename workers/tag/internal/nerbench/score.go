package main

import (
	"unicode"
)

// Types are the entity types scored, in print order.
var Types = []string{"PER", "LOC", "ORG"}

// Entity is one gold or predicted mention; offsets are code points, End
// exclusive.
type Entity struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text,omitempty"`
}

// Counts accumulate true positives, gold and predicted items.
type Counts struct{ TP, Gold, Pred int }

func (c *Counts) add(o Counts) { c.TP, c.Gold, c.Pred = c.TP+o.TP, c.Gold+o.Gold, c.Pred+o.Pred }

// PRF returns precision, recall and F1 with the conventions of
// ner-score.py: an empty side scores 1 when the other is empty too.
func (c Counts) PRF() (p, r, f float64) {
	p, r = ratio(c.TP, c.Pred, c.Gold), ratio(c.TP, c.Gold, c.Pred)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func ratio(tp, n, other int) float64 {
	if n > 0 {
		return float64(tp) / float64(n)
	}
	if other == 0 {
		return 1
	}
	return 0
}

// Scores are the exact-span and token-level counts per type.
type Scores struct {
	Exact, Token map[string]*Counts
}

func newScores() Scores {
	s := Scores{Exact: map[string]*Counts{}, Token: map[string]*Counts{}}
	for _, t := range append(Types, "micro") {
		s.Exact[t], s.Token[t] = &Counts{}, &Counts{}
	}
	return s
}

// scoreDoc adds one document, the way ner-score.py does in offsets mode:
// exact = the same (start, end, type), predictions deduplicated; token =
// IO tags on tokens \w+|[^\w\s] that lie wholly inside an entity.
func (s Scores) scoreDoc(text []rune, gold, pred []Entity) {
	pred = dedup(pred)
	toks := scoreTokens(text)
	for _, t := range Types {
		g, p := ofType(gold, t), ofType(pred, t)
		ex := Counts{Gold: len(g), Pred: len(p)}
		in := map[Entity]bool{}
		for _, e := range g {
			in[key(e)] = true
		}
		for _, e := range p {
			if in[key(e)] {
				ex.TP++
			}
		}
		gt, pt := coveredSet(toks, g), coveredSet(toks, p)
		tk := Counts{Gold: len(gt), Pred: len(pt)}
		for i := range pt {
			if gt[i] {
				tk.TP++
			}
		}
		s.Exact[t].add(ex)
		s.Exact["micro"].add(ex)
		s.Token[t].add(tk)
		s.Token["micro"].add(tk)
	}
}

func key(e Entity) Entity { return Entity{Type: e.Type, Start: e.Start, End: e.End} }

func dedup(es []Entity) []Entity {
	seen := map[Entity]bool{}
	var out []Entity
	for _, e := range es {
		if !seen[key(e)] {
			seen[key(e)] = true
			out = append(out, e)
		}
	}
	return out
}

func ofType(es []Entity, t string) []Entity {
	var out []Entity
	for _, e := range es {
		if e.Type == t {
			out = append(out, e)
		}
	}
	return out
}

// scoreTokens splits text like Python's re `\w+|[^\w\s]`: runs of word
// characters, and every other non-space character alone.
func scoreTokens(text []rune) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		switch {
		case pyWord(text[i]):
			j := i
			for j < len(text) && pyWord(text[j]) {
				j++
			}
			out = append(out, [2]int{i, j})
			i = j
		case pySpace(text[i]):
			i++
		default:
			out = append(out, [2]int{i, i + 1})
			i++
		}
	}
	return out
}

// pyWord is Python's \w on str: alphanumeric or underscore.
func pyWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' }

// pySpace is Python's \s on str, which also counts the separators
// U+001C–U+001F.
func pySpace(r rune) bool { return unicode.IsSpace(r) || r >= 0x1C && r <= 0x1F }

// coveredSet returns the indexes of the tokens lying wholly inside one of
// the entities.
func coveredSet(toks [][2]int, es []Entity) map[int]bool {
	out := map[int]bool{}
	for _, e := range es {
		for i, t := range toks {
			if e.Start <= t[0] && t[1] <= e.End {
				out[i] = true
			}
		}
	}
	return out
}
