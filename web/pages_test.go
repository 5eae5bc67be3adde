package web

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/polywire/polywire/pipeline"
)

var (
	htmlLang = regexp.MustCompile(`<html lang="([^"]*)">`)
	hrefs    = regexp.MustCompile(`href="([^"]*)"`)
)

func TestUILanguageChoice(t *testing.T) {
	h := New(Options{Index: fixtureIndex(t)})
	tests := []struct {
		name, target, acceptLanguage, wantLang, wantText string
	}{
		{"default is English", "/", "", "en", "4 stories found"},
		{"lang parameter", "/?lang=ru", "", "ru", "Найдено 4 истории"},
		{"Accept-Language", "/", "ja-JP,ja;q=0.9,en;q=0.5", "ja", "4件の記事が見つかりました"},
		{"Accept-Language with region and weights", "/", "de-DE,de;q=0.9,ru;q=0.8", "ru", "Найдено"},
		{"lang beats Accept-Language", "/?lang=ja", "ru", "ja", "検索"},
		{"unknown lang falls back to Accept-Language", "/?lang=zz", "ru-RU", "ru", "Поиск"},
		{"unsupported everything is English", "/?lang=de", "fr, de;q=0.5", "en", "Search"},
		{"garbage Accept-Language is English", "/", ";;;q=x", "en", "Search"},
		{"story page in Russian", "/stories/" + seedID + "?lang=ru", "", "ru", "Переводы"},
		{"story page in Japanese via header", "/stories/" + seedID, "ja", "ja", "翻訳"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, tt.target, "Accept-Language", tt.acceptLanguage)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d", rec.Code)
			}
			body := rec.Body.String()
			m := htmlLang.FindStringSubmatch(body)
			if m == nil || m[1] != tt.wantLang {
				t.Errorf("<html lang> = %v, want %q", m, tt.wantLang)
			}
			if !strings.Contains(body, tt.wantText) {
				t.Errorf("page lacks %q", tt.wantText)
			}
		})
	}
}

// manyStories returns n minimal Russian stories.
func manyStories(n int) []*pipeline.Story {
	out := make([]*pipeline.Story, n)
	for i := range out {
		out[i] = &pipeline.Story{ID: fmt.Sprintf("s%03d", i), Version: 1, PubStatus: "usable", Source: "src", Language: "ru",
			Headline: fmt.Sprintf("История %d", i), Published: time.Date(2019, 9, 1, 0, i, 0, 0, time.UTC)}
	}
	return out
}

func TestTotalPlural(t *testing.T) {
	tests := []struct {
		lang  string
		count int
		want  string
	}{
		{"ru", 1, "Найдена 1 история"},
		{"ru", 3, "Найдено 3 истории"},
		{"ru", 5, "Найдено 5 историй"},
		{"ru", 21, "Найдена 21 история"},
		{"ru", 0, "Найдено 0 историй"},
		{"en", 1, "1 story found"},
		{"en", 5, "5 stories found"},
		{"ja", 5, "5件の記事が見つかりました"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d", tt.lang, tt.count), func(t *testing.T) {
			h := New(Options{Index: newFakeIndex(manyStories(tt.count)...)})
			body := get(t, h, "/?lang="+tt.lang).Body.String()
			if !strings.Contains(body, tt.want) {
				t.Errorf("page lacks %q", tt.want)
			}
		})
	}
}

func TestLinksKeepExplicitLang(t *testing.T) {
	h := New(Options{Index: newFakeIndex(append(loadStories(t), manyStories(30)...)...)})
	tests := []struct {
		name, target string
		keep         bool
	}{
		{"search page with lang", "/?lang=ru&size=10", true},
		{"story page with lang", "/stories/" + seedID + "?lang=ja", true},
		{"search page via Accept-Language", "/?size=10", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, tt.target, "Accept-Language", "ru")
			body := rec.Body.String()
			var internal int
			for _, m := range hrefs.FindAllStringSubmatch(body, -1) {
				href := strings.ReplaceAll(m[1], "&amp;", "&")
				if !strings.HasPrefix(href, "/") {
					continue // the original's URL
				}
				internal++
				has := strings.Contains(href, "lang=")
				if tt.keep && !has {
					t.Errorf("link %q drops lang", href)
				}
			}
			if internal < 5 {
				t.Errorf("only %d internal links", internal)
			}
			if tt.keep && !strings.Contains(body, `<input type="hidden" name="lang"`) && strings.HasPrefix(tt.target, "/?") {
				t.Errorf("search form drops lang")
			}
		})
	}
}

