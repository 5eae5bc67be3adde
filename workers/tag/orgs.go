package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/polywire/polywire/pipeline"
)

// The organisation recogniser finds organisations the gazetteer does not
// know, in Russian text: abbreviations (ФИДЕ, ЦРУ), runs of Latin words
// (Google, Red Bull), quoted names after a descriptor («движения
// «Солидарность»»), and institution phrases (Конституционного суда,
// Министерства сельского хозяйства). They carry no id.

var (
	// orgHeads are institution nouns (stems) that head an organisation name.
	orgHeadStems = prefixes(`движени церковь церкви лиг завод комбинат министерств комитет федераци служб палат управлени агентств совет
	театр собрани университет институт академи парти фронт союз банк бирж фонд ассоциаци корпораци компани общество организаци
	объединени конгресс сенат парламент ведомств музе архив электростанци альянс кафедр госпитал обком меджлис правительств прокуратур полици милици дума еврокомисси интерпол мэри администраци госдеп
	пентагон минобороны минфин минздрав минсвязи минюст мвд центробанк клуб команд`)
	courtForms = setOf(`суд суда суду судом суде суды судов судами судах`)
	// headForms are institution nouns whose stems start other words too
	// (школьник, галерка, больничный), so only their case forms count.
	headForms = setOf(`школа школы школе школу школой галерея галереи галерею галереей
	комиссия комиссии комиссию комиссией департамент департамента департаменту департаментом департаменте
	трибунал трибунала трибуналу трибуналом трибунале инспекция инспекции инспекцию инспекцией
	консерватория консерватории консерваторию консерваторией патриархат патриархата патриархату патриархатом патриархате
	больница больницы больнице больницу больницей клиника клиники клинике клинику клиникой
	лицей лицея лицею лицеем лицее гимназия гимназии гимназию гимназией колледж колледжа колледжу колледжем колледже
	рада рады раде раду радой`)
	// quoteDescriptors precede a quoted organisation name.
	quoteDescriptors = prefixes(`еженедельник ежедневник движени парти компани организаци газет журнал телеканал канал радиостанци радио
	агентств фонд банк оао зао ооо пао ао холдинг концерн клуб команд групп издательств служб обществ ассоциаци союз объединени центр
	корпораци завод фирм сайт портал сеть сети фк театр музей университет институт фронт блок коалици изданий издани студи лаборатори
	бюро голос`)
	genitiveWord = suffixes(`ого его ых их ой ей ии ия ея ля ва на ра та ка да ы ов ев ства ения ости ики ций ний тий дий рий`)
	// agencyWord matches one-word Russian agency and company names:
	// Росприроднадзор, Минкомсвязи, Мосгордума, Водоканал.
	agencyPrefixes = prefixes(`рос мин мос гос`)
	agencySuffixes = stemEnding{stems: suffixes(`надзор надзора надзору надзоре канал канала канале энерго пром банк банка банке`), minBefore: 2}
	// corporateParts end hyphenated company names (Альфа-Банк, Связь-Инвест).
	corporateParts = prefixes(`банк групп холдинг инвест телеком капитал финанс медиа моторс трейд строй`)
	// notAgency are words that look like agency names but are not.
	notAgency = prefixes(`российск министр госпитал гостин россиян роскош миниатюр государств`)
	// standaloneHeads are institutions named by their head noun alone.
	standaloneHeads = prefixes(`конгресс интерпол еврокомисси пентагон госдеп сенат минобороны минфин минздрав минсвязи минюст центробанк`)
	// notOrgAbbrev are upper-case words that are not organisations.
	notOrgAbbrev = setOf(`фк сми вуз вузы вузов ввп ндс дтп чп тв it ок оао зао ооо пао ао гб мб кб тб мгц ггц гу гуп муп фгуп нко ип жж ii iii iv vi vii viii ix xi xii xx xxi нло спид вич днк ес сша рф ссср`)
	latinJoiners = setOf(`of and und the de la le du for on des di van von to della del da dos das`)
	// latinNotOrg start Latin runs that are titles or products, not
	// organisations.
	latinNotOrg = setOf(`the a an windows android linux chrome iphone ipad firefox`)
	// latinFirstNames start a person's name written in Latin letters.
	latinFirstNames = setOf(`john james joel joshua barry bilal khaled sami scott george michael david robert richard thomas
	william peter paul mark mike steve steven brian kevin daniel andrew anthony charles christopher jeff bill
	tom tony chris matt alex alexander ahmed mohammed muhammad ali omar hassan jean pierre marie anna maria
	elena olga natalia irina hillary barack donald joe vladimir sergey dmitry mikhail shi li wang zhang liu
	gregory garrett edward henry jack harry samuel benjamin nicholas patrick jonathan ryan jacob gary eric stephen
	larry frank raymond dennis jerry walter ronald timothy jason jose juan carlos luis antonio nancy susan
	karen lisa betty sandra donna carol sarah jennifer linda barbara elizabeth patricia margaret emily laura
	angela helen ruth sharon michelle kimberly deborah amy rebecca kate catherine julia anne victoria`)
)

