package tag

import (
	"strings"
	"unicode/utf8"

	"github.com/polywire/polywire/pipeline"
)

// Complements continue an organisation name after its head noun:
// genitive words (Министерства сельского хозяйства), coordinated ones
// (этнологии и антропологии), a closing abbreviation (Института … РАН),
// «имени»/«им.» with a name (Театра имени Станиславского), and «при» with
// another institution (Следственного комитета при прокуратуре).

// verbalNoun: a noun in -ние, which looks like an adjective by its ending
// (управление, объединение).
func verbalNoun(w string) bool {
	return endsWithAny(w, "ние", "ния", "нию", "нием", "нии")
}

// genericAdj are adjectives that, alone with a head noun, name a kind of
// institution rather than one.
var genericAdj = prefixes(`международн призов гражданск общественн некоммерческ правозащитн благотворительн частн крупн
ведущ местн региональн`)

// softAdjectives end like genitive plurals in -ний/-тий (учреждений,
// общежитий) but are adjectives in the nominative.
var softAdjectives = setOf(`последний третий средний летний зимний весенний осенний ранний поздний верхний нижний внутренний
внешний древний давний крайний синий здешний нынешний тогдашний сегодняшний вчерашний завтрашний утренний вечерний домашний
прошлогодний новогодний`)

// genitiveLi are genitive nouns in -ли, which the genitive test leaves out
// because past-tense verbs end so too.
var genitiveLi = setOf(`дел торговли политики экономики энергетики статистики печати связи науки техники логистики
культуры информатики физики химии математики`)

// complements extends a name of n tokens starting at i over its
// complements, at most five.
func (oc *orgCtx) complements(i, n int) int {
	for k := 0; k < 5 && i+n < len(oc.toks) && oc.spaced(i+n-1, i+n); k++ {
		j := i + n
		switch {
		case oc.complement(j):
			n++
		case k > 0 && oc.toks[j].norm == "и" && j+1 < len(oc.toks) && oc.spaced(j, j+1) && oc.genitive(j+1) && oc.genitive(j-1):
			n += 2 // after a complement only: «Общественной палаты и рабочей группы» are two
		case oc.closingAbbrev(j) && !oc.beforeTopic(j):
			return n + 1
		case oc.closingAbbrev(j), oc.knownOrgBeforeTopic(j):
			n++ // Комитет Госдумы по международным делам: a body of a known organisation
		case oc.toks[j].norm == "имени" || oc.toks[j].norm == "им":
			return oc.namedAfter(i, n)
		case oc.toks[j].norm == "при" && j+1 < len(oc.toks) && oc.spaced(j, j+1) && isOrgHead(oc.toks[j+1].norm):
			n += 2
		case oc.toks[j].norm == "при" && j+1 < len(oc.toks) && oc.spaced(j, j+1) && overseers.match(oc.toks[j+1].norm):
			n += 2 // Совет при Президенте РФ по …
			if j+2 < len(oc.toks) && oc.place[j+2] && oc.toks[j+2].cap && oc.spaced(j+1, j+2) {
				n++ // the overseer's country
			}
		case oc.causeAt(i, j) > 0:
			return n + oc.causeAt(i, j)
		case oc.toks[j].norm == "по":
			if m := oc.topic(j + 1); m > 0 {
				return n + 1 + m
			}
			return n
		default:
			return n
		}
	}
	return n
}

// overseers are the offices a council or commission works «при» (under).
var overseers = prefixes(`президент правительств губернатор мэри администраци патриарх`)

// causeHeads are the bodies named after what they stand for or against
// (Движение против нелегальной иммиграции, Комитет в защиту …).
var causeHeads = prefixes(`движени комитет союз лиг коалици фронт фонд ассоциаци обществ организаци`)

