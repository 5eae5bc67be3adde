package tag

import "strings"

// Word classes by prefix or suffix. They replace regular expressions on the
// hot path: a recogniser asks several of them about every capitalised word.

// prefixSet matches words that start with one of its stems.
type prefixSet []string

func prefixes(s string) prefixSet { return strings.Fields(s) }

func (p prefixSet) match(w string) bool {
	for _, s := range p {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// suffixSet matches words that end with one of its endings.
type suffixSet []string

func suffixes(s string) suffixSet { return strings.Fields(s) }

func (s suffixSet) match(w string) bool {
	for _, e := range s {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// stemEnding matches a stem suffix followed by an optional case ending
// (Иванович, Ивановича); minBefore is the number of bytes the word must have
// before the stem.
type stemEnding struct {
	stems, endings suffixSet
	minBefore      int
}

func (se stemEnding) match(w string) bool {
	if se.stemAt(w) {
		return true
	}
	for _, e := range se.endings {
		if strings.HasSuffix(w, e) && se.stemAt(w[:len(w)-len(e)]) {
			return true
		}
	}
	return false
}

func (se stemEnding) stemAt(w string) bool {
	for _, s := range se.stems {
		if strings.HasSuffix(w, s) && len(w)-len(s) >= se.minBefore {
			return true
		}
	}
	return false
}

// lowerCyrillic reports whether w is made only of the lower-case letters
// а–я (a normalised Russian word).
func lowerCyrillic(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < 'а' || r > 'я' {
			return false
		}
	}
	return true
}

// romanNumeral: a word of the letters i, v, x, l, c only (II, XXI).
func romanNumeral(w string) bool {
	return w != "" && strings.Trim(w, "ivxlc") == ""
}