func TestSearchPageContent(t *testing.T) {
	h := New(Options{Index: newFakeIndex(append(loadStories(t), manyStories(30)...)...),
		Sources: func() []string { return []string{"sibnews", "wire-en", "wire-ja"} }})
	tests := []struct {
		name, target string
		want         []string
	}{
		{"hit fields and facets", "/?region=RU-KYA&lang=en", []string{
			`href="/stories/` + seedID + `?lang=en"`,
			`В Токио представили экономический`, "sibnews", "via TASS",
			`<time datetime="2019-09-20T14:05:00&#43;03:00">2019-09-20 14:05 &#43;03:00</time>`,
			`href="/?lang=en&amp;region=JP"`, // facet / place link
			"Alexander Uss",                  // hit people come from the index (canonical name as indexed)
			"(governor)",
			`<span class="count">3</span>`, // RU-KYA facet count
			"Russian",                      // language facet named in the UI language
			`Region: RU-KYA`,               // active filter
		}},
		{"highlight marks the match and escapes the rest", "/?q=Tokyo", []string{"<mark>Tokyo</mark>"}},
		{"source select offers configured sources", "/?source=wire-ja", []string{
			`<option value="wire-ja" selected>wire-ja</option>`, `<option value="sibnews">`}},
		{"unconfigured current source stays selectable", "/?source=gone", []string{
			`<option value="gone" selected>gone</option>`}},
		{"pager", "/?language=ru&size=10&page=2&lang=en", []string{
			"Page 2 of 4", `href="/?lang=en&amp;language=ru&amp;size=10"`, `href="/?lang=en&amp;language=ru&amp;page=3&amp;size=10"`}},
		{"person facet link", "/?lang=en", []string{`href="/?lang=en&amp;person=person%3Aalexander-uss">Alexander Uss</a> <span class="count">2</span>`}},
		{"country facet named in UI language", "/?lang=ru", []string{`>Япония (JP)</a>`, `>RU-KYA</a>`}},
		{"active person filter shows the name", "/?lang=en&person=person:mikhail-galuzin", []string{"Person: Михаил Галузин"}},
		{"person label prefers a story in the UI language", "/?lang=en&person=person:alexander-uss", []string{"Person: Alexander Uss"}},
		{"person label otherwise the first seen", "/?lang=ja&person=person:alexander-uss", []string{"人物: Александр Усс"}},
		{"nothing found", "/?q=zzzz", []string{"0 stories found", "No stories match this search."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, tt.target)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d", rec.Code)
			}
			body := rec.Body.String()
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %s", w)
				}
			}
			if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
		})
	}
}

func TestSearchPageErrors(t *testing.T) {
	idx := fixtureIndex(t)
	h := New(Options{Index: idx})
	t.Run("bad date", func(t *testing.T) {
		rec := get(t, h, "/?from=gestern&lang=ru")
		body := rec.Body.String()
		if rec.Code != http.StatusBadRequest || !strings.Contains(body, "«from»") || !strings.Contains(body, "2019-09-01") {
			t.Errorf("got %d, body lacks the localized error", rec.Code)
		}
		if !strings.Contains(body, `value="gestern"`) {
			t.Errorf("form does not echo the bad value")
		}
	})
	t.Run("backend down", func(t *testing.T) {
		idx.err = fmt.Errorf("bleve: closed")
		rec := get(t, h, "/?lang=en")
		if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), "Search is unavailable") {
			t.Errorf("got %d", rec.Code)
		}
		idx.err = nil
	})
	t.Run("unknown path", func(t *testing.T) {
		rec := get(t, h, "/no/such/page?lang=ja")
		if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "ページが見つかりません") {
			t.Errorf("got %d", rec.Code)
		}
	})
}

