package searchtest

import (
	_ "embed"
	"strings"
	"time"

	"github.com/polywire/polywire/pipeline"
)

// seedText is the seed TASS story as extracted: headline, a blank line, the
// body (site boilerplate removed).
//
//go:embed testdata/seed-ru.txt
var seedText string

// Fixture ids, stable across calls.
var (
	SeedID    = pipeline.StoryID("sibnews", "https://sibnews.example/v-tokio-predstavili-potencial/")
	PutinID   = pipeline.StoryID("tass", "https://tass.example/politika/vladivostok-abe")
	SpanishID = pipeline.StoryID("efe", "https://efe.example/economia/aluminio-japon")
	EnglishID = pipeline.StoryID("kyodo-en", "https://kyodo.example/en/tokyo-elections")
	JapanID   = pipeline.StoryID("nhk", "https://nhk.example/news/tochiji-senkyo")
	UndatedID = pipeline.StoryID("wire-x", "urn:wire-x:0001")
)

// Entities shared by several fixtures.
var (
	Uss     = pipeline.Entity{ID: "person:alexander-uss", Name: "Александр Усс", Names: map[string]string{"en": "Alexander Uss", "ja": "アレクサンドル・ウス"}, Role: "governor", Office: "RU-KYA", Count: 2}
	Galuzin = pipeline.Entity{ID: "person:mikhail-galuzin", Name: "Михаил Галузин", Names: map[string]string{"en": "Mikhail Galuzin"}, Role: "ambassador", Office: "RU", To: "JP", Count: 2}
	Putin   = pipeline.Entity{ID: "person:vladimir-putin", Name: "Владимир Путин", Names: map[string]string{"en": "Vladimir Putin", "es": "Vladímir Putin", "ja": "ウラジーミル・プーチン"}, Role: "president", Office: "RU", Count: 1}
	Abe     = pipeline.Entity{ID: "person:shinzo-abe", Name: "Синдзо Абэ", Names: map[string]string{"en": "Shinzo Abe", "ja": "安倍晋三"}, Role: "prime minister", Office: "JP", Count: 1}
	Koike   = pipeline.Entity{ID: "person:yuriko-koike", Name: "Yuriko Koike", Names: map[string]string{"ja": "小池百合子", "ru": "Юрико Коикэ"}, Role: "governor", Office: "JP-13", Count: 1}
	TASS    = pipeline.Entity{ID: "org:tass", Name: "ТАСС", Names: map[string]string{"en": "TASS"}, Count: 2}
	ROTOBO  = pipeline.Entity{ID: "org:rotobo", Name: "РОТОБО", Names: map[string]string{"en": "ROTOBO"}, Count: 1}

	KrasnoyarskKrai = place("RU-KYA", "Красноярский край", "Krasnoyarsk Krai")
	Primorye        = place("RU-PRI", "Приморский край", "Primorsky Krai")
	Russia          = place("RU", "Россия", "Russia")
	Japan           = place("JP", "Япония", "Japan")
	TokyoPref       = place("JP-13", "東京都", "Tokyo")
	TokyoCity       = pipeline.Entity{ID: "city:tokyo", Name: "Токио", Names: map[string]string{"en": "Tokyo", "ja": "東京"}, Count: 2}
)

func place(code, name, en string) pipeline.Entity {
	return pipeline.Entity{ID: code, Code: code, Name: name, Names: map[string]string{"en": en}, Count: 1}
}

// NewStory returns a usable version-1 story with the schema, id, language,
// source, texts and publication time set; callers add entities.
func NewStory(id, lang, source, headline, body string, published time.Time) *pipeline.Story {
	return &pipeline.Story{
		Schema: pipeline.SchemaVersion, ID: id, Version: 1, PubStatus: pipeline.PubStatusUsable,
		Source: source, Language: lang, Headline: headline, Body: body, Published: published,
	}
}

// at returns a wall-clock time in a zone offset by hours from UTC.
func at(year int, month time.Month, day, hour, minute, offsetHours int) time.Time {
	return time.Date(year, month, day, hour, minute, 0, 0, time.FixedZone("", offsetHours*3600))
}

