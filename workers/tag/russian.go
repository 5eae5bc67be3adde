package tag

import (
	"strings"
	"unicode/utf8"
)

// Russian inflection by suffix rules. The generators over-generate on
// purpose (the union of the cases, both animacy readings): a form that no
// text contains costs nothing, a missing one costs a match. Input and output
// are normalised (lower case, ё→е).

// wordKind says how a word of a gazetteer name is inflected.
type wordKind int

const (
	kindFixed  wordKind = iota // does not inflect in this name
	kindNoun                   // noun or first name
	kindPerson                 // person's surname (last word of a person name)
	kindGiven                  // first name or patronymic: never an adjective
	kindAbbrev                 // Cyrillic abbreviation ending in a consonant: МИД → МИДа, МИДе
)

// ruPhraseKinds decides which words of a name inflect: in a person's name
// every word; in other names the leading adjectives and the first noun (the
// head), while the words after the head are genitive or appositive
// complements that stay as they are (Организация Объединенных Наций,
// префектура Аомори).
func ruPhraseKinds(words []string, person bool) []wordKind {
	kinds := make([]wordKind, len(words))
	for i := range words {
		switch {
		case hasCyrillic(words[i]) && isAbbrev(words[i]) && endsInConsonant(words[i]):
			kinds[i] = kindAbbrev
		case !hasCyrillic(words[i]) || isAbbrev(words[i]):
			kinds[i] = kindFixed
		case person && i == len(words)-1:
			kinds[i] = kindPerson
		case person:
			kinds[i] = kindGiven
		}
	}
	if person {
		return kinds
	}
	for i, w := range words {
		if kinds[i] == kindAbbrev {
			break // the abbreviation is the head (МИД России)
		}
		if !hasCyrillic(w) {
			continue
		}
		kinds[i] = kindNoun
		if !isAdjective(w) && !indeclinable(normalize(w)) {
			break
		}
	}
	return kinds
}

// indeclinable reports whether a noun never changes, so that the case is
// carried by the next word (Ак Барса, Дойче банка).
func indeclinable(w string) bool {
	_, ends := nounParadigm(w, false)
	return utf8.RuneCountInString(w) < 3 || len(ends) == 1 && ends[0] == ""
}

func isAbbrev(w string) bool {
	_, upper := caseOf(w)
	return upper
}

// ruForms returns the inflected forms of one normalised word; the first is
// the word itself. Compounds with -на- inflect their first part
// (Ростова-на-Дону); nouns with a fleeting vowel also lose it (Египта).
func ruForms(w string, kind wordKind) []string {
	if i := strings.Index(w, "-на-"); i > 0 && kind != kindFixed {
		var out []string
		for _, f := range ruForms(w[:i], kind) {
			out = append(out, f+w[i:])
		}
		return out
	}
	n, ends := ruParadigm(w, kind)
	forms := withEndings(w[:n], ends)
	if kind == kindNoun {
		forms = append(forms, fleetingForms(w)...)
		if stem, ok := strings.CutSuffix(w, "ки"); ok && utf8.RuneCountInString(w) >= 5 {
			forms = append(forms, stem+"ок") // Химки → Химок
		}
	}
	return forms
}

// fleetingForms are the oblique forms of a noun whose last vowel drops
// (Египет → Египта, Торжок → Торжка); generated for every noun ending so,
// since a form no text contains costs nothing. Not after н: the forms
// would be real surnames (Данон → «Данна»).
func fleetingForms(w string) []string {
	last, n1 := utf8.DecodeLastRuneInString(w)
	vowel, n2 := utf8.DecodeLastRuneInString(w[:len(w)-n1])
	if utf8.RuneCountInString(w) < 4 || vowel != 'е' && vowel != 'о' || !strings.ContainsRune("ктлр", last) {
		return nil
	}
	return withEndings(w[:len(w)-n1-n2]+string(last), []string{"а", "у", "е", "ом"})
}

// isRuForm reports whether f is one of ruForms(lemma, kind), without
// building them.
func isRuForm(f, lemma string, kind wordKind) bool { return newParadigm(lemma, kind).has(f) }

