package main

import "github.com/polywire/polywire/internal/demo/internal/manifest"

// sourceDefs are the demo feeds. The names are fictional demo outlets (see
// corpus/LICENSES.md for where each text comes from).
func sourceDefs() []manifest.Source {
	return []manifest.Source{
		{ID: "sibnews", Name: "Сибирские новости", Feed: "/feeds/sibnews.xml", Format: "rss", Language: "ru", TimeZone: "Europe/Moscow", Pages: "always", Charset: "utf-8"},
		{ID: "tass-ru", Name: "ТАСС (демо-лента)", Feed: "/feeds/tass-ru.atom", Format: "atom", Language: "ru", Agency: "TASS", TimeZone: "Europe/Moscow", Pages: "auto", Charset: "utf-8"},
		{ID: "enisey-info", Name: "Енисей-Информ", Feed: "/feeds/enisey-info.xml", Format: "rss", Language: "ru", TimeZone: "Asia/Krasnoyarsk", Pages: "auto", Charset: "windows-1251"},
		{ID: "newswire-en", Name: "Newswire (demo)", Feed: "/feeds/newswire-en.json", Format: "json", Language: "en", TimeZone: "America/New_York", Pages: "always", Charset: "utf-8"},
		{ID: "efe-es", Name: "EFE (demo)", Feed: "/feeds/efe-es.xml", Format: "rss", Language: "es", Agency: "EFE", TimeZone: "Europe/Madrid", Pages: "auto", Charset: "utf-8"},
		{ID: "tokyo-wire", Name: "東京ワイヤー", Feed: "/feeds/tokyo-wire.xml", Format: "rss", Language: "ja", TimeZone: "Asia/Tokyo", Pages: "auto", Charset: "utf-8"},
	}
}
