package tag

import "github.com/polywire/polywire/pipeline"

// dropQuotedTitles removes people and places whose name fills a pair of
// quotation marks on its own: «Колумбия», «Большой город», «Шкода Октавия»
// name a spacecraft, a show or a product, not the place or person. A quoted
// name after an organisation descriptor (банк «Россия») is an organisation
// by then and stays.
func dropQuotedTitles(ct *cpText, spans []span) []span {
	out := spans[:0] // in place: out never overtakes the span being read
	for _, s := range spans {
		if (s.ref.typ == pipeline.EntityPerson || s.ref.typ == pipeline.EntityLocation) && quotedAlone(ct, s) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// quotedAlone reports whether the span is exactly the text between an
// opening and a closing Russian or German quotation mark.
func quotedAlone(ct *cpText, s span) bool {
	if s.start == 0 {
		return false
	}
	open, close := ct.at(s.start-1), ct.at(s.end)
	return open == '«' && close == '»' || open == '„' && (close == '“' || close == '”')
}
