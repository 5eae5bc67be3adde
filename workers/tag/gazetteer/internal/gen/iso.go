package main

// iso3166 lists the ISO 3166-1 alpha-2 country codes (249 assigned codes).
const iso3166 = `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
NA NC NE NF NG NI NL NO NP NR NU NZ OM
PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ
VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`

// extra holds further names newsrooms use, by code and language; the
// generator appends them after the CLDR names.
var extra = map[string]map[string][]string{
	"US": {"en": {"United States of America", "USA", "U.S.", "America"}, "ru": {"США", "Соединённые Штаты Америки", "Америка"}, "ja": {"米国", "アメリカ"}},
	"GB": {"en": {"Britain", "Great Britain", "UK", "U.K."}, "ru": {"Соединённое Королевство", "Англия"}, "ja": {"英国"}},
	"RU": {"en": {"Russian Federation"}, "ru": {"Российская Федерация", "РФ"}, "ja": {"ロシア連邦"}},
	"CN": {"en": {"People's Republic of China", "PRC"}, "ru": {"КНР"}, "ja": {"中華人民共和国"}},
	"KP": {"en": {"DPRK"}, "ru": {"Северная Корея"}, "ja": {"朝鮮民主主義人民共和国"}},
	"KR": {"en": {"Republic of Korea"}, "ru": {"Республика Корея"}, "ja": {"大韓民国"}},
	"JP": {"ja": {"日本国"}},
	"DE": {"en": {"Federal Republic of Germany"}, "ru": {"ФРГ"}},
	"UA": {"ru": {"Украина"}},
	"BY": {"ru": {"Белоруссия"}},
	"MD": {"ru": {"Молдавия"}},
	"KG": {"ru": {"Киргизия"}},
	"AE": {"en": {"UAE"}, "ru": {"Объединенные Арабские Эмираты", "Эмираты"}},
	"BA": {"ru": {"Босния"}},
	"CD": {"en": {"DR Congo"}, "ru": {"ДР Конго"}},
	"ZA": {"en": {"Republic of South Africa"}, "ru": {"Южная Африка"}},
	"IR": {"ru": {"Исламская Республика Иран"}},
	"SY": {"ru": {"Сирийская Арабская Республика"}},
	"VN": {"ru": {"Вьетнам"}},
	"LA": {"ru": {"Лаос"}},
	"CZ": {"en": {"Czech Republic"}, "ru": {"Чешская Республика"}},
	"VA": {"en": {"Holy See"}},
	"MK": {"en": {"Macedonia"}, "ru": {"Македония"}},
	"SZ": {"en": {"Swaziland"}, "ru": {"Свазиленд"}},
	"MM": {"en": {"Burma"}, "ru": {"Бирма"}},
	"CI": {"en": {"Ivory Coast"}, "ru": {"Кот-д’Ивуар"}},
	"TR": {"en": {"Turkey"}, "ru": {"Турция"}},
	"NL": {"en": {"Holland"}, "ru": {"Голландия"}},
	"GE": {"ru": {"Грузия"}},
	"PS": {"en": {"Palestine"}, "ru": {"Палестина"}},
	"TW": {"ru": {"Тайвань"}},
	"HK": {"en": {"Hong Kong"}, "ru": {"Гонконг"}, "ja": {"香港"}},
	"KZ": {"ru": {"Казахстан"}},
}
