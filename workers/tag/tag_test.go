package tag_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/tag"
	"github.com/polywire/polywire/workers/tag/gazetteer"
)

// TestNamesAcrossForms: inflected, abbreviated and foreign-script forms of a
// name all resolve to its canonical id.
func TestNamesAcrossForms(t *testing.T) {
	tg := newTagger(t)
	tests := []struct {
		name, lang, text, want, wantText string
	}{
		{"adjective noun genitive", "ru", "Делегация Красноярского края прибыла.", "RU-KYA", "Красноярского края"},
		{"adjective noun dative", "ru", "Помощь Красноярскому краю выросла.", "RU-KYA", "Красноярскому краю"},
		{"adjective noun instrumental", "ru", "Торговля с Красноярским краем растёт.", "RU-KYA", "Красноярским краем"},
		{"adjective noun prepositional", "ru", "Дело было в Красноярском крае.", "RU-KYA", "Красноярском крае"},
		{"oblast genitive", "ru", "Жители Московской области голосуют.", "RU-MOS", "Московской области"},
		{"english", "en", "Krasnoyarsk Krai exports aluminium.", "RU-KYA", "Krasnoyarsk Krai"},
		{"japanese", "ja", "クラスノヤルスク地方の知事", "RU-KYA", "クラスノヤルスク地方"},
		{"person instrumental", "ru", "встреча с Владимиром Путиным", "person:vladimir-putin", "Владимиром Путиным"},
		{"surname genitive", "ru", "Указ Путина вступил в силу.", "person:vladimir-putin", "Путина"},
		{"surname in -ий", "ru", "Заявление Зеленского опубликовано.", "person:volodymyr-zelensky", "Зеленского"},
		{"first name in -ий", "ru", "Речь Дмитрия Медведева", "person:dmitry-medvedev", "Дмитрия Медведева"},
		{"japanese name with title", "ja", "安倍晋三首相は述べた。", "person:shinzo-abe", "安倍晋三"},
		{"japanese surname with title", "ja", "安倍首相は述べた。", "person:shinzo-abe", "安倍"},
		{"country in -ия", "ru", "Визит в Японию отложен.", "JP", "Японию"},
		{"indeclinable city", "ru", "В Токио открылась выставка.", "city:tokyo", "Токио"},
		{"hyphenated city", "ru", "Встреча в Санкт-Петербурге", "city:saint-petersburg", "Санкт-Петербурге"},
		{"yo spelled e", "ru", "Соединённые Штаты и Соединенные Штаты", "US", "Соединённые Штаты"},
		{"latin look-alike letters", "ru", "Mосква приняла гостей.", "city:moscow", "Mосква"},
		{"abbreviation", "ru", "Генсек ООН выступил.", "org:un", "ООН"},
		{"full-width latin in japanese", "ja", "ＮＨＫが報じた。", "org:nhk", "ＮＨＫ"},
		{"english possessive", "en", "Japan's exports rose.", "JP", "Japan"},
		{"dotted abbreviation", "en", "The U.S. said so.", "US", "U.S."},
		{"first name that is also a city", "ru", "Выступила София Ротару.", "person:sofiya-rotaru", "София Ротару"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tg.Tag(tt.text, tt.lang, seedDate)
			for _, m := range r.Entities {
				if m.ID == tt.want {
					if m.Text != tt.wantText {
						t.Errorf("mention text %q, want %q", m.Text, tt.wantText)
					}
					return
				}
			}
			t.Errorf("%q: no %s in %+v", tt.text, tt.want, r.Entities)
		})
	}
}

// TestNoFalseFriends: common words that look like names are not tagged.
func TestNoFalseFriends(t *testing.T) {
	tg := newTagger(t)
	tests := []struct{ name, lang, text string }{
		{"adjective is not the city", "ru", "Красноярский театр показал премьеру."},
		{"lower-case noun", "ru", "Груз доставили вовремя, мир изменился."},
		{"stop word Togo", "ru", "Того же мнения придерживаются эксперты."},
		{"katakana inside a longer word", "ja", "新しいタスクを追加した。"},
		{"lower-case english", "en", "we saw china plates and a turkey."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, m := range tg.Tag(tt.text, tt.lang, seedDate).Entities {
				if m.ID != "" {
					t.Errorf("%q: unexpected %s %q", tt.text, m.ID, m.Text)
				}
			}
		})
	}
}