// determiners and pronouns never start a cause (Союз журналистов против
// этого решения).
var determiners = setOf(`этот эта это этого этой этому этим этих эти тот та то того той тому тем тех те весь вся всё все всего всей всех
свой своя своего своей своих его её их наш нашего нашей наших ваш вашего такой такого такой таких любой любого`)

// causeAt: «против», «в защиту» or «в поддержку» and up to three
// adjectives and a noun with its genitive words, after a cause head that
// starts the name at i; the length from j, or 0.
func (oc *orgCtx) causeAt(i, j int) int {
	if !causeHeads.match(oc.toks[i].norm) && !(i+1 < j && causeHeads.match(oc.toks[i+1].norm)) {
		return 0
	}
	m := 1
	switch oc.toks[j].norm {
	case "против":
	case "в":
		if j+1 >= len(oc.toks) || (oc.toks[j+1].norm != "защиту" && oc.toks[j+1].norm != "поддержку") || !oc.spaced(j, j+1) {
			return 0
		}
		m = 2
	default:
		return 0
	}
	a := j + m
	k := 0
	for k < 3 && a+k < len(oc.toks) && oc.spaced(a+k-1, a+k) && isAdjForm(oc.toks[a+k].norm) && !oc.toks[a+k].upper {
		if determiners[oc.toks[a+k].norm] {
			return 0 // против этого решения: an opinion, not a name
		}
		k++
	}
	if a+k >= len(oc.toks) || !oc.spaced(a+k-1, a+k) || oc.toks[a+k].cap || isAdjForm(oc.toks[a+k].norm) ||
		utf8.RuneCountInString(oc.toks[a+k].norm) < 3 || !hasCyrillic(oc.toks[a+k].norm) || determiners[oc.toks[a+k].norm] {
		return 0
	}
	m += k + 1
	for g := 0; g < 2 && j+m < len(oc.toks) && oc.spaced(j+m-1, j+m) && oc.genitive(j+m); g++ {
		m++
	}
	return m
}

// knownOrgBeforeTopic: a one-word organisation the gazetteer found,
// followed by «по» and a subject (Комитет Госдумы по международным делам).
func (oc *orgCtx) knownOrgBeforeTopic(j int) bool {
	return oc.covered[j] && !oc.place[j] && oc.toks[j].cap && oc.beforeTopic(j)
}

// beforeTopic reports whether token j is followed by «по» and a subject
// (Комиссия ООН по правам человека).
func (oc *orgCtx) beforeTopic(j int) bool {
	if j+2 >= len(oc.toks) || oc.toks[j+1].norm != "по" || !oc.spaced(j, j+1) || !oc.spaced(j+1, j+2) {
		return false
	}
	return oc.topic(j+2) > 0
}

// topic: the subject of a committee after «по»: up to two lower-case
// adjectives and a noun (Комиссии по атомной энергии) with its genitive
// words, and one more such subject after «и» (Конференция … по торговле и
// развитию; Управление по аэронавтике и исследованию космического
// пространства); 0 when there is none.
func (oc *orgCtx) topic(j int) int {
	n := oc.topicNoun(j)
	if n == 0 {
		return 0
	}
	for k := 0; k < 3 && j+n < len(oc.toks) && oc.spaced(j+n-1, j+n) && oc.genitive(j+n); k++ {
		n++
	}
	if a := j + n; a+1 < len(oc.toks) && oc.toks[a].norm == "и" && oc.spaced(a-1, a) && oc.spaced(a, a+1) {
		if m := oc.topicNoun(a + 1); m > 0 && endsWithAny(oc.toks[a+m].norm, "у", "ю", "е", "ам", "ям", "и") { // dative, as after «по»
			n += 1 + m
			for k := 0; k < 3 && j+n < len(oc.toks) && oc.spaced(j+n-1, j+n) && oc.genitive(j+n); k++ {
				n++
			}
		}
	}
	return n
}