func TestStoryPage(t *testing.T) {
	h := New(Options{Index: fixtureIndex(t)})
	tests := []struct {
		name, target string
		want         []string
	}{
		{"seed in English UI", "/stories/" + seedID + "?lang=en", []string{
			`<article lang="ru">`,
			"<h1>В Токио представили экономический и инвестиционный потенциал Красноярского края</h1>",
			"<p>ТОКИО, 20 сентября. /ТАСС/. Делегация Красноярского края", // a body paragraph
			"ТОКИО, 20 сентября /ТАСС/", // dateline
			`Krasnoyarsk Krai</a> <span lang="" class="meta">(Красноярский край)</span>`,
			`<span class="badge">RU-KYA</span>`, "4 mentions", "1 mention<",
			`<a href="/?lang=en&amp;region=city%3Atokyo">Tokyo</a>`, // a place without a code filters by id
			"Mikhail Galuzin", "ambassador, RU, to JP", "prime minister, JP",
			"РОТОБО",
			"English (en)", `<span class="badge no-engine">no engine for this language pair</span>`,
			"Machine translation", "no engine serves ru→en",
			`href="https://sibnews.example/v-tokio-predstavili-potencial/"`,
		}},
		{"seed in Russian UI", "/stories/" + seedID + "?lang=ru", []string{
			"губернатор, RU-KYA", "посол, RU, в JP", "4 упоминания", "нет движка для этой языковой пары", "Машинный перевод", "английский (en)",
		}},
		{"seed in Japanese UI uses Japanese names", "/stories/" + seedID + "?lang=ja", []string{
			`クラスノヤルスク地方</a>`, "安倍晋三", "機械翻訳",
		}},
		{"ok and pending translations", "/stories/" + englishID + "?lang=en", []string{
			`<span class="badge ok">translated</span>`, "Engine: apertium",
			`<h4 lang="es">El gobernador de Krasnoyarsk corteja a inversores japoneses en Tokio</h4>`,
			`<p lang="es">El comercio es de unos 86 millones de dólares al año.</p>`,
			`<span class="badge pending">translation pending</span>`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, tt.target)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d", rec.Code)
			}
			body := rec.Body.String()
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %s", w)
				}
			}
		})
	}
	t.Run("unknown story", func(t *testing.T) {
		rec := get(t, h, "/stories/nope?lang=ru")
		if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "Истории с таким идентификатором нет.") {
			t.Errorf("got %d", rec.Code)
		}
	})
}

// TestHostileStoryIsEscaped renders a story whose every field is hostile
// markup on both pages and checks that none of it survives as markup.
func TestHostileStoryIsEscaped(t *testing.T) {
	h := New(Options{Index: fixtureIndex(t)})
	forbidden := []string{
		"<script>", "<img", "<svg", "<b>Evil", "<b>bold", "<i>AG", "<u>Moscow", "<i>mayor", "</p><p>paragraph",
		`href="javascript:`, `"><script>`, "<e>",
	}
	for _, target := range []string{"/?q=Jerry", "/stories/" + hostileID, "/?source=evil%3Csrc%3E"} {
		t.Run(target, func(t *testing.T) {
			rec := get(t, h, target)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d", rec.Code)
			}
			body := rec.Body.String()
			for _, f := range forbidden {
				if strings.Contains(body, f) {
					t.Errorf("unescaped %q in page", f)
				}
			}
			if !strings.Contains(body, "&lt;script&gt;") && !strings.Contains(body, "evil&lt;src&gt;") {
				t.Errorf("hostile text not shown escaped")
			}
		})
	}
	t.Run("withheld banner", func(t *testing.T) {
		if body := get(t, h, "/stories/"+hostileID).Body.String(); !strings.Contains(body, "Withheld: do not publish.") {
			t.Errorf("no withheld banner")
		}
	})
}

// TestEntityNamesInUILanguage checks that Options.Names labels places and
// people in the UI language: one facet value whatever the story's language.
func TestEntityNamesInUILanguage(t *testing.T) {
	names := map[string]map[string]string{
		"RU-KYA":               {"en": "Krasnoyarsk Krai", "ru": "Красноярский край"},
		"city:tokyo":           {"en": "Tokyo", "ru": "Токио"},
		"person:alexander-uss": {"en": "Alexander Uss", "ru": "Александр Усс"},
	}
	h := New(Options{Index: fixtureIndex(t), Names: func(id, lang string) string { return names[id][lang] }})
	for _, tc := range []struct{ lang, place, city, person string }{
		{"en", "Krasnoyarsk Krai (RU-KYA)", "Tokyo", "Alexander Uss"},
		{"ru", "Красноярский край (RU-KYA)", "Токио", "Александр Усс"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			body := get(t, h, "/?region=RU-KYA&lang="+tc.lang).Body.String()
			for _, want := range []string{tc.place, tc.city, tc.person} {
				if !strings.Contains(body, want) {
					t.Errorf("page lacks %q", want)
				}
			}
		})
	}
}
