package extract

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/pipeline"
)

func seedItem(t *testing.T) *pipeline.RawItem {
	t.Helper()
	page, err := os.ReadFile("testdata/seed-wordpress.html")
	if err != nil {
		t.Fatal(err)
	}
	return &pipeline.RawItem{
		Story: pipeline.Story{
			Schema: pipeline.SchemaVersion, ID: pipeline.StoryID("sibnews", "48213"), Version: 1,
			PubStatus: pipeline.PubStatusUsable, Source: "sibnews",
			URL:      "https://sibnews.example/2019/09/20/v-tokio-predstavili-potencial/",
			Headline: "В Токио представили экономический и инвестиционный потенциал Красноярского края",
			Summary:  "Губернатор региона Александр Усс отметил…",
		},
		Page:     page,
		PageURL:  "https://sibnews.example/2019/09/20/v-tokio-predstavili-potencial/",
		PageType: "text/html; charset=UTF-8",
	}
}

func TestStageSeed(t *testing.T) {
	e := New(Options{})
	in := seedItem(t)
	out, err := e.Stage(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 {
		t.Fatalf("%d stories, want 1", len(out))
	}
	s := out[0]
	checks := []struct{ name, got, want string }{
		{"id kept", s.ID, in.Story.ID},
		{"source kept", s.Source, "sibnews"},
		{"agency", s.Agency, "TASS"},
		{"language", s.Language, "ru"},
		{"byline", s.Byline, "Admin"},
		{"published from page", s.Published.Format(time.RFC3339), "2019-09-20T14:05:00+03:00"},
		{"dateline parsed", s.Dateline.Parsed, "2019-09-20"},
		{"extraction note", s.Extraction, ""},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if !strings.HasPrefix(s.Body, "Губернатор региона") || strings.Contains(s.Body, "Добавить комментарий") {
		t.Errorf("body %q", head(s.Body, 100))
	}
	if in.Story.Body != "" {
		t.Error("Stage modified its input")
	}
}

func TestStageFallbacks(t *testing.T) {
	wire := "MOSCOW (Reuters) - Russia's central bank kept its key rate unchanged on Friday, saying inflation was slowing as expected."
	tests := []struct {
		name           string
		item           pipeline.RawItem
		wantBody       string // prefix
		wantLang       string
		wantAgency     string
		wantExtraction string
		wantPermanent  bool
	}{
		{
			name:     "feed content when there is no page",
			item:     pipeline.RawItem{Story: pipeline.Story{Headline: "Rates", URL: "https://x.test/1"}, FeedContent: "<p>" + wire + "</p><p>Share this</p>"},
			wantBody: wire, wantLang: "en", wantAgency: "Reuters",
		},
		{
			name:     "feed content that is plain text",
			item:     pipeline.RawItem{Story: pipeline.Story{Headline: "Rates"}, FeedContent: wire},
			wantBody: wire, wantLang: "en", wantAgency: "Reuters",
		},
		{
			name:     "summary when there is nothing else",
			item:     pipeline.RawItem{Story: pipeline.Story{Headline: "Курс", Summary: "Банк России сохранил ключевую ставку, сообщил регулятор в пятницу, и это было ожидаемо."}},
			wantBody: "Банк России сохранил", wantLang: "ru",
		},
		{
			name:     "binary page falls back to the summary",
			item:     pipeline.RawItem{Story: pipeline.Story{Headline: "Rates", Summary: wire}, Page: []byte("\x89PNG\r\n\x1a\n\x00\x00")},
			wantBody: wire, wantLang: "en", wantAgency: "Reuters", wantExtraction: "not a text page; body from feed summary",
		},
		{
			name:     "page without an article falls back to the feed",
			item:     pipeline.RawItem{Story: pipeline.Story{Headline: "Rates"}, Page: []byte(`<html><body><nav><a href="/">Home</a></nav></body></html>`), FeedContent: "<p>" + wire + "</p>"},
			wantBody: wire, wantLang: "en", wantAgency: "Reuters", wantExtraction: "no article found; body from feed content",
		},
		{
			name:     "summary with markup and entities",
			item:     pipeline.RawItem{Story: pipeline.Story{Headline: "Rates", Summary: "<p>Rates &amp; prices: the central bank <b>kept</b> its key rate unchanged, as expected.</p>"}},
			wantBody: "Rates & prices: the central bank kept its key rate unchanged, as expected.", wantLang: "en",
		},
		{
			name:     "declared language wins over detection",
			item:     pipeline.RawItem{Story: pipeline.Story{Headline: "Rates", Summary: wire}, FeedLanguage: "de-DE"},
			wantBody: wire, wantLang: "de", wantAgency: "Reuters",
		},
		{
			name:     "undetectable language is und",
			item:     pipeline.RawItem{Story: pipeline.Story{Headline: "X", Summary: "12:30 — 14:45"}},
			wantBody: "12:30", wantLang: pipeline.LanguageUnknown,
		},
		{
			name:           "a kill without text still flows (the index removes the story)",
			item:           pipeline.RawItem{Story: pipeline.Story{Headline: "KILL", PubStatus: pipeline.PubStatusCanceled, Version: 2}},
			wantBody:       "",
			wantLang:       pipeline.LanguageUnknown,
			wantExtraction: "kill: no article text",
		},
		{
			name:          "no text at all is permanent",
			item:          pipeline.RawItem{Story: pipeline.Story{Headline: "Only a headline", URL: "https://x.test/2"}},
			wantPermanent: true,
		},
	}
	e := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := e.Stage(context.Background(), &tt.item)
			if tt.wantPermanent {
				if !pipeline.IsPermanent(err) {
					t.Fatalf("err = %v, want permanent", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			s := out[0]
			if !strings.HasPrefix(s.Body, tt.wantBody) {
				t.Errorf("body %q, want prefix %q", s.Body, tt.wantBody)
			}
			if s.Language != tt.wantLang {
				t.Errorf("language %q, want %q", s.Language, tt.wantLang)
			}
			if s.Agency != tt.wantAgency {
				t.Errorf("agency %q, want %q", s.Agency, tt.wantAgency)
			}
			if s.Extraction != tt.wantExtraction {
				t.Errorf("extraction %q, want %q", s.Extraction, tt.wantExtraction)
			}
		})
	}
}

func TestStageRules(t *testing.T) {
	page := []byte(`<html><body>
<div class="story"><p>The port of Vladivostok handled record volumes this year, the operator said.</p>
<p class="promo-line">Download our app for more news every single day of the week, free of charge.</p>
<div class="share-buttons"><a href="#">Share on Facebook</a></div></div>
<div class="other"><p>An unrelated paragraph that is long enough to count as prose, with commas, too.</p></div>
</body></html>`)
	rules := map[string]config.ExtractRules{"port": {Keep: []string{"div.story"}, Drop: []string{".promo-line"}}}
	e := New(Options{Rules: func(source string) config.ExtractRules { return rules[source] }})
	in := &pipeline.RawItem{Story: pipeline.Story{Source: "port", Headline: "Port"}, Page: page}
	out, err := e.Stage(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	want := "The port of Vladivostok handled record volumes this year, the operator said."
	if out[0].Body != want {
		t.Errorf("body %q, want %q", out[0].Body, want)
	}
}

func TestStageHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New(Options{}).Stage(ctx, seedItem(t)); err == nil {
		t.Fatal("no error for a cancelled context")
	}
}

func TestStageIdempotent(t *testing.T) {
	e := New(Options{})
	a, err := e.Stage(context.Background(), seedItem(t))
	if err != nil {
		t.Fatal(err)
	}
	b, err := e.Stage(context.Background(), seedItem(t))
	if err != nil {
		t.Fatal(err)
	}
	if a[0].Body != b[0].Body || a[0].Language != b[0].Language || *a[0].Dateline != *b[0].Dateline {
		t.Error("the same input gave different stories")
	}
}