// paradigm is the set of forms of one word: stem + each ending.
type paradigm struct {
	stem string
	ends []string
}

func newParadigm(lemma string, kind wordKind) paradigm {
	n, ends := ruParadigm(lemma, kind)
	return paradigm{lemma[:n], ends}
}

func (p paradigm) has(f string) bool {
	return strings.HasPrefix(f, p.stem) && containsForm(p.ends, f[len(p.stem):])
}

// ruParadigm describes the forms of w as a stem, w[:n], and the endings
// added to it.
func ruParadigm(w string, kind wordKind) (int, []string) {
	switch kind {
	case kindFixed:
		return len(w), noEnding
	case kindAbbrev:
		return len(w), abbrevEndings
	}
	// Hyphenated compounds inflect their last part (Санкт-Петербурга,
	// Ханты-Мансийского).
	if i := strings.LastIndexByte(w, '-'); i > 0 {
		n, ends := ruParadigm(w[i+1:], kind)
		return i + 1 + n, ends
	}
	if utf8.RuneCountInString(w) < 3 {
		return len(w), noEnding
	}
	if isAdjective(w) && kind != kindGiven && !isFirstNameLike(w, kind) {
		return adjParadigm(w)
	}
	return nounParadigm(w, kind == kindPerson)
}

var noEnding = []string{""}

// abbrevEndings are the case endings written after a Cyrillic abbreviation
// (МИДа, МИДу, МИДом, МИДе).
var abbrevEndings = []string{"", "а", "у", "ом", "е"}

func endsInConsonant(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.ToLower(w))
	return hasCyrillic(string(r)) && !strings.ContainsRune("аеёиоуыэюяйь", r)
}

// isFirstNameLike keeps first names in -ий (Юрий, Дмитрий) out of the
// adjective paradigm; surnames in -ский/-цкий/-ой are adjectives.
func isFirstNameLike(w string, kind wordKind) bool {
	if kind == kindPerson {
		// Surnames in -ский, -цкий, -кий (Долгорукий) are adjectives.
		return strings.HasSuffix(w, "ий") && !strings.HasSuffix(w, "кий")
	}
	return false
}

var adjEndings = []string{"ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие"}