// isOrgHead: an institution noun that heads an organisation name.
func isOrgHead(w string) bool { return orgHeadStems.match(w) || courtForms[w] || headForms[w] }

// isAgencyWord: a one-word Russian agency or company name
// (Росприроднадзор, Минкомсвязи, Мосгордума, Водоканал).
func isAgencyWord(w string) bool {
	if k := strings.LastIndexByte(w, '-'); k > 0 && lowerCyrillic(w[:k]) {
		return corporateParts.match(w[k+1:]) // Альфа-Банк, Ренессанс-Капитал
	}
	if !lowerCyrillic(w) {
		return false
	}
	if agencyPrefixes.match(w) && utf8.RuneCountInString(w) >= 7 {
		return true
	}
	return agencySuffixes.match(w)
}

type orgCtx struct {
	lastOrg  int // index after the last organisation found, -1 before any
	text     string
	toks     []token
	covered  []bool
	place    []bool // token in a place the gazetteer found
	names    map[string]firstNameInfo
	names1   []paradigm      // one-word names found quoted or after a descriptor, for repeats
	common   map[string]bool // abbreviations the text defines for lower-case phrases
	cyrillic bool            // the text has Cyrillic letters
}

func (ix *index) recogniseOrgs(text string, toks []token, known []span, lang string) []span {
	if lang == "en" {
		return ix.englishOrgs(text, toks, known)
	}
	if lang != "ru" && !(lang == "" || lang == pipeline.LanguageUnknown) {
		return nil
	}
	oc := &orgCtx{text: text, toks: toks, covered: coveredTokens(toks, known), cyrillic: hasCyrillic(text),
		place: coveredTokensOf(toks, known, pipeline.EntityLocation), names: ix.firstNames}
	oc.lastOrg = -1
	oc.common = commonAbbreviations(text, toks)
	var out []span
	for i := 0; i < len(toks); {
		if n := oc.nationalTeamAt(i); n > 0 {
			out = append(out, span{start: toks[i].start, end: toks[i+n-1].end, ref: ref{typ: pipeline.EntityOrganisation}, override: true})
			i += n
			oc.lastOrg = i
			continue
		}
		if n := oc.quotedPlaceAt(i); n > 0 {
			out = append(out, span{start: toks[i].start, end: toks[i+n-1].end, ref: ref{typ: pipeline.EntityOrganisation}, override: true})
			i += n
			oc.lastOrg = i
			continue
		}
		n := oc.orgAt(i)
		if n == 0 {
			if oc.covered[i] && oc.isKnownOrg(known, i) {
				oc.lastOrg = i + 1
			}
			i++
			continue
		}
		if n == 1 && oc.named(i) {
			oc.names1 = append(oc.names1, newParadigm(toks[i].norm, kindNoun))
		}
		out = append(out, span{start: toks[i].start, end: toks[i+n-1].end, ref: ref{typ: pipeline.EntityOrganisation}})
		i += n
		oc.lastOrg = i
	}
	return append(out, oc.repeats(out)...)
}

