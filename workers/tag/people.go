package tag

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/polywire/polywire/pipeline"
)

// The person recogniser finds people the gazetteer does not know, in
// Russian text: a known first name followed by an optional patronymic and a
// capitalised surname (Михаил Вельмакин), initials and a surname (В. Путин,
// Путин В.В.), a capitalised word with a surname suffix (Удальцова), a
// capitalised word after a role word (губернатор Громов), and later mentions
// of a surname already found in the text.

var (
	patronymicSfx = stemEnding{stems: suffixes(`ович евич ич овн евн ичн инична`), endings: suffixes(`а у ем е ы ой ою`), minBefore: 2}
	surnameSfx    = stemEnding{stems: suffixes(`ов ев ин ын ский цкий ской ова ева ина ына ская цкая енко ук юк чук швили дзе ян уни ич`),
		endings: suffixes(`а у ым ом е ой ого ому им ую ы их ых`)}
)

// personCtx carries what the recogniser needs about one text.
type personCtx struct {
	text     string
	toks     []token
	covered  []bool // token already in a gazetteer mention
	names    map[string]firstNameInfo
	nameMemo []int8       // nameLike per token: 0 not yet asked, 1 yes, -1 no
	surnames map[int]bool // starts of gazetteer surnames matched alone
}

func (ix *index) recognisePeople(text string, toks []token, known []span, lang string) []span {
	if lang == "en" {
		return ix.englishPeople(text, toks, known)
	}
	if lang != "ru" && !(lang == "" || lang == pipeline.LanguageUnknown) {
		return nil
	}
	pc := &personCtx{text: text, toks: toks, covered: coveredTokens(toks, known), names: ix.firstNames, surnames: loneSurnames(known)}
	var out []span
	surnames := map[string]bool{}
	last := 0 // tokens before last are taken
	for i := 0; i < len(toks); {
		n, bySuffix := pc.personAt(i)
		if n == 0 {
			i++
			continue
		}
		start := i
		if bySuffix {
			start = pc.extendLeft(i, last)
		}
		end := pc.extendRight(i + n)
		out = append(out, pc.span(start, end-start))
		surnames[toks[end-1].norm] = true
		i, last = end, end
	}
	return append(out, pc.repeats(surnames, out)...)
}

// personAt returns the number of tokens of a person name starting at i,
// and whether it was recognised by its surname suffix alone.
func (pc *personCtx) personAt(i int) (int, bool) {
	t := &pc.toks[i]
	if pc.covered[i] || !t.cap || t.upper && utf8.RuneCountInString(t.text) > 1 {
		return 0, false
	}
	if pc.quotedOrgName(i) {
		return 0, false // ФК «Ростов»: an organisation's name
	}
	if strings.IndexByte(t.norm, '-') > 0 && isAgencyWord(t.norm) {
		return 0, false // Связь-Инвест: a company
	}
	if i > 0 && !pc.toks[i-1].cap && settlementWords[pc.toks[i-1].norm] && pc.spaced(i-1, i) {
		return 0, false // города Хилтон Хэд: a place's name
	}
	if n := pc.initialsAt(i); n > 0 {
		return n, false
	}
	if latinFirstNames[t.norm] && pc.spaced(i, i+1) && pc.toks[i+1].cap && !hasCyrillic(pc.toks[i+1].norm) && !pc.covered[i+1] {
		return 2, false // Joel Simon, written in Latin letters in Russian text
	}
	if _, ok := pc.names[t.norm]; ok {
		if i > 0 && pc.toks[i-1].cap && placeParticles[pc.toks[i-1].norm] && pc.spaced(i-1, i) {
			return 0, false // Сан Луис, Санта Клара: a place
		}
		return pc.fromFirstName(i), false
	}
	if pc.nameLike(i) && pc.spaced(i, i+1) && pc.isPatronymic(i+1) {
		return pc.fromFirstName(i), false // Наина Иосифовна
	}
	if pc.isSurname(i) {
		if i+1 < len(pc.toks) && !pc.toks[i+1].cap && isAdjForm(t.norm) && isOrgHead(pc.toks[i+1].norm) && pc.spaced(i, i+1) {
			return 0, false // Верховной рады: an institution
		}
		return 1 + pc.trailingInitials(i+1), true
	}
	if pc.nameLike(i) && pc.spaced(i, i+1) && !pc.toks[i].sentStart && pc.surnames[pc.toks[i+1].start] {
		return 1, false // Масахару Коно: an unknown first name before a known surname; mergePeople decides the id
	}
	if pc.nameLike(i) && pc.spaced(i, i+1) && pc.nameLike(i+1) && !pc.toks[i].sentStart {
		if i > 0 && pc.spaced(i-1, i) && locPrepositions[pc.toks[i-1].norm] {
			return 0, false // в Сан Луисе, из Аль Аина: a place (a known first name was taken above)
		}
		if pc.spaced(i+1, i+2) && pc.nameLike(i+2) {
			return 0, false // three in a row: the first is likely a place or club in the genitive
		}
		return 2, false // two capitalised words mid-sentence: Юрген Клинсман
	}
	return 0, false
}

