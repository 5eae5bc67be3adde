package tag

import (
	"strings"

	"github.com/polywire/polywire/pipeline"
)

// People the gazetteer does not know get an id and a canonical name derived
// from the text: the nominative of each word (first names from the first
// name table, surnames by undoing the case ending), transliterated for the
// id: «Александром Уссом» → Александр Усс, person:aleksandr-uss. Names in
// Japanese script get no id.

// unknownPerson fills the name and id of a person mention without one.
func (ix *index) unknownPerson(m *pipeline.Mention, lang string) {
	words := strings.Fields(strings.ReplaceAll(m.Text, ".", ". "))
	if len(words) == 0 || hasCJK(m.Text) {
		return
	}
	female, nominative := false, false
	for i, w := range words {
		n := normalize(w)
		if fn, ok := ix.firstNames[n]; ok && i < len(words)-1 {
			words[i], female = fn.nom, fn.female
			// A first name in the nominative puts the surname in it too
			// (Мишель Обама, not Обам).
			nominative = n == normalize(fn.nom)
			continue
		}
		if hasCyrillic(n) && i == len(words)-1 && len([]rune(n)) > 2 && !nominative {
			words[i] = capitalise(surnameLemma(n, female))
		}
	}
	m.Name = strings.Join(words, " ")
	if len(words) < 2 {
		return // a surname alone is too ambiguous for an id
	}
	slug := slugify(m.Name)
	if slug != "" {
		m.ID = "person:" + slug
	}
}

// surnameLemma undoes a case ending: the first candidate nominative whose
// generated forms include the word.
func surnameLemma(w string, female bool) string {
	type rule struct{ cut, add string }
	rules := []rule{{"ого", "ий"}, {"ому", "ий"}, {"им", "ий"}, {"ым", ""}, {"ом", ""}, {"ем", ""}, {"а", ""}, {"у", ""}, {"е", ""}, {"я", "й"}, {"ю", "й"}}
	if female {
		rules = []rule{{"ой", "а"}, {"ую", "ая"}, {"у", "а"}, {"е", "а"}, {"ы", "а"}}
	}
	for _, r := range rules {
		if !strings.HasSuffix(w, r.cut) {
			continue
		}
		cand := strings.TrimSuffix(w, r.cut) + r.add
		if isRuForm(w, cand, kindPerson) {
			return cand
		}
	}
	return w
}

func capitalise(w string) string {
	r := []rune(w)
	if len(r) == 0 {
		return w
	}
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

var translit = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "yu", 'я': "ya", 'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g",
}

// slugify transliterates Cyrillic and keeps a-z, 0-9, joining words by '-'.
func slugify(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	dash := false
	for _, r := range normalize(name) {
		switch {
		case r >= 'а' && r <= 'я':
			b.WriteString(translitBasic[r-'а'])
			dash = false
		case hasTranslit(r):
			b.WriteString(translit[r])
			dash = false
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

// translitBasic is translit for а–я, indexed by r-'а'.
var translitBasic = func() (t [32]string) {
	for r := 'а'; r <= 'я'; r++ {
		t[r-'а'] = translit[r]
	}
	return t
}()

func hasTranslit(r rune) bool {
	if r >= 'а' && r <= 'я' {
		return true // every basic letter is in the table
	}
	_, ok := translit[r]
	return ok
}
