package tag

import "strings"

// Word classes by prefix or suffix. They replace regular expressions on the
// hot path: a recogniser asks several of them about every capitalised word.

// prefixSet matches words that start with one of its stems. The stems
// are bucketed by their first letter, so a word is compared only with the
// few stems that start like it (and most words with none).
type prefixSet struct {
	stems   []string
	byFirst *[256][]string // stems by firstClass of their first rune; 255: the others
}

func prefixes(s string) prefixSet {
	p := prefixSet{stems: strings.Fields(s), byFirst: new([256][]string)}
	for _, st := range p.stems {
		c := firstClass(st)
		p.byFirst[c] = append(p.byFirst[c], st)
	}
	return p
}

// firstClass maps a word's first rune to 0–255: ASCII as itself, а–я to
// 128–159, anything else to 255 (a bucket of its own: such a stem can
// only start a word whose first rune is of class 255 too).
func firstClass(w string) uint8 {
	if w == "" {
		return 255
	}
	if c := w[0]; c < 0x80 {
		return c
	}
	if len(w) > 1 {
		switch c1, c2 := w[0], w[1]; {
		case c1 == 0xD0 && c2 >= 0xB0 && c2 <= 0xBF:
			return 128 + c2 - 0xB0 // а–п
		case c1 == 0xD1 && c2 >= 0x80 && c2 <= 0x8F:
			return 144 + c2 - 0x80 // р–я
		}
	}
	return 255
}

func (p *prefixSet) match(w string) bool {
	c := firstClass(w)
	for _, s := range p.byFirst[c] { // a stem of another class starts with another rune
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