func (oc *orgCtx) orgAt(i int) int {
	if oc.covered[i] {
		return 0
	}
	if n := oc.domainAt(i); n > 0 {
		return n
	}
	if !oc.toks[i].cap {
		return oc.scopedInstitutionAt(i) // otherwise every pattern starts with a capital
	}
	if n := oc.quotedAt(i); n > 0 {
		return n
	}
	if n := oc.teamAt(i, oc.names); n > 0 {
		return n
	}
	if n := oc.abbrevAt(i); n > 0 {
		return n
	}
	if n := oc.theAt(i); n > 0 {
		return n
	}
	if n := oc.latinAt(i); n > 0 {
		return n
	}
	if n := oc.institutionAt(i); n > 0 {
		return n
	}
	return oc.agencyAt(i)
}

// abbrevAt: an upper-case word of 2–6 letters, no digits, or a Russian
// one with a case ending (МИДа, ЦРУ, МВДшн… not).
func (oc *orgCtx) abbrevAt(i int) int {
	t := &oc.toks[i]
	w := t.norm
	if !t.upper {
		stem, ok := inflectedAbbrev(t.text)
		if !ok {
			return 0
		}
		w = strings.ToLower(stem)
	}
	n := utf8.RuneCountInString(w)
	if n < 2 || n > 6 || strings.IndexFunc(w, unicode.IsDigit) >= 0 || notOrgAbbrev[w] || romanNumeral(w) || oc.common[w] {
		return 0
	}
	return 1
}

// inflectedAbbrev splits a Cyrillic abbreviation with a case ending (МИДа,
// МИДе, ВТБом) into its capitals.
func inflectedAbbrev(w string) (string, bool) {
	for _, e := range []string{"ом", "ов", "а", "е", "у", "ы"} {
		stem, ok := strings.CutSuffix(w, e)
		if !ok || utf8.RuneCountInString(stem) < 2 || !hasCyrillic(stem) {
			continue
		}
		if _, upper := caseOf(stem); upper {
			return stem, true
		}
	}
	return "", false
}

// latinAt: capitalised Latin words in Cyrillic text, joined by spaces or
// lower-case joiners (Industrial and Commercial Bank of China).
func (oc *orgCtx) latinAt(i int) int {
	if oc.covered[i] || !oc.latinCap(i) || !oc.cyrillic || latinFirstNames[oc.toks[i].norm] ||
		strings.IndexFunc(oc.toks[i].norm, unicode.IsDigit) >= 0 || romanNumeral(oc.toks[i].norm) ||
		oc.quotedTitle(i) || latinNotOrg[oc.toks[i].norm] {
		return 0
	}
	n := 1
	for i+n < len(oc.toks) && oc.spaced(i+n-1, i+n) && n < 8 {
		if oc.latinCap(i + n) {
			n++
			continue
		}
		if latinJoiners[oc.toks[i+n].norm] && i+n+1 < len(oc.toks) && oc.spaced(i+n, i+n+1) && oc.latinCap(i+n+1) {
			n += 2
			continue
		}
		break
	}
	return n
}

// latinCap: a capitalised Latin word; a place the gazetteer found may be
// part of the name (Bank of East Asia) but does not start one.
func (oc *orgCtx) latinCap(i int) bool {
	t := &oc.toks[i]
	r, _ := utf8.DecodeRuneInString(t.text)
	return r < unicode.MaxLatin1 && unicode.IsUpper(r)
}

// quotedTitle: a Latin name in quotes without an organisation descriptor
// before it is a title (a film, a song, a game), not an organisation.
func (oc *orgCtx) quotedTitle(i int) bool {
	before := strings.TrimRight(oc.text[:oc.toks[i].bstart], " ")
	if !strings.HasSuffix(before, "«") && !strings.HasSuffix(before, "\"") && !strings.HasSuffix(before, "“") {
		return false
	}
	return i == 0 || !quoteDescriptors.match(oc.toks[i-1].norm)
}