// topicNoun: up to two lower-case adjectives and a noun.
func (oc *orgCtx) topicNoun(j int) int {
	n := 0
	for n < 2 && j+n < len(oc.toks) && !oc.toks[j+n].cap && isAdjForm(oc.toks[j+n].norm) && oc.spaced(j+n-1, j+n) {
		n++
	}
	if j+n >= len(oc.toks) || oc.toks[j+n].cap || !oc.spaced(j+n-1, j+n) || isAdjForm(oc.toks[j+n].norm) ||
		utf8.RuneCountInString(oc.toks[j+n].norm) < 4 || !hasCyrillic(oc.toks[j+n].norm) {
		return 0
	}
	return n + 1
}

// scopedHeads are the institutions a lower-case scope adjective names
// (японского МИДа, российском министерстве финансов); a government, a
// bank, a court or a service after one is a kind, not a name.
var scopedHeads = prefixes(`министерств ведомств музе федераци совет комитет комисси управлени академи институт университет`)

// scopedInstitutionAt: a lower-case scope adjective, up to two more
// adjectives and an institution head with its complements (российском
// министерстве финансов, японского дипломатического ведомства).
func (oc *orgCtx) scopedInstitutionAt(i int) int {
	t := &oc.toks[i]
	if len(t.norm) < 12 || !scopeAdj.match(t.norm) || !isAdjForm(t.norm) {
		return 0 // the shortest scope adjectives (японский, немецкий) have 8 letters
	}
	n := 1
	for n < 3 && i+n < len(oc.toks) && !oc.toks[i+n].cap && isAdjForm(oc.toks[i+n].norm) &&
		!(verbalNoun(oc.toks[i+n].norm) && isOrgHead(oc.toks[i+n].norm)) && oc.spaced(i+n-1, i+n) {
		n++
	}
	if i+n >= len(oc.toks) || oc.covered[i+n] || !oc.spaced(i+n-1, i+n) || oc.toks[i+n].upper ||
		!scopedHeads.match(oc.toks[i+n].norm) || isAdjForm(oc.toks[i+n].norm) && !verbalNoun(oc.toks[i+n].norm) {
		return 0
	}
	return oc.complements(i, n+1)
}

// genitive: a lower-case genitive word (adjective or noun).
func (oc *orgCtx) genitive(j int) bool {
	t := &oc.toks[j]
	return !t.cap && t.norm != "глава" && !softAdjectives[t.norm] && (genitiveLi[t.norm] || utf8.RuneCountInString(t.norm) >= 4 && genitiveWord.match(t.norm) &&
		!endsWithAny(t.norm, "ла", "ли", "ло", "ены"))
}

// closingAbbrev: an organisation abbreviation ending the name (Института …
// РАН), not a country (Министерству торговли КНР).
func (oc *orgCtx) closingAbbrev(j int) bool {
	return !oc.place[j] && oc.abbrevAt(j) == 1
}

// namedAfter takes «имени»/«им.» and up to three capitalised words, joined
// by spaces, hyphens or «и» (имени Станиславского и Немировича-Данченко).
func (oc *orgCtx) namedAfter(i, n int) int {
	j := i + n + 1
	if j >= len(oc.toks) || !oc.toks[j].cap || !oc.joinedLoose(j-1, j) {
		return n
	}
	end := j + 1
	for k := 0; k < 3 && end < len(oc.toks); k++ {
		switch {
		case oc.toks[end].cap && oc.spaced(end-1, end):
			end++
		case oc.toks[end].norm == "и" && end+1 < len(oc.toks) && oc.toks[end+1].cap && oc.spaced(end-1, end) && oc.spaced(end, end+1):
			end += 2
		default:
			return end - i
		}
	}
	return end - i
}

// joinedLoose: tokens separated by a space or by «. » (им. Бойса).
func (oc *orgCtx) joinedLoose(a, b int) bool {
	g := oc.text[oc.toks[a].bend:oc.toks[b].bstart]
	return g == " " || g == ". "
}

