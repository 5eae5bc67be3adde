package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/polywire/polywire/pipeline"
)

// Japanese recognisers for names the gazetteer lacks, written without
// spaces: organisations by their suffix (防衛省, 気象庁, 立憲民主党,
// トヨタ自動車株式会社, 株式会社ソニー) and people by the title or honorific
// after the name (岸田首相, 田中氏, ミハイル・ガルージン大使). Mentions carry
// no id.

// jaOrgSuffixes end an organisation's name, longest first.
var jaOrgSuffixes = []string{"株式会社", "委員会", "研究所", "通信社", "新聞社", "新聞", "銀行", "大学", "協会", "機構", "省", "庁", "党"}

// jaPersonSuffixes follow a person's name.
var jaPersonSuffixes = []string{"大統領", "首相", "知事", "大使", "外相", "市長", "議員", "社長", "会長", "さん", "氏"}

// jaRoleModifiers sit between a name and its title (安倍前首相).
const jaRoleModifiers = "前元現新"

// maxJaName bounds a name's length in characters.
const maxJaName = 8

func isHan(r rune) bool { return r >= 0x3400 && unicode.Is(unicode.Han, r) || r == '々' }

// jaNameRune may be part of a Japanese name.
func jaNameRune(r rune) bool { return isHan(r) || isKatakana(r) || r == '・' }

// japaneseNames finds Japanese-script organisations and people; known are
// the mentions found so far.
func japaneseNames(runes []rune, known []span) []span {
	cov := newRuneCover(len(runes), known)
	var out []span
	for i := 0; i < len(runes); i++ {
		if !strings.ContainsRune(jaSuffixStarts, runes[i]) {
			continue // no suffix starts here
		}
		if s, ok := jaOrgAt(runes, i, cov); ok {
			out = append(out, s)
			i = s.end - 1
			continue
		}
		if s, ok := jaPersonAt(runes, i, cov); ok && (len(out) == 0 || out[len(out)-1].end <= s.start) {
			out = append(out, s)
			i = s.end - 1
		}
	}
	return out
}

// jaSuffixStarts are the first characters of the suffixes.
const jaSuffixStarts = "株委研通新銀大協機省庁党首知外市議社会さ氏"

// jaOrgAt: 株式会社 and a name after it, or a name and a suffix at i.
func jaOrgAt(runes []rune, i int, cov runeCover) (span, bool) {
	org := ref{typ: pipeline.EntityOrganisation}
	if hasPrefixAt(runes, i, "株式会社") {
		end := i + 4
		for end < len(runes) && end-i-4 < maxJaName && jaNameRune(runes[end]) {
			end++
		}
		if end > i+4 && !cov.any(i, end) {
			return span{start: i, end: end, ref: org}, true
		}
	}
	for _, sfx := range jaOrgSuffixes {
		if !hasPrefixAt(runes, i, sfx) {
			continue
		}
		end := i + len([]rune(sfx))
		start := nameStart(runes, i)
		if start == i || cov.any(i, end) {
			return span{}, false
		}
		return span{start: start, end: end, ref: org, override: cov.any(start, i)}, true
	}
	return span{}, false
}

// jaPersonAt: a name of two to four kanji, or of katakana, before a
// title or honorific starting at i.
func jaPersonAt(runes []rune, i int, cov runeCover) (span, bool) {
	for _, sfx := range jaPersonSuffixes {
		if !hasPrefixAt(runes, i, sfx) {
			continue
		}
		end := i
		for end > 0 && strings.ContainsRune(jaRoleModifiers, runes[end-1]) && end-1 > 0 && isHan(runes[end-2]) {
			end-- // 安倍前首相: the name ends before 前
		}
		start := nameStart(runes, end)
		n := end - start
		kata := start < end && isKatakana(runes[start])
		if n < 2 || !kata && n > 4 || cov.any(start, end) || mixedScripts(runes[start:end]) {
			return span{}, false
		}
		return span{start: start, end: end, ref: ref{typ: pipeline.EntityPerson}}, true
	}
	return span{}, false
}

// nameStart walks back from i over name characters of one script (kanji,
// or katakana with ・), at most maxJaName.
func nameStart(runes []rune, i int) int {
	if i == 0 || !jaNameRune(runes[i-1]) {
		return i
	}
	han := isHan(runes[i-1])
	j := i
	for j > 0 && i-j < maxJaName && jaNameRune(runes[j-1]) && isHan(runes[j-1]) == han {
		j--
	}
	return j
}

func mixedScripts(rs []rune) bool {
	for _, r := range rs {
		if isHan(r) != isHan(rs[0]) {
			return true
		}
	}
	return false
}

func hasPrefixAt(runes []rune, i int, s string) bool {
	for _, r := range s {
		if i >= len(runes) || runes[i] != r {
			return false
		}
		i++
	}
	return true
}

// runeCover marks the characters inside known mentions.
type runeCover []bool

func newRuneCover(n int, spans []span) runeCover {
	c := make(runeCover, n)
	for _, s := range spans {
		for k := max(0, s.start); k < min(n, s.end); k++ {
			c[k] = true
		}
	}
	return c
}

// any reports whether a character of [start, end) is covered.
func (c runeCover) any(start, end int) bool {
	for k := max(0, start); k < min(len(c), end); k++ {
		if c[k] {
			return true
		}
	}
	return false
}

// jaDatelineAgencies are the short names Japanese wire datelines end in
// (【モスクワ共同】, 【ワシントン時事】), which alone are common words.
var jaDatelineAgencies = map[string]string{"共同": "org:kyodo", "時事": "org:jiji"}

// jaDatelines finds the agency at the end of a dateline in lenticular
// brackets: 【<place><agency>】.
func jaDatelines(runes []rune) []span {
	var out []span
	for i, r := range runes {
		if r != '】' {
			continue
		}
		for name, id := range jaDatelineAgencies {
			n := utf8.RuneCountInString(name)
			start := i - n
			if start < 1 || string(runes[start:i]) != name {
				continue
			}
			for k := start - 1; k >= 0 && start-k <= 16; k-- {
				if runes[k] == '【' {
					out = append(out, span{start: start, end: i, ref: ref{typ: pipeline.EntityOrganisation, id: id}})
					break
				}
				if runes[k] == '】' || runes[k] == '\n' {
					break
				}
			}
		}
	}
	return out
}