// TestRolePatterns: roles stated in the text for people the gazetteer does
// not know, and gazetteer roles resolved at the story's date.
func TestRolePatterns(t *testing.T) {
	tg := newTagger(t)
	tests := []struct {
		name, lang, text, person, role, office, to string
		at                                         time.Time
	}{
		{"russian governor", "ru", "Об этом заявил губернатор Приморского края Олег Кожемяко.", "Олег Кожемяко", "governor", "RU-PRI", "", seedDate},
		{"russian ambassador", "ru", "Встречу провёл посол России в Китае Игорь Моргулов.", "Игорь Моргулов", "ambassador", "RU", "CN", seedDate},
		{"english foreign minister", "en", "Foreign Minister Ernesto Araujo arrived.", "Ernesto Araujo", "foreign minister", "", "", seedDate},
		{"gazetteer role wins over an outdated title", "en", "Foreign Minister Taro Kono arrived.", "Taro Kono", "defence minister", "JP", "", seedDate},
		{"english demonym", "en", "Japanese Prime Minister Shinzo Abe spoke.", "Shinzo Abe", "prime minister", "JP", "", seedDate},
		{"japanese suffix", "ja", "アレクサンドル・ウス知事が訪日した。", "アレクサンドル・ウス", "governor", "RU-KYA", "", seedDate},
		{"gazetteer role at an earlier date", "ru", "Дмитрий Медведев подписал постановление.", "Дмитрий Медведев", "prime minister", "RU", "", time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC)},
		{"gazetteer role at a later date", "ru", "Дмитрий Медведев выступил.", "Дмитрий Медведев", "deputy chairman of the security council", "RU", "", time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)},
		{"stated role when out of gazetteer office", "ru", "бывший премьер-министр Японии Синдзо Абэ", "Синдзо Абэ", "prime minister", "JP", "", time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tg.Tag(tt.text, tt.lang, tt.at)
			for _, m := range r.Entities {
				if m.Type == pipeline.EntityPerson && m.Text == tt.person {
					if m.Role != tt.role || m.Office != tt.office || m.To != tt.to {
						t.Errorf("role %q office %q to %q, want %q %q %q", m.Role, m.Office, m.To, tt.role, tt.office, tt.to)
					}
					if m.ID == "" {
						t.Errorf("no id for %q", m.Text)
					}
					return
				}
			}
			t.Errorf("no person %q in %+v", tt.person, r.Entities)
		})
	}
}

// TestUnknownPersonIdentity: people the gazetteer lacks get a nominative
// name and an id from the transliterated name; a later surname alone links
// to them.
func TestUnknownPersonIdentity(t *testing.T) {
	r := newTagger(t).Tag("Встреча с Михаилом Вельмакиным прошла спокойно. Вельмакин ушёл.", "ru", seedDate)
	if len(r.People) != 1 {
		t.Fatalf("people = %+v", r.People)
	}
	p := r.People[0]
	if p.ID != "person:mikhail-velmakin" || p.Name != "Михаил Вельмакин" || p.Count != 2 {
		t.Errorf("person = %+v", p)
	}
}

// TestNamesakeOfAKnownSurname: an unknown first name before a surname the
// gazetteer knows (Taro Kono's) makes one person, without Kono's id.
func TestNamesakeOfAKnownSurname(t *testing.T) {
	r := newTagger(t).Tag("Посол Японии в России Масахару Коно будет снят с должности.", "ru", seedDate)
	var got []pipeline.Mention
	for _, m := range r.Entities {
		if m.Type == pipeline.EntityPerson {
			got = append(got, m)
		}
	}
	if len(got) != 1 || got[0].Text != "Масахару Коно" || got[0].ID == "person:taro-kono" {
		t.Errorf("people = %+v, want one Масахару Коно without Taro Kono's id", got)
	}
}

// TestOffsetsAreCodePoints: offsets count code points, not bytes, for every
// script and after astral characters.
func TestOffsetsAreCodePoints(t *testing.T) {
	tg := newTagger(t)
	tests := []struct{ name, lang, text string }{
		{"cyrillic", "ru", "Ёлки 🎄 в Москве и Токио"},
		{"japanese", "ja", "🎌東京と大阪で安倍晋三首相が"},
		{"mixed", "en", "Tokyo 東京 Токио — Japan/Япония/日本"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runes := []rune(tt.text)
			r := tg.Tag(tt.text, tt.lang, seedDate)
			if len(r.Entities) == 0 {
				t.Fatal("no entities")
			}
			for _, m := range r.Entities {
				if m.Start < 0 || m.End > len(runes) || m.Start >= m.End || string(runes[m.Start:m.End]) != m.Text {
					t.Errorf("mention %q at %d-%d does not match the text", m.Text, m.Start, m.End)
				}
			}
		})
	}
}