// sayingVerbs introduce a quoted source: a medium (сообщает «Новый регион»).
var sayingVerbs = prefixes(`сообща сообщил пишет пишут передает передают цитирует цитируют интервью изданию отмечает напоминает информирует`)

// quoteIntro reports whether the token before i, followed by an opening
// quote, introduces an organisation's name.
func (oc *orgCtx) quoteIntro(i int) bool {
	gap := strings.TrimSpace(oc.text[oc.toks[i-1].bend:oc.toks[i].bstart])
	if gap != "«" && gap != "\"" && gap != "„" {
		return oc.listedAfterOrg(i, gap)
	}
	prev := &oc.toks[i-1]
	switch {
	case quoteDescriptors.match(prev.norm), sayingVerbs.match(prev.norm):
		return true
	case prev.upper && !oc.place[i-1] && oc.abbrevAt(i-1) == 1:
		return true // РКК «Энергия», ОАО «Газпром»
	case prev.norm == "и" && oc.lastOrg == i-1:
		return true // «Вымпелком» и «Мегафон»
	}
	return false
}

// listedAfterOrg: a quoted name after «, » or « и » that follows an
// organisation (МТС, «Вымпелком» и «Мегафон»).
func (oc *orgCtx) listedAfterOrg(i int, gap string) bool {
	if oc.lastOrg != i-1 && oc.lastOrg != i {
		return false
	}
	return gap == ", «" || gap == "», «"
}

// isKnownOrg reports whether token i is in a gazetteer organisation.
func (oc *orgCtx) isKnownOrg(known []span, i int) bool {
	t := &oc.toks[i]
	for k := range known {
		if known[k].ref.typ == pipeline.EntityOrganisation && known[k].start <= t.start && t.end <= known[k].end {
			return true
		}
	}
	return false
}

// theAt: "The" and a Latin name after a verb of saying (Как пишет The
// Independent).
func (oc *orgCtx) theAt(i int) int {
	if oc.toks[i].norm != "the" || i == 0 || !sayingVerbs.match(oc.toks[i-1].norm) || i+1 >= len(oc.toks) ||
		!oc.spaced(i, i+1) || !oc.latinCap(i+1) {
		return 0
	}
	n := 2
	for i+n < len(oc.toks) && n < 5 && oc.latinCap(i+n) && oc.spaced(i+n-1, i+n) {
		n++
	}
	return n
}

// quotedPlaceAt: a place name quoted after an organisation descriptor names
// the organisation (банк «Россия», ФК «Ростов»), overriding the place.
func (oc *orgCtx) quotedPlaceAt(i int) int {
	if i == 0 || !oc.place[i] || !oc.toks[i].cap || !quoteDescriptors.match(oc.toks[i-1].norm) {
		return 0
	}
	if gap := strings.TrimSpace(oc.text[oc.toks[i-1].bend:oc.toks[i].bstart]); gap != "«" && gap != "\"" && gap != "„" {
		return 0
	}
	for n := 1; n <= 3 && i+n-1 < len(oc.toks); n++ {
		end := oc.toks[i+n-1].bend
		if end < len(oc.text) && strings.ContainsAny(oc.text[end:min(end+3, len(oc.text))], "»\"“") {
			return n
		}
		if i+n < len(oc.toks) && !oc.spaced(i+n-1, i+n) {
			return 0
		}
	}
	return 0
}

// scopeAdj are lower-case adjectives that belong to an organisation's name
// when they come right before it: a country's or a level's (японского МИДа,
// российского Минсельхоза, государственной Комиссии).
var scopeAdj = prefixes(`российск японск американск европейск китайск британск французск германск немецк украинск
международн государственн федеральн национальн президентск`)

