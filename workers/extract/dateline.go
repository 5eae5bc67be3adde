package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"

	"github.com/polywire/polywire/internal/datewords"
	"github.com/polywire/polywire/pipeline"
)

// datelineParagraphs is how many leading paragraphs may hold the dateline:
// republishers often put a lead or standfirst before it.
const datelineParagraphs = 4

var (
	// ТОКИО, 20 сентября. /ТАСС/.  МОСКВА, 20 сен — РИА Новости.
	// МОСКВА. 20 сентября. INTERFAX.RU -   Москва. 20 сентября. INTERFAX.RU -
	// (the place in capitals or not: the agency that must follow bounds it)
	datelineRU = regexp.MustCompile(`^([А-ЯЁ][А-ЯЁа-яё]*(?:(?:[ \-]|-на-)[А-ЯЁ][А-ЯЁа-яё]*){0,3})[,.]\s+(\d{1,2}\s+[а-яё]{3,9}(?:\s+\d{4}(?:\s+г(?:ода|\.))?)?)\.?\s*(?:/|[—–-]+\s*)?(ИТАР-ТАСС|ТАСС|РИА Новости|Интерфакс|ИНТЕРФАКС|INTERFAX\.RU|ПРАЙМ|Прайм|РБК|Спутник)`)
	// TOKYO (Reuters) -   TOKYO, Sept. 20 (Kyodo) --   Madrid, 20 sep (EFE).-
	// (Reuters) - with no place.
	datelineLatin = regexp.MustCompile(`^(?:(\p{Lu}[\p{L}'.]*(?:(?:[ \-]|\s(?:de|da|do|del|la|le|el|am|upon|sur)\s)\p{Lu}[\p{L}'.]*){0,3}(?:\s\(\p{Lu}[\p{L} .]{1,30}\))?)(?:[,.]\s+(\d{1,2}\s+\p{L}{3,10}\.?|\p{L}{3,10}\.?\s+\d{1,2})(?:,?\s+\d{4})?)?\s+)?\((\p{L}[\p{L}.\- ]{0,24})\)\s*\.?\s*(?:--|-|—|–)`)
	// TOKYO, September 20. /TASS/.
	datelineTASSLatin = regexp.MustCompile(`^(\p{Lu}[\p{Lu}\-]*(?:[ \-]\p{Lu}[\p{Lu}\-]*){0,3}),\s+(\p{L}{3,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9})\.?\s*/(TASS|ITAR-TASS)/`)
	// 【東京共同】
	datelineJA = regexp.MustCompile(`^【([^】]{1,12}?)(共同|時事)】`)
	// 【札幌９月17日】: place and date, no agency.
	datelineJADate = regexp.MustCompile(`^【([^】0-9０-９]{1,12}?)\s*([0-9０-９]{1,2}月[0-9０-９]{1,2}日)】`)
	// 新华社北京9月20日电
	datelineZH = regexp.MustCompile(`^(新华社|中新社)([^0-9０-９]{1,10}?)([0-9０-９]{1,2}月[0-9０-９]{1,2}日)电`)
	// ９月17日, 9月20日
	cjkDate = regexp.MustCompile(`^(\d{1,2})月(\d{1,2})日$`)
)

// agencyNames maps the ways agencies sign datelines to their canonical
// Latin names.
var agencyNames = map[string]string{
	"тасс": "TASS", "итар-тасс": "TASS", "tass": "TASS",
	"reuters": "Reuters", "ap": "AP", "associated press": "AP", "afp": "AFP",
	"efe": "EFE", "agencia efe": "EFE", "kyodo": "Kyodo", "kyodo news": "Kyodo", "共同": "Kyodo",
	"интерфакс": "Interfax", "interfax": "Interfax", "interfax.ru": "Interfax",
	"риа новости": "RIA Novosti", "ria novosti": "RIA Novosti", "ria": "RIA Novosti",
	"xinhua": "Xinhua", "синьхуа": "Xinhua", "dpa": "dpa", "ansa": "ANSA",
	"yonhap": "Yonhap", "bloomberg": "Bloomberg", "upi": "UPI", "jiji": "Jiji", "時事": "Jiji",
	"прайм": "PRIME", "рбк": "RBC", "спутник": "Sputnik", "sputnik": "Sputnik",
	"anadolu": "Anadolu", "pti": "PTI", "ians": "IANS", "aap": "AAP", "europa press": "Europa Press",
	"lusa": "Lusa", "cnn": "CNN", "新华社": "Xinhua", "中新社": "China News Service",
}

