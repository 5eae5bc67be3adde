package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// dateWords are the words of "Posted: Fri 6:45 PM, Feb 16, 2018" or
// "segunda-feira, 22 de janeiro de 2018 às 0:13" besides the numbers:
// months, weekdays, connectives and time-zone names in the languages we
// carry.
var dateWords = wordSet(`
		january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec
		monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun
		posted published updated last modified on at am pm a m p et est edt gmt utc bst cet cest msk jst pt pst pdt by
		enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
		janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
		segunda terça quarta quinta sexta feira sábado domingo de del às as h hs publicado actualizado atualizado em
		janvier février mars avril mai juin juillet août septembre octobre novembre décembre le à publié mis jour
		januar februar märz april mai juni juli august september oktober november dezember um uhr veröffentlicht aktualisiert
		января февраля марта апреля мая июня июля августа сентября октября ноября декабря
		понедельник вторник среда четверг пятница суббота воскресенье г года в опубликовано обновлено
		年 月 日 時 分`)

// wordSet makes a lookup set of the white-space separated words in s.
func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(s) {
		set[w] = true
	}
	return set
}

// stampLead starts a time stamp line even without a date: "Updated at
// 1:23 p.m.".
var stampLead = regexp.MustCompile(`(?i)^(last updated|updated|posted|published|обновлено|опубликовано|actualizado|atualizado|publicado|mis à jour|publié|aktualisiert)\b`)

// monthWords are the date words that name a month. They are not
// datewords.Month: a stamp is told from prose here, and words that are more
// often something else in running text (may, set, ago) must not date a
// paragraph.
var monthWords = wordSet(`january february march april june july august september october november december
	jan feb mar apr jun jul aug sep sept oct nov dec enero febrero marzo abril mayo junio julio agosto septiembre
	octubre noviembre diciembre janeiro fevereiro março maio junho setembro outubro novembro dezembro janvier
	février mars avril mai juin juillet août septembre octobre novembre décembre januar februar märz juni juli
	oktober dezember января февраля марта апреля мая июня июля августа сентября октября ноября декабря 年 月`)

// onlyDate reports a short paragraph that is nothing but a date stamp
// ("Posted: Fri 6:45 PM, Feb 16, 2018", "2018-08-16"): every word a number
// or a date word, with a year or a month among them. A bare time ("10
// p.m.") or number is left alone: live blogs and tables use those.
func onlyDate(para string) bool {
	if len(para) > 80 {
		return false
	}
	numbers, dated, others := 0, stampLead.MatchString(para), 0
	for _, w := range strings.FieldsFunc(strings.ToLower(para), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		switch {
		case isNumber(w):
			numbers++
			dated = dated || len(w) == 4 && (w[:2] == "19" || w[:2] == "20")
		case !dateWords[w]:
			// One other word may stand with a full date: the
			// agency or site ("EFE 16/09/2019 17:05 CEST").
			others++
		}
		dated = dated || monthWords[w]
	}
	return numbers > 0 && dated && (others == 0 || others == 1 && numbers >= 3)
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			// 1st, 22nd, 3rd, 4th, 1a
			return strings.TrimLeftFunc(w, unicode.IsDigit) != w && len(strings.TrimLeftFunc(w, unicode.IsDigit)) <= 2
		}
	}
	return true
}