// loneSurnames returns the starts of the gazetteer's people matched by
// their surname alone, or nil when there are none.
func loneSurnames(known []span) map[int]bool {
	var m map[int]bool
	for _, s := range known {
		if s.partial && s.ref.typ == pipeline.EntityPerson {
			if m == nil {
				m = map[int]bool{}
			}
			m[s.start] = true
		}
	}
	return m
}

// quotedOrgName: the first word of a quoted name after an organisation
// descriptor or abbreviation.
func (pc *personCtx) quotedOrgName(i int) bool {
	if i == 0 {
		return false
	}
	gap := strings.TrimSpace(pc.text[pc.toks[i-1].bend:pc.toks[i].bstart])
	if gap != "«" && gap != "\"" && gap != "„" {
		return false
	}
	prev := &pc.toks[i-1]
	return quoteDescriptors.match(prev.norm) || prev.upper
}

func (pc *personCtx) isPatronymic(i int) bool {
	return i < len(pc.toks) && pc.toks[i].cap && isPatronymicWord(pc.toks[i].norm)
}

// spaced reports whether tokens a and b are separated by white space only.
func (pc *personCtx) spaced(a, b int) bool {
	if a < 0 || b >= len(pc.toks) {
		return false
	}
	return strings.TrimLeft(pc.text[pc.toks[a].bend:pc.toks[b].bstart], " \u00a0") == ""
}

// nameLike: a capitalised Cyrillic word, not yet tagged, that does not look
// like an adjective, an institution noun or a sentence-opening word.
func (pc *personCtx) nameLike(i int) bool {
	if i < 0 || i >= len(pc.toks) {
		return false
	}
	t := &pc.toks[i]
	if !t.cap || t.upper || pc.covered[i] {
		return false
	}
	if pc.nameMemo == nil {
		pc.nameMemo = make([]int8, len(pc.toks))
	}
	if pc.nameMemo[i] == 0 {
		pc.nameMemo[i] = -1
		if hasCyrillic(t.norm) && utf8.RuneCountInString(t.norm) >= 2 && !notName.match(t.norm) && !functionWords[t.norm] && !roleWords[t.norm] {
			pc.nameMemo[i] = 1
		}
	}
	return pc.nameMemo[i] == 1
}

// givenLike is nameLike, also for unknown first names in -ий (Акакий).
func (pc *personCtx) givenLike(i int) bool {
	if pc.nameLike(i) {
		return true
	}
	t := &pc.toks[i]
	return t.cap && !t.upper && !pc.covered[i] && strings.HasSuffix(t.norm, "ий") && !strings.HasSuffix(t.norm, "ский")
}

// extendLeft takes up to two unknown capitalised words before a name
// (Мустафа Джемилев, Веселином Топаловым), not crossing earlier results.
func (pc *personCtx) extendLeft(i, limit int) int {
	for k := 0; k < 2 && i-1 >= limit && pc.givenLike(i-1) && pc.spaced(i-1, i) && !pc.isInitial(i); k++ {
		i--
	}
	return i
}

// extendRight takes short capitalised words after a name (Кима Чен Ира).
func (pc *personCtx) extendRight(end int) int {
	for k := 0; k < 2 && end < len(pc.toks) && pc.nameLike(end) && pc.spaced(end-1, end) &&
		!pc.toks[end].sentStart && utf8.RuneCountInString(pc.toks[end].norm) <= 4; k++ {
		end++
	}
	return end
}

// fromFirstName: first name [patronymic] [surname].
func (pc *personCtx) fromFirstName(i int) int {
	n := 1
	if pc.spaced(i+n-1, i+n) && pc.isPatronymic(i+n) {
		n++
	}
	if pc.spaced(i+n-1, i+n) && pc.toks[i+n].cap && !pc.toks[i+n].upper && !pc.covered[i+n] {
		if _, first := pc.names[pc.toks[i+n].norm]; !first || n > 1 {
			n++
		}
	}
	return n
}