// Seed returns the seed story (TASS via sibnews, Tokyo, 20 September 2019)
// tagged by hand, with a machine English translation.
func Seed() *pipeline.Story {
	headline, body, _ := strings.Cut(strings.TrimSpace(seedText), "\n\n")
	s := NewStory(SeedID, "ru", "sibnews", headline, body, at(2019, time.September, 20, 14, 5, 3))
	s.Agency = "TASS"
	s.URL = "https://sibnews.example/v-tokio-predstavili-potencial/"
	s.Dateline = &pipeline.Dateline{Place: "ТОКИО", Agency: "ТАСС", Date: "20 сентября", Parsed: "2019-09-20"}
	s.Places = []pipeline.Entity{KrasnoyarskKrai, Japan, Russia, TokyoCity}
	s.People = []pipeline.Entity{Uss, Galuzin, Putin, Abe}
	s.Organisations = []pipeline.Entity{TASS, ROTOBO}
	s.Translations = map[string]pipeline.Translation{
		"en": {Status: pipeline.TranslationOK, Engine: "apertium", Machine: true,
			Headline: "Krasnoyarsk Territory presented its economic and investment potential in Tokyo",
			Body:     "The governor of the region Alexander Uss said that Krasnoyarsk Territory is interested in supplying non-ferrous metals."},
		"ja": {Status: pipeline.TranslationNoEngine, Machine: true, Detail: "no engine serves ru→ja"},
	}
	return s
}

// Corpus returns six small stories in five languages: the seed story, a
// second Russian story (Putin and Abe in Vladivostok), a Spanish, an
// English and a Japanese story, and an undated story of unknown language.
// Newest first they are: Japan, English, Spanish, Seed, Putin, Undated.
func Corpus() []*pipeline.Story {
	return []*pipeline.Story{Seed(), putinStory(), spanishStory(), englishStory(), japanStory(), undatedStory()}
}

func putinStory() *pipeline.Story {
	s := NewStory(PutinID, "ru", "tass", "Путин провел переговоры с Абэ во Владивостоке",
		"ВЛАДИВОСТОК, 5 сентября. /ТАСС/. Президент России Владимир Путин и премьер-министр Японии Синдзо Абэ обсудили мирный договор.",
		at(2019, time.September, 5, 10, 0, 10))
	s.Agency = "TASS"
	s.Places = []pipeline.Entity{Primorye, Russia, Japan}
	s.People = []pipeline.Entity{Putin, Abe}
	s.Organisations = []pipeline.Entity{TASS}
	return s
}

func spanishStory() *pipeline.Story {
	s := NewStory(SpanishID, "es", "efe", "Las exportaciones rusas de aluminio a Japón siguen creciendo",
		"MOSCÚ, 2 oct (EFE). Rusia vendió más aluminio y carbón a Japón este año, según datos de aduanas.",
		at(2019, time.October, 2, 9, 30, 2))
	s.Agency = "EFE"
	s.Places = []pipeline.Entity{Russia, Japan}
	return s
}

func englishStory() *pipeline.Story {
	s := NewStory(EnglishID, "en", "kyodo-en", "Tokyo governor Koike seeks second term as elections loom",
		"TOKYO, June 18 (Kyodo) -- Tokyo Governor Yuriko Koike formally announced on Thursday that she will run in the gubernatorial elections.",
		at(2020, time.June, 18, 12, 0, 9))
	s.Agency = "Kyodo"
	s.Places = []pipeline.Entity{TokyoPref, Japan}
	s.People = []pipeline.Entity{Koike}
	return s
}

func japanStory() *pipeline.Story {
	s := NewStory(JapanID, "ja", "nhk", "東京都知事選挙で小池百合子氏が再選",
		"５日に投票が行われた東京都知事選挙で、現職の小池百合子氏が再選を果たしました。",
		at(2020, time.July, 5, 21, 0, 9))
	s.Places = []pipeline.Entity{TokyoPref, Japan}
	s.People = []pipeline.Entity{Koike}
	return s
}

func undatedStory() *pipeline.Story {
	s := NewStory(UndatedID, pipeline.LanguageUnknown, "wire-x", "Zzyzx bulletin", "Zzyzx 42 42 42.", time.Time{})
	s.DateProblem = "32 Vendémiaire"
	return s
}
