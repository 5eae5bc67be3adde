package tag

import (
	"strings"

	"github.com/polywire/polywire/pipeline"
)

// mergePeople joins person spans separated by one space (a first name the
// recogniser found and a surname the gazetteer knows: «Реджеп Эрдоган»).
// The merged span keeps the gazetteer id only when the added words start
// like words of one of that person's names; otherwise it is another person
// with the same surname (Мишель Обама) and loses the id.
func (ix *index) mergePeople(ct *cpText, spans []span) []span {
	out := spans[:0] // in place: out never overtakes the span being read
	for _, s := range spans {
		n := len(out)
		if n == 0 || s.ref.typ != pipeline.EntityPerson || out[n-1].ref.typ != pipeline.EntityPerson ||
			s.start-out[n-1].end != 1 || ct.at(out[n-1].end) != ' ' {
			out = append(out, s)
			continue
		}
		prev := out[n-1]
		merged := prev
		merged.end = s.end
		merged.ref, merged.partial = ix.mergedRef(ct, prev, s)
		out[n-1] = merged
	}
	return out
}

func (ix *index) mergedRef(ct *cpText, a, b span) (ref, bool) {
	switch {
	case a.ref.id != "" && b.ref.id != "" && a.ref.id != b.ref.id:
		return ref{typ: pipeline.EntityPerson}, false
	case b.ref.id != "" && ix.namePrefixFits(b.ref.id, ct.slice(a.start, a.end)):
		return b.ref, false
	case a.ref.id != "" && ix.namePrefixFits(a.ref.id, ct.slice(b.start, b.end)):
		return a.ref, false
	case a.ref.id != "" && b.ref.id == a.ref.id:
		return a.ref, false
	}
	return ref{typ: pipeline.EntityPerson}, false
}

// namePrefixFits reports whether every word of added shares its first
// letters (all but the inflection) with a word of the person's names.
func (ix *index) namePrefixFits(id, added string) bool {
	p, ok := ix.g.Person(id)
	if !ok {
		return false
	}
	var words []string
	for _, variants := range p.Names {
		for _, v := range variants {
			words = append(words, strings.Fields(normalize(v))...)
		}
	}
	for _, w := range strings.Fields(normalize(added)) {
		if !sharesStem(w, words) {
			return false
		}
	}
	return true
}

func sharesStem(w string, words []string) bool {
	rw := []rune(strings.TrimSuffix(w, "."))
	for _, x := range words {
		rx := []rune(x)
		n := min(len(rw), len(rx))
		if len(rw) == 1 && len(rx) > 0 && rx[0] == rw[0] {
			return true // an initial
		}
		k := 0
		for k < n && rw[k] == rx[k] {
			k++
		}
		if n >= 3 && k >= n-2 && k >= 3 {
			return true
		}
	}
	return false
}