// initialsAt: one or two initials with dots, then a capitalised surname.
func (pc *personCtx) initialsAt(i int) int {
	n := 0
	for n < 2 && pc.isInitial(i+n) {
		n++
	}
	if n == 0 || i+n >= len(pc.toks) || !pc.toks[i+n].cap || !pc.joined(i+n-1, i+n) {
		return 0
	}
	if pc.covered[i+n] {
		return 0
	}
	return n + 1
}

// trailingInitials counts initials after a surname (Путин В.В.).
func (pc *personCtx) trailingInitials(i int) int {
	n := 0
	for n < 2 && pc.isInitial(i+n) && pc.joined(i+n-1, i+n) {
		n++
	}
	return n
}

func (pc *personCtx) isInitial(i int) bool {
	if i >= len(pc.toks) {
		return false
	}
	t := &pc.toks[i]
	return utf8.RuneCountInString(t.text) == 1 && t.cap && hasCyrillic(t.norm) &&
		t.bend < len(pc.text) && pc.text[t.bend] == '.'
}

// isSurname: a capitalised word with a surname suffix, not the first word
// of a sentence, or any capitalised word right after a role word.
func (pc *personCtx) isSurname(i int) bool {
	t := &pc.toks[i]
	if !hasCyrillic(t.norm) || utf8.RuneCountInString(t.norm) < 4 {
		return false
	}
	if notName.match(t.norm) {
		return false
	}
	if i > 0 && roleWords[pc.toks[i-1].norm] && pc.spaced(i-1, i) && pc.nameLike(i) && !endsWithAny(t.norm, "ы", "и") &&
		!isOrgHead(t.norm) { // директор Института: an institution, not a surname
		return true
	}
	return !t.sentStart && surnameSfx.match(t.norm) && !isAdjective(t.norm)
}

// repeats tags later (and earlier) mentions of surnames found in the text.
func (pc *personCtx) repeats(surnames map[string]bool, found []span) []span {
	if len(surnames) == 0 {
		return nil
	}
	// The surnames' paradigms by the first bytes of their stems: a word is
	// compared only with the paradigms that start like it.
	byStart := map[string][]paradigm{}
	for s := range surnames {
		for _, l := range []string{s, surnameLemma(s, false), surnameLemma(s, true)} {
			p := newParadigm(l, kindPerson)
			k := stemKey(p.stem) // a stem under four bytes goes under "": compared with every word
			byStart[k] = append(byStart[k], p)
		}
	}
	inFound := coveredTokens(pc.toks, found)
	var out []span
	for k := range pc.toks {
		t := &pc.toks[k]
		if !inFound[k] && !pc.covered[k] && t.cap && (formOfAny(t.norm, byStart[stemKey(t.norm)]) || formOfAny(t.norm, byStart[""])) {
			out = append(out, pc.span(k, 1))
		}
	}
	return out
}

// stemKey is the first four bytes of w (two Cyrillic letters), or "" when
// w is shorter.
func stemKey(w string) string {
	if len(w) < 4 {
		return ""
	}
	return w[:4]
}

// formOfAny reports whether w is a form of one of the surnames.
func formOfAny(w string, forms []paradigm) bool {
	for _, p := range forms {
		if p.has(w) {
			return true
		}
	}
	return false
}

func (pc *personCtx) joined(a, b int) bool {
	if a < 0 || b >= len(pc.toks) {
		return false
	}
	gap := pc.text[pc.toks[a].bend:pc.toks[b].bstart]
	return strings.Trim(gap, " .\u00a0") == "" && strings.Count(gap, ".") <= 1
}

func (pc *personCtx) span(i, n int) span {
	return span{start: pc.toks[i].start, end: pc.toks[i+n-1].end, ref: ref{typ: pipeline.EntityPerson}}
}

// coveredTokens marks the tokens that overlap a span.
func coveredTokens(toks []token, spans []span) []bool { return coveredTokensOf(toks, spans, "") }

// coveredTokensOf marks the tokens that overlap a span of type typ (""
// for any type).
func coveredTokensOf(toks []token, spans []span, typ string) []bool {
	cov := make([]bool, len(toks))
	eachCovered(toks, spans, typ, func(k, _ int) { cov[k] = true })
	return cov
}