// quotedAt: «Name» right after a descriptor word, a verb of saying (пишет
// «Gzt.Ru»), an abbreviation (РКК «Энергия»), or another organisation in a
// list (МТС, «Вымпелком» и «Мегафон»).
func (oc *orgCtx) quotedAt(i int) int {
	if i == 0 || !oc.toks[i].cap || !oc.quoteIntro(i) {
		return 0
	}
	for n := 1; n <= 6 && i+n-1 < len(oc.toks); n++ {
		end := oc.toks[i+n-1].bend
		if end < len(oc.text) && strings.ContainsAny(oc.text[end:min(end+3, len(oc.text))], "»\"“") {
			return n
		}
		if i+n < len(oc.toks) && !oc.spaced(i+n-1, i+n) && !oc.hyphened(i+n-1, i+n) {
			return 0
		}
	}
	return 0
}

// institutionAt: capitalised adjectives and an institution head
// (Конституционного суда), or a capitalised head with its lower-case
// genitive complement (Министерства сельского хозяйства).
func (oc *orgCtx) institutionAt(i int) int {
	t := &oc.toks[i]
	if !t.cap || t.upper || !hasCyrillic(t.norm) {
		return 0
	}
	if endsWithAny(t.norm, "ые", "ие", "ых", "их") && !(verbalNoun(t.norm) && isOrgHead(t.norm)) {
		return 0 // plural: a kind of institution, not one (Правозащитные организации)
	}
	n := 0
	for i+n < len(oc.toks) && n < 3 && isAdjForm(oc.toks[i+n].norm) && !(verbalNoun(oc.toks[i+n].norm) && isOrgHead(oc.toks[i+n].norm)) &&
		(n == 0 || oc.spaced(i+n-1, i+n)) {
		n++
	}
	if i+n >= len(oc.toks) || (n > 0 && !oc.spaced(i+n-1, i+n)) || !isOrgHead(oc.toks[i+n].norm) ||
		isAdjForm(oc.toks[i+n].norm) && !verbalNoun(oc.toks[i+n].norm) {
		return 0
	}
	head := n
	n = oc.complements(i, n+1)
	if head == 0 && t.sentStart && n == 1 {
		return 0
	}
	if n == 1 && !standaloneHeads.match(t.norm) {
		return 0
	}
	if n == head+1 && n == 2 && genericAdj.match(t.norm) && t.sentStart {
		return 0 // «Международная организация», «Призовой фонд» opening a sentence: a kind; capitalised mid-sentence, a name (члена Общественной палаты)
	}
	return n
}

// complement: a lower-case genitive word, or a capitalised institution, that
// continues an organisation name (Палаты представителей Конгресса).
func (oc *orgCtx) complement(i int) bool {
	t := &oc.toks[i]
	if t.cap {
		return isOrgHead(t.norm) && !t.upper
	}
	return genitiveLi[t.norm] || utf8.RuneCountInString(t.norm) >= 4 && genitiveWord.match(t.norm) && !endsWithAny(t.norm, "ла", "ли", "ло", "ены") &&
		!softAdjectives[t.norm]
}

// agencyAt: a capitalised one-word agency or company name.
func (oc *orgCtx) agencyAt(i int) int {
	t := &oc.toks[i]
	if !t.cap || t.upper || !isAgencyWord(t.norm) || isAdjForm(t.norm) || notAgency.match(t.norm) {
		return 0
	}
	return 1
}

func isAdjForm(w string) bool {
	return utf8.RuneCountInString(w) >= 5 && endsWithAny(w, "ий", "ый", "ой", "ая", "ое", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ую", "ых", "их", "ей")
}

func (oc *orgCtx) spaced(a, b int) bool {
	return oc.text[oc.toks[a].bend:oc.toks[b].bstart] == " "
}

func (oc *orgCtx) hyphened(a, b int) bool {
	g := strings.TrimSpace(oc.text[oc.toks[a].bend:oc.toks[b].bstart])
	return g == "-" || g == "—" || g == "–"
}