// CanonicalAgency returns the canonical Latin name of an agency as it is
// written in a dateline ("ТАСС" → "TASS", "РИА Новости" → "RIA Novosti");
// unknown names are returned as written.
func CanonicalAgency(written string) string {
	if c, ok := agencyNames[strings.ToLower(strings.TrimSpace(written))]; ok {
		return c
	}
	return strings.TrimSpace(written)
}

// ParseDateline finds the dateline at the start of one of the first
// paragraphs of body and returns it as written, with Parsed set when the
// date resolves to a day (a date without a year takes published's year).
// It returns nil when there is no dateline.
func ParseDateline(body string, published time.Time) *pipeline.Dateline {
	paras := strings.SplitN(body, "\n\n", datelineParagraphs+1)
	for i, p := range paras {
		if i == datelineParagraphs {
			break
		}
		if d := matchDateline(strings.TrimSpace(p)); d != nil {
			d.Parsed = resolveDate(d.Date, published)
			return d
		}
	}
	return nil
}

func matchDateline(p string) *pipeline.Dateline {
	if m := datelineRU.FindStringSubmatch(p); m != nil {
		return &pipeline.Dateline{Place: m[1], Date: m[2], Agency: m[3]}
	}
	if m := datelineTASSLatin.FindStringSubmatch(p); m != nil {
		return &pipeline.Dateline{Place: m[1], Date: m[2], Agency: m[3]}
	}
	if m := datelineJA.FindStringSubmatch(p); m != nil {
		return &pipeline.Dateline{Place: m[1], Agency: m[2]}
	}
	if m := datelineJADate.FindStringSubmatch(p); m != nil {
		return &pipeline.Dateline{Place: m[1], Date: m[2]}
	}
	if m := datelineZH.FindStringSubmatch(p); m != nil {
		return &pipeline.Dateline{Place: m[2], Date: m[3], Agency: m[1]}
	}
	if m := datelineLatin.FindStringSubmatch(p); m != nil && plausibleAgency(m[3]) {
		return &pipeline.Dateline{Place: m[1], Date: m[2], Agency: m[3]}
	}
	return nil
}

// plausibleAgency rejects parenthesised words that are not agencies: a
// known agency name or a short all-capitals abbreviation.
func plausibleAgency(a string) bool {
	if _, ok := agencyNames[strings.ToLower(a)]; ok {
		return true
	}
	return len(a) <= 8 && a == strings.ToUpper(a)
}

var dateParts = regexp.MustCompile(`(\d{1,4}|\p{L}+)`)

// resolveDate turns "20 сентября", "Sept. 20" or "20 sep 2019" into
// "2019-09-20"; "" when the date cannot be resolved.
func resolveDate(written string, published time.Time) string {
	var day, year int
	var month time.Month
	written = width.Narrow.String(written)
	if m := cjkDate.FindStringSubmatch(written); m != nil {
		mo, _ := strconv.Atoi(m[1])
		written = m[2] + " " + time.Month(max(1, min(12, mo))).String()
		if mo < 1 || mo > 12 {
			return ""
		}
	}
	for _, part := range dateParts.FindAllString(strings.ToLower(written), -1) {
		n, err := strconv.Atoi(part)
		switch {
		case err == nil && n >= 1000:
			year = n
		case err == nil && n >= 1 && n <= 31:
			day = n
		case err != nil && month == 0:
			month = datewords.MonthStem(part)
		}
	}
	if day == 0 || month == 0 {
		return ""
	}
	if year == 0 {
		if published.IsZero() {
			return ""
		}
		year = published.Year()
		// A story published on 2 January may carry a 31 December dateline.
		if time.Date(year, month, day, 0, 0, 0, 0, time.UTC).After(published.AddDate(0, 0, 7)) {
			year--
		}
	}
	d := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day)
}