// eachCovered calls f(token, span) for every token that overlaps a span of
// type typ ("" for any), in one walk when spans come in text order.
func eachCovered(toks []token, spans []span, typ string, f func(k, s int)) {
	j, last := 0, -1
	for si, s := range spans {
		if typ != "" && s.ref.typ != typ {
			continue
		}
		if s.start < last || j >= len(toks) || j > 0 && toks[j-1].end > s.start {
			// out of order: search from the start
			j, _ = slices.BinarySearchFunc(toks, s.start, func(t token, start int) int { return t.end - start - 1 })
		}
		for j < len(toks) && toks[j].end <= s.start {
			j++ // in order (the usual case): walk on from the previous span
		}
		last = s.start
		for k := j; k < len(toks) && toks[k].start < s.end; k++ {
			f(k, si)
		}
	}
}

// settlementWords name a kind of place before its name (города Хилтон Хэд).
var settlementWords = setOf(`город города городе городу городом деревня деревни деревне село села селе поселок поселка поселке
штат штата штате провинция провинции район района районе округ округа округе остров острова острове
улица улицы улице улицу улицей проспект проспекта проспекте проспекту проспектом площадь площади площадью
переулок переулка переулке бульвар бульвара бульваре набережная набережной набережную шоссе
станция станции станцию аэропорт аэропорта аэропорту аэропортом`)

// roleWords precede a person's name (губернатор Громов).
var roleWords = setOf(`президент президента президенту президентом премьер премьер-министр премьер-министра премьер-министром
министр министра министру министром губернатор губернатора губернатору губернатором мэр мэра мэру мэром
глава главы главе главой посол посла послу послом председатель председателя председателем
директор директора директором депутат депутата депутатом лидер лидера лидером сенатор сенатора
спикер спикера пресс-секретарь пресс-секретаря генсек генсека канцлер канцлера канцлером
вице-премьер вице-премьера вице-президент вице-президента замминистра заместитель заместителя
руководитель руководителя руководителем советник советника помощник помощника прокурор прокурора
судья судьи адвокат адвокат адвоката координатор координатора сопредседатель сопредседателя
журналист журналиста правозащитник правозащитника блогер блогера генерал генерала полковник
полковника министра-президента экс-президент экс-президента экс-премьер патриарх патриарха
госсекретарь госсекретаря судья помощник помощника академик академика`)

// notName matches words that are rarely names: adjective and institution
// endings.
var notName = suffixes(`ого его ому ему ый ий ая ое ые ие ых ую ской ства ство ции ция ния ние ии ность ности ета ет ата`)

// isPatronymicWord: a normalised patronymic in any case (Иванович,
// Сергеевной).
func isPatronymicWord(w string) bool { return lowerCyrillic(w) && patronymicSfx.match(w) }

// functionWords open sentences and are capitalised there.
var functionWords = setOf(`однако также кроме по в во на как это так но а и при после для еще уже его ее их
вчера сегодня тогда затем поэтому хотя когда если что чтобы где там здесь все всего он она они мы вы
я ты этот эта эти тот та те среди между около из от до за под над перед через без у о об про с со к
ко бывший новый глава источник по-моему напомним кстати академик скульптор похороны художник писатель поэт певец певица актер актриса режиссер тренер игрок форвард защитник вратарь полузащитник`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// englishPeople finds names after an English role word: two or three
// capitalised words (Foreign Minister Taro Kono).
func (ix *index) englishPeople(text string, toks []token, known []span) []span {
	pc := &personCtx{text: text, toks: toks, covered: coveredTokens(toks, known)}
	out := ix.afterEnglishRoles(pc, text, toks)
	ec := ix.newEnglishCtx(text, toks, append(known, out...))
	return append(out, ec.namedPeople()...)
}

// afterEnglishRoles finds two or three capitalised words after a role word.
func (ix *index) afterEnglishRoles(pc *personCtx, text string, toks []token) []span {
	var out []span
	for i := 0; i+1 < len(toks); i++ {
		if _, ok := roleKeywords[toks[i].norm]; !ok || !toks[i].cap {
			continue
		}
		n := 0
		for n < 3 && i+1+n < len(toks) && pc.spaced(i+n, i+1+n) && toks[i+1+n].cap && !toks[i+1+n].upper && !pc.covered[i+1+n] {
			n++
		}
		if n >= 2 {
			out = append(out, pc.span(i+1, n))
			i += n
		}
	}
	return out
}
