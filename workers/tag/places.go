package tag

import (
	"regexp"
	"unicode/utf8"

	"github.com/polywire/polywire/pipeline"
)

// The place recogniser finds places the gazetteer does not know, in Russian
// text: a capitalised adjective before a place descriptor (Тверской площади,
// Кронштадтскому бульвару), a capitalised name after a descriptor (реки
// Невы, района Отрадное), and a capitalised word after a locative
// preposition (в Дюссельдорфе, из Хьюстона). They carry no id.

var (
	placeDescriptors = regexp.MustCompile(`^(улиц|площад|бульвар|проспект|переул|шоссе|набережн|рек|озер|район|округ|город|село|сел|поселк|поселок|деревн|остров|гор|залив|пролив|полуостров|станци|аэропорт|кладбищ|парк|сквер|мост|вокзал|штат|провинци|графств|земл)`)
	locPrepositions  = setOf(`в во из под над близ возле около`)
	// notPlaceAfterPrep are capitalised words often found after в/из that
	// are not places.
	notPlaceAfterPrep = regexp.MustCompile(`^(интернет|январ|феврал|март|апрел|ма[йея]|июн|июл|август|сентябр|октябр|ноябр|декабр)`)
)

func (ix *index) recognisePlaces(text string, toks []token, known []span, lang string) []span {
	if lang != "ru" && !(lang == "" || lang == pipeline.LanguageUnknown) {
		return nil
	}
	oc := &orgCtx{text: text, toks: toks, covered: coveredTokens(toks, known)}
	var out []span
	for i := 0; i < len(toks); {
		n := oc.placeAt(i)
		if n == 0 {
			i++
			continue
		}
		out = append(out, span{start: toks[i].start, end: toks[i+n-1].end, ref: ref{typ: pipeline.EntityLocation}})
		i += n
	}
	return out
}

func (oc *orgCtx) placeAt(i int) int {
	t := oc.toks[i]
	if oc.covered[i] || !t.cap || t.upper || !hasCyrillic(t.norm) || utf8.RuneCountInString(t.norm) < 3 {
		return 0
	}
	next := i+1 < len(oc.toks) && oc.spaced(i, i+1)
	if next && isAdjForm(t.norm) && placeDescriptors.MatchString(oc.toks[i+1].norm) && !oc.toks[i+1].cap {
		return 1 // the name without its descriptor word
	}
	if i == 0 || !oc.spaced(i-1, i) {
		return 0
	}
	prev := oc.toks[i-1]
	if placeDescriptors.MatchString(prev.norm) && !prev.cap && !isAdjForm(t.norm) {
		return 1
	}
	if locPrepositions[prev.norm] && !notPlaceAfterPrep.MatchString(t.norm) && !isAdjForm(t.norm) && !orgHeads.MatchString(t.norm) {
		return 1
	}
	return 0
}
