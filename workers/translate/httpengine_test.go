package translate_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/translate"
)

// fakeServer stands for an engine's server: a pair list and an upper-casing
// translator, each failing while its error is set.
type fakeServer struct {
	mu               sync.Mutex
	lists, posts     int
	listErr, postErr error
	codes            []string
}

func (s *fakeServer) list(context.Context) (map[translate.Pair]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lists++
	if s.listErr != nil {
		return nil, s.listErr
	}
	return map[translate.Pair]string{{From: "es", To: "en"}: "spa|eng", {From: "en", To: "es"}: "eng|spa"}, nil
}

func (s *fakeServer) post(_ context.Context, code, chunk string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.posts++
	s.codes = append(s.codes, code)
	if s.postErr != nil {
		return "", s.postErr
	}
	return "<" + chunk + ">", nil
}

func newFake(now *time.Time) (*fakeServer, *translate.HTTPEngine[string]) {
	s := &fakeServer{}
	o := translate.HTTPOptions{Now: func() time.Time { return *now }}.
		WithDefaults(translate.HTTPOptions{PairsTTL: time.Minute, MaxChunk: 100})
	return s, translate.NewHTTPEngine("fake", "http://fake", o, s.list, s.post)
}

func TestHTTPEngineTranslate(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s, e := newFake(&now)
	ctx := context.Background()
	if out, err := e.Translate(ctx, "es", "en", " \n\n "); out != " \n\n " || err != nil || s.lists+s.posts != 0 {
		t.Fatalf("blank: %q, %v after %d lists, %d posts; want the text back without asking", out, err, s.lists, s.posts)
	}
	if out, err := e.Translate(ctx, "es", "en", "Hola.\n\nAdiós."); out != "<Hola.\n\nAdiós.>" || err != nil {
		t.Fatalf("Translate = %q, %v", out, err)
	}
	if !slices.Equal(s.codes, []string{"spa|eng"}) {
		t.Errorf("codes posted = %v, want [spa|eng]", s.codes)
	}
	_, err := e.Translate(ctx, "ru", "en", "Привет.")
	if !pipeline.IsPermanent(err) || !errors.Is(err, translate.ErrUnsupportedPair) || err.Error() != "fake: ru→en: language pair not served" {
		t.Errorf("unserved pair: err = %v, want a permanent ErrUnsupportedPair", err)
	}
}

func TestHTTPEngineCache(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s, e := newFake(&now)
	ctx := context.Background()
	down := errors.New("down")
	steps := []struct {
		name  string
		do    func()
		lists int
	}{
		{"first call lists", func() { _, _ = e.Pairs(ctx) }, 1},
		{"within ttl cached", func() { now = now.Add(30 * time.Second); _, _ = e.Translate(ctx, "es", "en", "Hola.") }, 1},
		{"after ttl listed again", func() { now = now.Add(time.Minute); _, _ = e.Pairs(ctx) }, 2},
		{"failed translation clears the cache", func() { s.postErr = down; _, _ = e.Translate(ctx, "es", "en", "Hola."); _, _ = e.Pairs(ctx) }, 3},
		{"failed refresh keeps the last list", func() {
			s.listErr = down
			now = now.Add(time.Hour)
			pairs, err := e.Pairs(ctx)
			if err != nil || !slices.Equal(pairs, []translate.Pair{{From: "en", To: "es"}, {From: "es", To: "en"}}) {
				t.Errorf("Pairs = %v, %v; want the last list, sorted", pairs, err)
			}
		}, 4},
	}
	for _, st := range steps {
		st.do()
		if s.lists != st.lists {
			t.Fatalf("%s: %d lists, want %d", st.name, s.lists, st.lists)
		}
	}
}

func TestHTTPEngineNoList(t *testing.T) {
	now := time.Now()
	s, e := newFake(&now)
	s.listErr = translate.ErrUnavailable
	if _, err := e.Pairs(context.Background()); !errors.Is(err, translate.ErrUnavailable) {
		t.Errorf("Pairs: err = %v, want the listing error when no list is known", err)
	}
	if _, err := e.Translate(context.Background(), "es", "en", "Hola."); !errors.Is(err, translate.ErrUnavailable) || s.posts != 0 {
		t.Errorf("Translate: err = %v after %d posts, want the listing error and no post", err, s.posts)
	}
}
