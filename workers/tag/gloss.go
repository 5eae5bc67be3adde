package tag

import (
	"strings"

	"github.com/polywire/polywire/pipeline"
)

// Russian news glosses foreign names in parentheses: «Юрген Клинсман
// (Jürgen Klinsmann)», «Аль Аин (Al Ain)», «Кориера делла Сера (Corriere
// della Sera)». The Latin run inside the parentheses, which the
// organisation recogniser takes for a name, is the same entity as the
// mention before it; after a quoted phrase that is no mention (a product:
// «Шкода Октавия» (Skoda Octavia)) it is none either.

// glosses retypes or drops parenthesised Latin glosses; spans are resolved
// (sorted, not overlapping).
func glosses(ct *cpText, spans []span) []span {
	out := spans[:0] // in place: out never overtakes the span being read
	for k, s := range spans {
		if !isLatinGuess(ct, s) || ct.at(s.end) != ')' {
			out = append(out, s)
			continue
		}
		before := strings.TrimRight(ct.slice(max(0, s.start-3), s.start), " ")
		if !strings.HasSuffix(before, "(") {
			out = append(out, s)
			continue
		}
		open := s.start - 1
		for open > 0 && ct.at(open) != '(' {
			open--
		}
		switch {
		case k > 0 && spans[k-1].end <= open && glossGap(ct.slice(spans[k-1].end, open), spans[k-1]) && sameLength(ct, spans[k-1], s):
			s.ref, s.role, s.office, s.to = spans[k-1].ref, spans[k-1].role, spans[k-1].office, spans[k-1].to
			out = append(out, s)
		case strings.HasSuffix(strings.TrimRight(ct.slice(max(0, open-2), open), " "), "»"):
			// the gloss of a quoted phrase that is not a mention: drop it
		default:
			out = append(out, s)
		}
	}
	return out
}

// isLatinGuess: an organisation the recogniser guessed from Latin letters.
func isLatinGuess(ct *cpText, s span) bool {
	if s.ref.id != "" || s.ref.typ != pipeline.EntityOrganisation {
		return false
	}
	return !hasCyrillic(ct.slice(s.start, s.end))
}

// sameLength: a gloss has about as many words as the name it glosses (not
// «банк Китая (Industrial and Commercial Bank of China)», where only part of
// the name was found).
func sameLength(ct *cpText, name, gloss span) bool {
	a := len(strings.Fields(ct.slice(name.start, name.end)))
	b := len(strings.Fields(ct.slice(gloss.start, gloss.end)))
	return a-b <= 1 && b-a <= 1
}

// glossGap: only spaces, or a closing quote after anything but a person
// (a quoted name is no one's: «Шкода Октавия» (Skoda Octavia)), between a
// mention and the parenthesis of its gloss.
func glossGap(gap string, name span) bool {
	if strings.TrimSpace(gap) == "" {
		return true
	}
	return name.ref.typ != pipeline.EntityPerson && strings.Trim(gap, " »\"”") == ""
}
