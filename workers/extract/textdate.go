package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/polywire/polywire/internal/datewords"
)

// Dates written in page text, for pages whose markup gives none:
// "Sep 20, 2019 - 18:42", "20 September 2019", "20 de septiembre de 2019",
// "20 сентября 2019", "20.09.2019 13:22", "2019年9月21日 11:05". Month
// names are read with datewords.Month.
var (
	textDateMDY = regexp.MustCompile(`(?i)(?:^|[^\pL])(\pL{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[^\d]{1,6}(\d{1,2}):(\d{2})\s*([ap]\.?m\b\.?)?)?`)
	textDateDMY = regexp.MustCompile(`(?i)(?:^|\D)(\d{1,2})\.?\s+(?:de\s+)?(\pL{3,10})\.?,?\s+(?:de\s+)?(\d{4})(?:[^\d]{1,8}(\d{1,2})[:.](\d{2}))?`)
	textDateNum = regexp.MustCompile(`(?:^|\D)(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[^\d]{1,4}(\d{1,2}):(\d{2}))?`)
	textDateJA  = regexp.MustCompile(`(\d{4})年(\d{1,2})月(\d{1,2})日(?:[^\d]{0,4}(\d{1,2})[:：時](\d{2}))?`)
)

// maxDateTextRunes bounds the text blocks searched for a date: a stamp,
// not a paragraph that mentions a date.
const maxDateTextRunes = 120

// maxDateTexts bounds how many text blocks are tried.
const maxDateTexts = 400

// textPublished returns the first full date (day, month and year) written
// in a short text block outside links, scripts and styles, in document
// order; the zero time when there is none. Without a zone in the text the
// time is taken as UTC.
func textPublished(root *html.Node) time.Time {
	tried := 0
	for _, n := range preorder(root, skipForDates) {
		if n.Type != html.TextNode || tried >= maxDateTexts {
			continue
		}
		s := collapse(n.Data)
		if s == "" || len([]rune(s)) > maxDateTextRunes {
			continue
		}
		tried++
		if t := dateInText(s); !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

func skipForDates(n *html.Node) bool {
	return isElement(n, atom.A, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Option, atom.Select)
}

// dateInText parses the first date s spells out in full; the zero time
// when it has none.
func dateInText(s string) time.Time {
	if m := textDateJA.FindStringSubmatch(s); m != nil {
		return makeDate(m[1], monthNumber(m[2]), m[3], m[4], m[5], "")
	}
	if m := textDateMDY.FindStringSubmatch(s); m != nil {
		if t := makeDate(m[3], datewords.Month(strings.ToLower(m[1])), m[2], m[4], m[5], m[6]); !t.IsZero() {
			return t
		}
	}
	if m := textDateDMY.FindStringSubmatch(s); m != nil {
		if t := makeDate(m[3], datewords.Month(strings.ToLower(m[2])), m[1], m[4], m[5], ""); !t.IsZero() {
			return t
		}
	}
	if m := textDateNum.FindStringSubmatch(s); m != nil {
		// Day first, as everywhere but in the United States, whose pages
		// print dates in words.
		return makeDate(m[3], monthNumber(m[2]), m[1], m[4], m[5], "")
	}
	return time.Time{}
}

func monthNumber(s string) time.Month {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 12 {
		return 0
	}
	return time.Month(n)
}

// makeDate checks and assembles a date; the zero time when a part is out
// of range.
func makeDate(year string, month time.Month, day, hour, minute, ampm string) time.Time {
	y, _ := strconv.Atoi(year)
	d, _ := strconv.Atoi(day)
	h, _ := strconv.Atoi(hour)
	mi, _ := strconv.Atoi(minute)
	if month == 0 || y < 1990 || y > 2100 || d < 1 || d > 31 || h > 23 || mi > 59 {
		return time.Time{}
	}
	if p := strings.ToLower(ampm); strings.HasPrefix(p, "p") && h < 12 {
		h += 12
	} else if strings.HasPrefix(p, "a") && h == 12 {
		h = 0
	}
	t := time.Date(y, month, d, h, mi, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{} // 31 September
	}
	return t
}
