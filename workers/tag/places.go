package tag

import (
	"unicode/utf8"

	"github.com/polywire/polywire/pipeline"
)

// The place recogniser finds places the gazetteer does not know, in Russian
// text: a capitalised adjective before a place descriptor (Тверской площади,
// Кронштадтскому бульвару), a capitalised name after a descriptor (реки
// Невы, района Отрадное), and a capitalised word after a locative
// preposition (в Дюссельдорфе, из Хьюстона). They carry no id.

var (
	placeDescriptors = prefixes(`импери государств республик королевств княжеств улиц площад бульвар проспект переул шоссе набережн рек
	озер район округ город село сел поселк поселок деревн остров гор залив пролив полуостров станци аэропорт кладбищ парк сквер мост
	вокзал штат провинци графств земл`)
	locPrepositions = setOf(`в во из под над близ возле около`)
	// notPlaceAfterPrep are capitalised words often found after в/из that
	// are not places.
	notPlaceAfterPrep = prefixes(`интернет сети сеть дворц центр январ феврал март апрел май мае мая июн июл август сентябр октябр ноябр декабр`)
)

func (ix *index) recognisePlaces(text string, toks []token, known []span, lang string) []span {
	if lang != "ru" && !(lang == "" || lang == pipeline.LanguageUnknown) {
		return nil
	}
	oc := &orgCtx{text: text, toks: toks, covered: coveredTokens(toks, known), names: ix.firstNames}
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
	t := &oc.toks[i]
	if oc.covered[i] || !t.cap || t.upper || !hasCyrillic(t.norm) || utf8.RuneCountInString(t.norm) < 3 {
		return 0
	}
	if n := oc.adjDescriptorAt(i); n > 0 {
		return n
	}
	if i == 0 || !oc.spaced(i-1, i) {
		return 0
	}
	prev := oc.toks[i-1]
	if _, first := oc.names[t.norm]; first {
		return 0 // республиканец Джон: a person
	}
	if placeDescriptors.match(prev.norm) && !prev.cap && (!isAdjForm(t.norm) || oc.namedSettlement(i)) {
		return oc.nameWords(i)
	}
	if locPrepositions[prev.norm] && !notPlaceAfterPrep.match(t.norm) && !isAdjForm(t.norm) && !isOrgHead(t.norm) {
		if placeParticles[t.norm] {
			return oc.nameWords(i) // в Сан Луисе, в Аль Аин
		}
		return 1 // в Лужниках Шаман …: the next word is the sentence's, not the place's
	}
	return 0
}

// placeParticles start foreign place names whose next word may be a
// first name (Сан Луис, Санта Клара, Порт Луи).
var placeParticles = setOf(`сан санта сант сен сент эль аль ла лас лос ле де порт форт`)

// facilityDescriptors name a place only with a name after them (станции
// Ховрино); with adjectives before them they name a facility (Южная
// водозаборная станция).
var facilityDescriptors = prefixes(`станци`)

// nameWords: the capitalised word at i and up to two more after it that
// continue a foreign place name (города Хилтон Хэд; в Сан Луисе, Аль Аин
// after a particle), not a first name, an adjective or a known name.
func (oc *orgCtx) nameWords(i int) int {
	n := 1
	for n < 3 && i+n < len(oc.toks) && oc.spaced(i+n-1, i+n) {
		t := &oc.toks[i+n]
		if _, first := oc.names[t.norm]; first && !placeParticles[oc.toks[i].norm] || !t.cap || t.upper || oc.covered[i+n] || isAdjForm(t.norm) ||
			!hasCyrillic(t.norm) || utf8.RuneCountInString(t.norm) < 3 || isOrgHead(t.norm) {
			break
		}
		n++
	}
	return n
}

// adjDescriptorAt: a capitalised adjective, up to one more adjective, and a
// place descriptor (Манежной площади, Дальневосточном федеральном округе,
// Османской империи).
func (oc *orgCtx) adjDescriptorAt(i int) int {
	n := 0
	for n < 2 && i+n < len(oc.toks) && isAdjForm(oc.toks[i+n].norm) && (n == 0 || oc.spaced(i+n-1, i+n)) &&
		(n == 0 || oc.toks[i+n].cap || !placeDescriptors.match(oc.toks[i+n].norm)) { // Турецкой республикой: the descriptor ends it
		n++
	}
	if n == 0 || i+n >= len(oc.toks) || !oc.spaced(i+n-1, i+n) {
		return 0
	}
	d := oc.toks[i+n]
	if d.cap || !placeDescriptors.match(d.norm) || oc.covered[i+n] || facilityDescriptors.match(d.norm) {
		return 0
	}
	return n + 1
}

// extendPlaces widens a gazetteer place with an adjective right before it
// that names part of it: capitalised (Восточном Иерусалиме, Большой Токио)
// or, for compass directions, also in lower case (западной Европы).
func extendPlaces(text string, toks []token, spans []span) []span {
	for k := range spans {
		s := &spans[k]
		if s.ref.typ != pipeline.EntityLocation {
			continue
		}
		j := tokenAt(toks, s.start)
		if j <= 0 || !isAdjForm(toks[j-1].norm) || text[toks[j-1].bend:toks[j].bstart] != " " ||
			(k > 0 && spans[k-1].end > toks[j-1].start) {
			continue
		}
		adj := &toks[j-1]
		if adj.cap && !adj.sentStart && directionAdj.match(adj.norm) || !adj.cap && compassAdj.match(adj.norm) {
			s.start = adj.start
		}
	}
	return spans
}

// compassAdj are the directions that belong to a place's name even in
// lower case.
var compassAdj = prefixes(`восточн западн северн южн центральн`)

// directionAdj are the adjectives that name part of a place.
var directionAdj = prefixes(`восточн западн северн южн центральн больш стар нов верхн нижн`)

// settlementDescriptors name a district or a settlement whose own name
// often looks like an adjective (района Отрадное, села Красное).
var settlementDescriptors = prefixes(`район сел поселк поселок деревн хутор станиц микрорайон`)

// namedSettlement: an adjective-like name in the nominative in apposition
// to a settlement descriptor, not followed by the noun it would qualify.
func (oc *orgCtx) namedSettlement(i int) bool {
	if !settlementDescriptors.match(oc.toks[i-1].norm) || !endsWithAny(oc.toks[i].norm, "ое", "ее", "ье", "ая", "ый", "ий") {
		return false
	}
	return i+1 >= len(oc.toks) || !oc.spaced(i, i+1) || oc.toks[i+1].cap
}
