// Package datewords holds the month names of the languages Polywire reads
// dates in, for the two places that read dates written in words: feed
// dates in workers/fetch and dates in page text and datelines in
// workers/extract.
//
// Only the month tables are shared. The parsers around them differ in
// purpose and stay with their callers: fetch normalises one whole feed
// date (weekdays, Spanish connectives, the Japanese 年月日 form, zone
// abbreviations) into a layout time.Parse reads, and must say when a date
// cannot be read; extract looks for the first full date inside free text,
// resolves a dateline's day and month against the publication date, and
// tells date stamps from prose with a vocabulary that leaves out
// ambiguous words ("may", "set").
//
// Two lookups read the same per-language tables:
//
//   - Month matches whole words: full names in the forms a date uses
//     (Russian genitive and nominative) and the common abbreviations.
//   - MonthStem matches beginnings, for words whose endings vary: Russian
//     case forms (сентября, сентябре), abbreviations with or without a
//     period (сент., janv., juil.). A stem also begins words that are no
//     month ("marzipan"), so use it only on words already known to stand
//     in a date.
//
// Words and stems are lower case; callers lower-case what they look up.
// Languages are ISO 639-1 codes; with none given, every language is used.
// The tables are read-only, so both lookups are safe for concurrent use.
package datewords

import (
	"strings"
	"time"
)

// Month returns the month word names as a whole word in one of langs (all
// languages when none are given), or 0.
func Month(word string, langs ...string) time.Month {
	if len(langs) == 0 {
		return allWords[word]
	}
	for _, l := range langs {
		if m := words[l][word]; m != 0 {
			return m
		}
	}
	return 0
}

// MonthStem returns the month whose stem word begins with in one of langs
// (all languages when none are given), or 0. No stem begins another stem
// of a different month, so the answer does not depend on the order of
// langs.
func MonthStem(word string, langs ...string) time.Month {
	if len(langs) == 0 {
		return stemMonth(word, allStems)
	}
	for _, l := range langs {
		if m := stemMonth(word, stems[l]); m != 0 {
			return m
		}
	}
	return 0
}

type stem struct {
	prefix string
	month  time.Month
}

func stemMonth(word string, ss []stem) time.Month {
	for _, s := range ss {
		if strings.HasPrefix(word, s.prefix) {
			return s.month
		}
	}
	return 0
}

var words, allWords, stems, allStems = build()

func build() (words map[string]map[string]time.Month, allWords map[string]time.Month,
	stems map[string][]stem, allStems []stem) {
	words, allWords, stems = map[string]map[string]time.Month{}, map[string]time.Month{}, map[string][]stem{}
	for _, t := range tables {
		words[t.lang] = map[string]time.Month{}
		for i := range 12 {
			m := time.Month(i + 1)
			for _, w := range strings.Fields(t.words[i]) {
				words[t.lang][w] = m
				allWords[w] = m
			}
			for _, p := range strings.Fields(t.stems[i]) {
				stems[t.lang] = append(stems[t.lang], stem{p, m})
				allStems = append(allStems, stem{p, m})
			}
		}
	}
	return words, allWords, stems, allStems
}
