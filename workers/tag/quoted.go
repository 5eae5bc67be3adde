package tag

import (
	"strings"

	"github.com/polywire/polywire/pipeline"
)

// dropQuotedTitles removes people and places whose name fills a pair of
// quotation marks on its own: «Колумбия», «Большой город», «Шкода Октавия»
// name a spacecraft, a show or a product, not the place or person. A quoted
// name after an organisation descriptor (банк «Россия») is an organisation
// by then and stays. It reads byte offsets from the tokens, so the text is
// not walked again.
func dropQuotedTitles(text string, toks []token, spans []span) []span {
	if !strings.Contains(text, "«") && !strings.Contains(text, "„") {
		return spans
	}
	out := spans[:0] // in place: out never overtakes the span being read
	for _, s := range spans {
		if (s.ref.typ == pipeline.EntityPerson || s.ref.typ == pipeline.EntityLocation) && quotedAlone(text, toks, s) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// quotedAlone reports whether the span is exactly the text between an
// opening and a closing Russian or German quotation mark. Spans that do not
// start and end on token boundaries (Japanese names inside a run) are not.
func quotedAlone(text string, toks []token, s span) bool {
	j := tokenAt(toks, s.start)
	if j < 0 {
		return false
	}
	k := j
	for k+1 < len(toks) && toks[k].end < s.end {
		k++
	}
	if toks[k].end != s.end {
		return false
	}
	before, after := text[:toks[j].bstart], text[toks[k].bend:]
	return strings.HasSuffix(before, "«") && strings.HasPrefix(after, "»") ||
		strings.HasSuffix(before, "„") && (strings.HasPrefix(after, "“") || strings.HasPrefix(after, "”"))
}
