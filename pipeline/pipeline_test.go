package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestSubjects(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"story subject", Subject(KindTagged, "ru", "sibnews"), "polywire.tagged.ru.sibnews"},
		{"unknown language", Subject(KindRaw, "", "tass"), "polywire.raw.und.tass"},
		{"unsafe source token", Subject(KindRaw, "en", "Rea.ters *"), "polywire.raw.en.rea_ters__"},
		{"dead letter", DLQSubject(StageExtract, "efe-es"), "polywire.dlq.extract.efe-es"},
		{"event", EventSubject("tass"), "polywire.events.source.tass"},
		{"job", JobSubject("tass"), "polywire-jobs.fetch.tass"},
		{"msg id", MsgID("9b2e", 3, StageTag), "9b2e:3:tag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestErrorClasses(t *testing.T) {
	base := errors.New("boom")
	if IsPermanent(base) {
		t.Error("plain error classified permanent")
	}
	wrapped := Permanent(base)
	if !IsPermanent(wrapped) || !errors.Is(wrapped, base) {
		t.Error("Permanent lost its class or cause")
	}
	if Permanent(nil) != nil || RetryAfter(nil, time.Second) != nil {
		t.Error("wrapping nil must stay nil")
	}
	r := RetryAfter(base, 7*time.Second)
	if RetryDelay(r) != 7*time.Second || IsPermanent(r) {
		t.Errorf("RetryAfter: delay %v permanent %v", RetryDelay(r), IsPermanent(r))
	}
}

func TestStoryIDStable(t *testing.T) {
	a := StoryID("sibnews", "https://example.org/a")
	if a != StoryID("sibnews", "https://example.org/a") || len(a) != 24 {
		t.Fatalf("unstable or wrong length id %q", a)
	}
	if a == StoryID("tass", "https://example.org/a") {
		t.Error("different sources must give different ids")
	}
}

func TestChainOrder(t *testing.T) {
	var trace []string
	mw := func(name string) Middleware[string, string] {
		return func(next Stage[string, string]) Stage[string, string] {
			return func(ctx context.Context, in string) ([]string, error) {
				trace = append(trace, name)
				return next(ctx, in)
			}
		}
	}
	s := Chain(func(_ context.Context, in string) ([]string, error) { return []string{in}, nil }, mw("outer"), mw("inner"))
	if _, err := s(t.Context(), "x"); err != nil {
		t.Fatal(err)
	}
	if strings.Join(trace, ",") != "outer,inner" {
		t.Errorf("order %v", trace)
	}
}

// TestExampleMessage keeps docs/example-story.json a valid Story that
// round-trips without losing fields.
func TestExampleMessage(t *testing.T) {
	raw, err := os.ReadFile("../docs/example-story.json")
	if err != nil {
		t.Fatal(err)
	}
	var s Story
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		t.Fatalf("example does not decode strictly: %v", err)
	}
	if s.Schema != SchemaVersion || s.Published.Format(time.RFC3339) != "2019-09-20T14:05:00+03:00" {
		t.Errorf("schema %d published %s", s.Schema, s.Published.Format(time.RFC3339))
	}
	out, _ := json.Marshal(&s)
	var a, b map[string]any
	json.Unmarshal(raw, &a)
	json.Unmarshal(out, &b)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Errorf("round trip changed the example:\n%s\n%s", ja, jb)
	}
}

func TestToNinjs(t *testing.T) {
	s := &Story{Schema: 1, ID: "abc", Version: 2, Source: "sibnews", Agency: "TASS", Language: "ru",
		Headline: "Заголовок", Body: "Текст", Published: time.Date(2019, 9, 20, 14, 5, 0, 0, time.FixedZone("MSK", 3*3600)),
		People:       []Entity{{ID: "person:vladimir-putin", Name: "Владимир Путин", Role: "president"}},
		Translations: map[string]Translation{"en": {Status: TranslationOK, Headline: "Headline", Body: "Text", Engine: "apertium"}, "ja": {Status: TranslationNoEngine}}}
	items := ToNinjs(s)
	if len(items) != 2 {
		t.Fatalf("want story + 1 usable translation, got %d items", len(items))
	}
	it := items[0]
	if it.Version != "2" || it.PubStatus != "usable" || it.FirstCreated != "2019-09-20T14:05:00+03:00" || it.Language != "ru" {
		t.Errorf("item fields: %+v", it)
	}
	if len(it.Associations) != 1 || it.Associations[0].URI != items[1].URI || items[1].Language != "en" {
		t.Errorf("translation not linked: %+v / %+v", it.Associations, items[1])
	}
	if it.InfoSources[1].Name != "TASS" || it.InfoSources[1].Role != "originator" {
		t.Errorf("agency lost: %+v", it.InfoSources)
	}
}

// TestSchemaCoversStory keeps docs/story.schema.json in step with Story:
// every JSON field of the struct is a schema property and vice versa.
func TestSchemaCoversStory(t *testing.T) {
	raw, err := os.ReadFile("../docs/story.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	fields := map[string]bool{}
	st := reflect.TypeOf(Story{})
	for i := range st.NumField() {
		name, _, _ := strings.Cut(st.Field(i).Tag.Get("json"), ",")
		fields[name] = true
		if _, ok := schema.Properties[name]; !ok {
			t.Errorf("Story field %q missing from the schema", name)
		}
	}
	for name := range schema.Properties {
		if !fields[name] {
			t.Errorf("schema property %q is not a Story field", name)
		}
	}
}