// extendOrgs widens organisations over scope adjectives before them, at
// most two, not crossing another mention.
func extendOrgs(text string, toks []token, spans []span) []span {
	for k := range spans {
		s := &spans[k]
		if s.ref.typ != pipeline.EntityOrganisation {
			continue
		}
		j := tokenAt(toks, s.start)
		for n := 0; n < 2 && j > 0 && !toks[j-1].cap && isAdjForm(toks[j-1].norm) && scopeAdj.match(toks[j-1].norm) &&
			text[toks[j-1].bend:toks[j].bstart] == " " && (k == 0 || spans[k-1].end <= toks[j-1].start); n++ {
			j--
			s.start = toks[j].start
		}
	}
	return spans
}

// teamDescriptors precede a club's, team's, company's or news outlet's
// name without quotes (клуба Челси, команды Макларен-Мерседес, компания
// Мечел, газета Известия).
var teamDescriptors = prefixes(`клуб команд сборн компани корпораци концерн холдинг газет телеканал радиостанци агентств издательств`)

// teamAt: one or two capitalised words after a lower-case team descriptor,
// not a first name (команды Иван Петров is a person).
func (oc *orgCtx) teamAt(i int, names map[string]firstNameInfo) int {
	if i == 0 || oc.toks[i-1].cap || !teamDescriptors.match(oc.toks[i-1].norm) || !oc.spaced(i-1, i) {
		return 0
	}
	if _, first := names[oc.toks[i].norm]; first || oc.toks[i].upper || !hasCyrillic(oc.toks[i].norm) {
		return 0 // a Latin name is latinAt's (компании Harles und Jentzsch)
	}
	if i+1 < len(oc.toks) && oc.toks[i+1].cap && !oc.covered[i+1] && oc.spaced(i, i+1) && !oc.toks[i+1].upper {
		return 2
	}
	return 1
}

// named reports whether the one-word organisation at i was named in
// quotes or after a team descriptor (not an abbreviation or a Latin word,
// which the recogniser finds wherever they are).
func (oc *orgCtx) named(i int) bool {
	t := &oc.toks[i]
	if t.upper || !hasCyrillic(t.norm) || i == 0 {
		return false
	}
	gap := strings.TrimSpace(oc.text[oc.toks[i-1].bend:t.bstart])
	return strings.HasSuffix(gap, "«") || strings.HasSuffix(gap, "„") || teamDescriptors.match(oc.toks[i-1].norm)
}

// repeats tags later and earlier mentions of one-word names found quoted or
// after a descriptor («Фольксваген» … Фольксвагена), in any case.
func (oc *orgCtx) repeats(found []span) []span {
	if len(oc.names1) == 0 {
		return nil
	}
	inFound := coveredTokens(oc.toks, found)
	var out []span
	for k := range oc.toks {
		t := &oc.toks[k]
		if inFound[k] || oc.covered[k] || !t.cap || t.upper || !formOfAny(t.norm, oc.names1) {
			continue
		}
		out = append(out, span{start: t.start, end: t.end, ref: ref{typ: pipeline.EntityOrganisation}})
	}
	return out
}

// nationalTeamAt: a national team named with its sport, «сборная», a
// country (or «страны») and «по» with the sport (сборную России по бобслею
// и скелетону), is an organisation; «сборная России» alone leaves the
// country a place.
func (oc *orgCtx) nationalTeamAt(i int) int {
	t := &oc.toks[i]
	if len(t.norm) < 10 || t.norm[1] != "с"[1] || oc.covered[i] || !strings.HasPrefix(t.norm, "сборн") || i+1 >= len(oc.toks) || !oc.spaced(i, i+1) {
		return 0
	}
	j := i + 1
	switch {
	case oc.toks[j].norm == "страны":
	case oc.place[j]:
		for j+1 < len(oc.toks) && oc.place[j+1] && oc.spaced(j, j+1) {
			j++ // a place of several words
		}
	default:
		return 0
	}
	if !oc.beforeTopic(j) {
		return 0
	}
	return j + 2 + oc.topic(j+2) - i
}