// isAdjective reports whether w ends like an adjective in the nominative.
func isAdjective(w string) bool {
	if utf8.RuneCountInString(w) < 5 {
		return false
	}
	for _, e := range adjEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

func adjParadigm(w string) (int, []string) {
	stem, end := cut2(w)
	velar := endsWithAny(stem, "к", "г", "х", "ж", "ш", "щ", "ч")
	y := "ы"
	if velar {
		y = "и"
	}
	var ends []string
	switch end {
	case "ий":
		if velar {
			ends = []string{"ий", "ого", "ому", "им", "ом", "ие", "их", "ими"}
		} else {
			ends = []string{"ий", "его", "ему", "им", "ем", "ие", "их", "ими"}
		}
	case "ый", "ой":
		ends = []string{end, "ого", "ому", y + "м", "ом", y + "е", y + "х", y + "ми"}
	case "ая":
		ends = []string{"ая", "ой", "ую", "ою"}
	case "яя":
		ends = []string{"яя", "ей", "юю", "ею"}
	case "ое":
		ends = []string{"ое", "ого", "ому", y + "м", "ом"}
	case "ее":
		ends = []string{"ее", "его", "ему", "им", "ем"}
	case "ые", "ие":
		ends = []string{end, y + "х", y + "м", y + "ми"}
	}
	return len(stem), ends
}

func nounParadigm(w string, surname bool) (int, []string) {
	cut := func(sfx string, ends ...string) (int, []string) { return len(w) - len(sfx), ends }
	switch {
	case strings.HasSuffix(w, "ия"):
		return cut("ия", "ия", "ии", "ию", "ией", "иею")
	case strings.HasSuffix(w, "ство"), strings.HasSuffix(w, "тво"):
		return cut("о", "о", "а", "у", "ом", "е") // Королевство, Содружество decline
	case strings.HasSuffix(w, "ье"):
		return cut("ье", "ье", "ья", "ью", "ьем")
	case !surname && utf8.RuneCountInString(w) >= 5 && strings.HasSuffix(w, "око"):
		return cut("о", "о", "а", "у", "ом", "е") // «Яблока»; foreign names in -о do not decline (Токио, Монако)
	case endsWithAny(w, "оа", "уа", "иа", "еа", "аа"):
		return len(w), noEnding // a vowel before -а: indeclinable (Самоа, Никарагуа, Папуа)
	case strings.HasSuffix(w, "а"):
		return aParadigm(w)
	case strings.HasSuffix(w, "я"):
		return cut("я", "я", "и", "е", "ю", "ей", "ею")
	case strings.HasSuffix(w, "ь"):
		return cut("ь", "ь", "я", "ю", "ем", "е", "и", "ью", "ей")
	case strings.HasSuffix(w, "ий"):
		return cut("ий", "ий", "ия", "ию", "ием", "ии", "ие")
	case strings.HasSuffix(w, "й"):
		return cut("й", "й", "я", "ю", "ем", "е")
	case strings.HasSuffix(w, "ы"):
		return cut("ы", "ы", "ов", "", "ам", "ами", "ах")
	case !surname && utf8.RuneCountInString(w) >= 5 && endsWithAny(w, "ки", "ги", "хи", "жи", "ши", "щи", "чи"):
		return cut("и", "и", "", "ам", "ами", "ах") // plural places: Мытищи → Мытищ, Мытищам; Химки → Химок below
	case endsWithAny(w, "о", "е", "и", "у", "ю", "э", "ы"):
		// Indeclinable (Токио, Абэ, Сочи, Шойгу). Russian place names in
		// -ово/-ино decline in speech (в Домодедове), but every oblique form
		// is also a surname's (Иваново → Иванова, Иванову), so they are
		// matched in the nominative only.
		return len(w), noEnding
	}
	return len(w), consonantEndings(w, surname)
}

func aParadigm(w string) (int, []string) {
	stem := w[:len(w)-len("а")]
	gen := "ы"
	if endsWithAny(stem, "к", "г", "х", "ж", "ш", "щ", "ч") {
		gen = "и"
	}
	// Feminine surnames (Захарова → Захаровой) need no extra endings: ой
	// and у are already in the noun paradigm.
	return len(stem), []string{"а", gen, "е", "у", "ой", "ою"}
}

func consonantEndings(w string, surname bool) []string {
	k := 0
	if endsWithAny(w, "ж", "ш", "щ", "ч", "ц") {
		k |= 1
	}
	if endsWithAny(w, "ов", "ев", "ёв", "ин", "ын") {
		k |= 2 // Путиным; and the feminine forms of Путина
	}
	if surname && !endsWithAny(w, "ов", "ев", "ин", "ын") {
		k |= 4
	}
	return consonantTable[k]
}

// consonantTable holds the endings of consonant stems by three bits:
// 1 a hushing stem (-ем), 2 a possessive suffix (-ым, -ой, -ы), 4 a
// surname of another kind (-ем). Read-only.
var consonantTable = func() [8][]string {
	var t [8][]string
	for k := range t {
		ends := []string{"", "а", "у", "е", "ом"}
		if k&1 != 0 {
			ends = append(ends, "ем")
		}
		if k&2 != 0 {
			ends = append(ends, "ым", "ой", "ы")
		}
		if k&4 != 0 {
			ends = append(ends, "ем")
		}
		t[k] = ends
	}
	return t
}()

func withEndings(stem string, ends []string) []string {
	out := make([]string, 0, len(ends))
	for _, e := range ends {
		out = append(out, stem+e)
	}
	return out
}

func cut2(w string) (string, string) {
	_, n1 := utf8.DecodeLastRuneInString(w)
	_, n2 := utf8.DecodeLastRuneInString(w[:len(w)-n1])
	return w[:len(w)-n1-n2], w[len(w)-n1-n2:]
}

func endsWithAny(w string, sfx ...string) bool {
	for _, s := range sfx {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}
