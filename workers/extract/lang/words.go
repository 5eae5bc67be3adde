package lang

// profile is what tells one language from the others of its script: common
// function words and letters that the others rarely or never use.
type profile struct {
	code     string
	words    []string
	letters  string
	suffixes []string
}

// Function words are chosen to be frequent in news prose and, as far as
// possible, not shared with the other languages of the same script.
var cyrillicProfiles = []profile{
	{"ru", []string{"и", "в", "не", "на", "что", "с", "по", "как", "из", "его", "это", "он", "она", "также", "года", "был", "была", "были", "которые", "который", "для", "от", "за", "к", "о", "при", "после", "во", "со", "года"}, "ыэё", []string{"ого", "его", "ться", "ый", "ых", "ые"}},
	{"uk", []string{"і", "й", "та", "що", "не", "на", "з", "у", "в", "до", "це", "як", "від", "для", "його", "також", "року", "був", "була", "які", "який", "після", "із"}, "іїєґ", []string{"ння", "ться"}},
	{"bg", []string{"и", "в", "на", "се", "да", "за", "от", "че", "с", "е", "са", "не", "по", "това", "като", "които", "който", "година", "през", "след", "ще"}, "ъ", []string{"ът", "ата", "ите", "ото", "ция"}},
	{"sr", []string{"и", "у", "на", "да", "је", "се", "за", "од", "са", "не", "су", "из", "који", "која", "као", "године", "после", "што"}, "ђћџљњј", nil},
	{"mk", []string{"и", "во", "на", "се", "да", "за", "од", "со", "е", "не", "ќе", "кои", "која", "година", "по"}, "ѓќѕ", nil},
	{"be", []string{"і", "ў", "у", "на", "што", "не", "з", "да", "для", "як", "гэта", "яго", "таксама", "года"}, "ўі", nil},
}

var latinProfiles = []profile{
	{"en", []string{"the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "by", "he", "she", "said", "at", "from", "has", "have", "be", "are", "which", "this", "were", "will"}, "", nil},
	{"es", []string{"el", "la", "de", "que", "y", "en", "los", "las", "del", "se", "por", "un", "una", "con", "para", "es", "su", "al", "lo", "como", "más", "pero", "fue", "este", "dijo"}, "ñ¿¡", nil},
	{"fr", []string{"le", "la", "les", "de", "des", "et", "en", "du", "un", "une", "que", "qui", "est", "dans", "pour", "pas", "sur", "au", "aux", "avec", "ce", "il", "elle", "par", "été", "ont", "selon"}, "çœêèàù", nil},
	{"de", []string{"der", "die", "das", "und", "in", "den", "von", "zu", "mit", "ist", "des", "sich", "dem", "nicht", "ein", "eine", "auf", "auch", "es", "für", "im", "wird", "sagte", "wurde", "bei"}, "ßäöü", nil},
	{"it", []string{"il", "di", "che", "e", "la", "della", "per", "un", "una", "in", "del", "non", "con", "sono", "alla", "gli", "le", "è", "dei", "nel", "anche", "ha", "ma", "questo"}, "àèìòù", nil},
	{"pt", []string{"o", "a", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não", "os", "as", "no", "na", "por", "mais", "dos", "das", "foi", "ao", "disse"}, "ãõç", nil},
	{"nl", []string{"de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "zijn", "met", "voor", "niet", "aan", "ook", "werd", "door", "naar", "heeft", "bij"}, "ĳ", nil},
	{"pl", []string{"i", "w", "na", "z", "się", "nie", "do", "że", "to", "jest", "o", "od", "po", "przez", "jak", "oraz", "roku", "który", "która", "dla"}, "łśżźćńąę", nil},
	{"sv", []string{"och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "inte", "om", "ett", "var", "sade"}, "å", nil},
	{"tr", []string{"ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "gibi", "olan", "en", "ise", "ancak", "sonra", "kadar"}, "ğış", nil},
	{"id", []string{"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada", "juga", "ke", "karena", "adalah", "oleh"}, "", nil},
}

// wordSets turns profiles into lookup sets once per detector.
func wordSets(ps []profile) []map[string]bool {
	sets := make([]map[string]bool, len(ps))
	for i, p := range ps {
		sets[i] = make(map[string]bool, len(p.words))
		for _, w := range p.words {
			sets[i][w] = true
		}
	}
	return sets
}
