package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unknown is returned when the language cannot be told.
const Unknown = "und"

// sampleBytes bounds the work per call: the first 16 KiB of a text tell its
// language as well as the whole.
const sampleBytes = 16 << 10

// Detector detects languages. The zero value is not usable; use New. A
// Detector is immutable and safe for concurrent use.
type Detector struct {
	cyrillic []map[string]bool
	latin    []map[string]bool
}

// New returns a Detector.
func New() *Detector {
	return &Detector{cyrillic: wordSets(cyrillicProfiles), latin: wordSets(latinProfiles)}
}

// Detect returns the ISO 639-1 code of text's language, or Unknown when the
// text is too short or its evidence ambiguous. Scripts used by one language
// (Hangul, Greek, Hebrew, …) decide alone; kana means Japanese, Han without
// kana Chinese; Cyrillic and Latin texts are told apart by distinctive
// letters and function-word frequency.
func (d *Detector) Detect(text string) string {
	if len(text) > sampleBytes {
		cut := sampleBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var counts [numScripts]int
	letters := 0
	for _, r := range text {
		if s := scriptOf(r); s != scriptOther {
			counts[s]++
			letters++
		}
	}
	if letters == 0 {
		return Unknown
	}
	return d.byScript(text, counts, letters)
}

// byScript decides from the dominant script.
func (d *Detector) byScript(text string, counts [numScripts]int, letters int) string {
	// Japanese mixes kana and kanji; a little kana is enough to tell it
	// from Chinese.
	if counts[scriptKana] > 0 && counts[scriptKana]*10 >= counts[scriptHan] && counts[scriptKana]+counts[scriptHan] >= 2 {
		return "ja"
	}
	top := dominant(counts)
	if counts[top]*2 < letters {
		return Unknown
	}
	switch top {
	case scriptHan:
		if counts[scriptHan] >= 2 {
			return "zh"
		}
	case scriptArabic:
		return arabicLanguage(text, counts[top])
	case scriptCyrillic:
		return d.byWords(text, cyrillicProfiles, d.cyrillic)
	case scriptLatin:
		return d.byWords(text, latinProfiles, d.latin)
	default:
		if lang := singleLanguage[top]; lang != "" && counts[top] >= 2 {
			return lang
		}
	}
	return Unknown
}

func dominant(counts [numScripts]int) script {
	top := scriptOther
	for s := scriptLatin; s < numScripts; s++ {
		if counts[s] > counts[top] {
			top = s
		}
	}
	return top
}

// arabicLanguage tells Persian and Urdu letters from Arabic.
func arabicLanguage(text string, n int) string {
	if n < 2 {
		return Unknown
	}
	if strings.ContainsAny(text, "ٹڈڑںھے") {
		return "ur"
	}
	if strings.ContainsAny(text, "پچژگ") {
		return "fa"
	}
	return "ar"
}

// byWords scores each profile by function-word hits plus distinctive
// letters, and answers only with a clear winner.
func (d *Detector) byWords(text string, ps []profile, sets []map[string]bool) string {
	scores := make([]float64, len(ps))
	lower := strings.ToLower(text)
	words := 0
	for w := range strings.FieldsFuncSeq(lower, notLetter) {
		words++
		for i, set := range sets {
			if set[w] {
				scores[i]++
			}
			for _, suf := range ps[i].suffixes {
				if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
					scores[i] += 0.5
				}
			}
		}
	}
	letters := map[rune]int{}
	for _, r := range lower {
		if r >= 0x80 {
			letters[r]++
		}
	}
	for i, p := range ps {
		for _, r := range p.letters {
			scores[i] += 0.5 * float64(letters[r])
		}
	}
	best, second := -1, -1
	for i := range scores {
		if best < 0 || scores[i] > scores[best] {
			best, second = i, best
		} else if second < 0 || scores[i] > scores[second] {
			second = i
		}
	}
	if words < 3 || scores[best] < 2 || scores[best] < 1.25*scores[second] {
		return Unknown
	}
	return ps[best].code
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }
