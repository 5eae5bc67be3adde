package datewords

// tables has, for each language and month (January first), the whole
// words Month matches and the stems MonthStem matches, space-separated.
// A word may stand in several languages (abril, mai); it names the same
// month in each (TestNoWordNamesTwoMonths).
var tables = []struct {
	lang         string
	words, stems [12]string
}{
	{lang: "ru",
		words: [12]string{"января январь янв", "февраля февраль фев", "марта март", "апреля апрель апр",
			"мая май", "июня июнь", "июля июль", "августа август авг", "сентября сентябрь сен",
			"октября октябрь окт", "ноября ноябрь ноя", "декабря декабрь дек"},
		stems: [12]string{"янв", "фев", "мар", "апр", "мая май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"}},
	{lang: "en",
		words: [12]string{"january jan", "february feb", "march mar", "april apr", "may", "june jun",
			"july jul", "august aug", "september sep sept", "october oct", "november nov", "december dec"},
		stems: [12]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}},
	{lang: "es",
		words: [12]string{"enero ene", "febrero", "marzo", "abril abr", "mayo", "junio", "julio", "agosto ago",
			"septiembre setiembre sept set", "octubre", "noviembre", "diciembre dic"},
		stems: [12]string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep set", "oct", "nov", "dic"}},
	{lang: "pt",
		words: [12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
			"setembro", "outubro", "novembro", "dezembro"},
		stems: [12]string{"jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"}},
	{lang: "fr",
		words: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
			"septembre", "octobre", "novembre", "décembre"},
		// juin and juil, not ju: June and July begin alike.
		stems: [12]string{"janv", "févr fevr", "mars", "avr", "mai", "juin", "juil", "août aout", "sep", "oct", "nov", "déc"}},
	{lang: "de",
		words: [12]string{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
			"september", "oktober", "november", "dezember"},
		stems: [12]string{"jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez"}},
	// Italian has stems only: it is read in datelines, not in page text.
	{lang: "it",
		stems: [12]string{"gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"}},
}