// TestBadInput: empty, huge, binary and mixed-script input never panics and
// yields consistent results.
func TestBadInput(t *testing.T) {
	tg := newTagger(t)
	big := strings.Repeat(readFile(t, "testdata/seed-ru.txt"), 5<<20/len(readFile(t, "testdata/seed-ru.txt"))+1)
	tests := []struct {
		name, text  string
		minEntities int
	}{
		{"empty", "", 0},
		{"spaces", " \n\t ", 0},
		{"invalid utf-8", "Москва\xff\xfe Токио \xc3", 2},
		{"lone hyphens and dots", "- . -- ... 's '", 0},
		{"mixed scripts in one word", "Mосkва東京Tokyo", 1},
		{"five megabytes", big, 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tg.Tag(tt.text, "ru", time.Time{})
			if len(r.Entities) < tt.minEntities {
				t.Errorf("%d entities, want at least %d", len(r.Entities), tt.minEntities)
			}
			n := utf8.RuneCountInString(tt.text)
			for _, m := range r.Entities {
				if m.Start < 0 || m.End > n || m.Start >= m.End {
					t.Fatalf("bad offsets %d-%d", m.Start, m.End)
				}
			}
		})
	}
}

// TestSwapConcurrent: Swap while tagging is safe (run with -race) and takes
// effect for later calls.
func TestSwapConcurrent(t *testing.T) {
	tg := newTagger(t)
	small, err := gazetteer.Load(fstest.MapFS{"x.yaml": {Data: []byte("places:\n  - {id: city:atlantis, type: city, names: {ru: [Атлантида], en: [Atlantis]}}\n")}})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				if i == 0 {
					tg.Swap(small)
					tg.Swap(defaultGazetteer(t))
					continue
				}
				tg.Tag("Атлантида и Токио", "ru", time.Time{})
			}
		}()
	}
	wg.Wait()
	tg.Swap(small)
	r := tg.Tag("Атлантида и Токио", "ru", time.Time{})
	if len(r.Places) != 1 || r.Places[0].ID != "city:atlantis" {
		t.Errorf("after swap places = %+v", r.Places)
	}
}

// TestStage: the stage tags headline and body, returns a copy, honours ctx.
func TestStage(t *testing.T) {
	tg := newTagger(t)
	in := &pipeline.Story{ID: "s1", Language: "ru", Headline: "В Токио", Body: "Губернатор Александр Усс прибыл.", Published: seedDate}
	out, err := tg.Stage(context.Background(), in)
	if err != nil || len(out) != 1 {
		t.Fatalf("Stage = %v, %v", out, err)
	}
	if in.Entities != nil {
		t.Error("input story was modified")
	}
	s := out[0]
	if len(s.Places) != 1 || s.Places[0].ID != "city:tokyo" || len(s.People) != 1 || s.People[0].Role != "governor" {
		t.Errorf("facets: places %+v people %+v", s.Places, s.People)
	}
	text := []rune(in.TaggedText())
	for _, m := range s.Entities {
		if string(text[m.Start:m.End]) != m.Text {
			t.Errorf("mention %q does not match TaggedText at %d-%d", m.Text, m.Start, m.End)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := tg.Stage(ctx, in); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled ctx: err = %v", err)
	}
	if _, err := tg.Stage(context.Background(), nil); !pipeline.IsPermanent(err) {
		t.Errorf("nil story: err = %v, want permanent", err)
	}
}

// TestTagJSONL: one output line per good input line; a bad line is skipped
// and reported without stopping the rest.
func TestTagJSONL(t *testing.T) {
	in := `{"id":"a","lang":"ru","text":"Путин прибыл в Токио"}
not json
{"id":"b","lang":"en","text":"Shinzo Abe visited Moscow","date":"2019-09-20"}
`
	var out bytes.Buffer
	err := newTagger(t).TagJSONL(context.Background(), strings.NewReader(in), &out, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("err = %v, want a line 2 error", err)
	}
	var got []tag.DocumentResult
	dec := json.NewDecoder(&out)
	for {
		var d tag.DocumentResult
		if err := dec.Decode(&d); err != nil {
			break
		}
		got = append(got, d)
	}
	if len(got) != 2 || got[0].ID != "a" || got[1].ID != "b" || len(got[0].Entities) != 2 || len(got[1].Entities) != 2 {
		t.Fatalf("results = %+v", got)
	}
	if got[1].Entities[0].Role != "prime minister" {
		t.Errorf("date not used for roles: %+v", got[1].Entities[0])
	}
}
