package apertium_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/translate"
	"github.com/polywire/polywire/workers/translate/apertium"
)

var (
	debianPairs = reply{status: http.StatusOK, file: "listpairs-debian.json"}
	ok200       = reply{status: http.StatusOK, file: "translate-empty.json"}
)

func TestPairsMapToISO6391(t *testing.T) {
	_, url := newDouble(t, reply{status: http.StatusOK, file: "listpairs-variants.json"}, ok200)
	got, err := apertium.New(url, apertium.Options{}).Pairs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []translate.Pair{{From: "ca", To: "gl"}, {From: "en", To: "es"}, {From: "es", To: "en"}, {From: "nb", To: "nn"}}
	if !slices.Equal(got, want) {
		t.Fatalf("Pairs = %v, want %v (crh, xyz and eng→eng_US skipped, variants merged)", got, want)
	}
}

func TestPlainCodeWinsOverVariant(t *testing.T) {
	tests := []struct {
		name, pairsFile, want string
	}{
		{"debian order", "listpairs-debian.json", "spa|eng"},
		{"variant listed first", "listpairs-variants.json", "spa|eng"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, url := newDouble(t, reply{status: http.StatusOK, file: tc.pairsFile}, reply{status: http.StatusOK, file: "translate-empty.json"})
			_, _ = apertium.New(url, apertium.Options{}).Translate(context.Background(), "es", "en", "Hola.")
			if len(d.langpairs) != 1 || d.langpairs[0] != tc.want {
				t.Fatalf("langpairs sent = %v, want [%s]", d.langpairs, tc.want)
			}
			f := d.forms[0]
			if f["markUnknown"][0] != "no" || f["format"][0] != "txt" || f["q"][0] != "Hola." {
				t.Errorf("form = %v, want markUnknown=no format=txt q=Hola.", f)
			}
		})
	}
}

func TestTranslateErrors(t *testing.T) {
	tests := []struct {
		name      string
		reply     reply
		permanent bool
		is        error
		delay     time.Duration
	}{
		{"empty translation", reply{status: 200, file: "translate-empty.json"}, true, translate.ErrEmptyTranslation, 0},
		{"pair not installed", reply{status: 400, file: "translate-400-not-installed.json"}, true, translate.ErrUnsupportedPair, 0},
		{"pipeline stuck", reply{status: 503, file: "translate-503.json"}, false, translate.ErrUnavailable, 0},
		{"overloaded with retry-after", reply{status: 429, header: map[string]string{"Retry-After": "7"}}, false, translate.ErrUnavailable, 7 * time.Second},
		{"html page instead of json", reply{status: 200, file: "proxy-page.html"}, false, nil, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, url := newDouble(t, debianPairs, tc.reply)
			out, err := apertium.New(url, apertium.Options{}).Translate(context.Background(), "es", "en", "Hola.")
			if err == nil {
				t.Fatalf("Translate = %q, nil; want an error", out)
			}
			if pipeline.IsPermanent(err) != tc.permanent {
				t.Errorf("IsPermanent(%v) = %v, want %v", err, !tc.permanent, tc.permanent)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("err = %v, want it to wrap %v", err, tc.is)
			}
			if d := pipeline.RetryDelay(err); d != tc.delay {
				t.Errorf("RetryDelay = %v, want %v", d, tc.delay)
			}
		})
	}
}

func TestEngineDownIsRetryable(t *testing.T) {
	url := "http://" + closedAddr(t)
	e := apertium.New(url, apertium.Options{Timeout: 2 * time.Second})
	if _, err := e.Pairs(context.Background()); err == nil || pipeline.IsPermanent(err) || !errors.Is(err, translate.ErrUnavailable) {
		t.Errorf("Pairs: err = %v, want a retryable ErrUnavailable", err)
	}
	if _, err := e.Translate(context.Background(), "es", "en", "Hola."); err == nil || pipeline.IsPermanent(err) {
		t.Errorf("Translate: err = %v, want a retryable error", err)
	}
}

// closedAddr returns a loopback address nothing listens on.
func closedAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

func TestPairsCache(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	d, url := newDouble(t, debianPairs, reply{status: 503, file: "translate-503.json"})
	e := apertium.New(url, apertium.Options{PairsTTL: time.Minute, Now: func() time.Time { return now }})
	ctx := context.Background()
	steps := []struct {
		name  string
		do    func()
		calls int
	}{
		{"first call lists", func() { _, _ = e.Pairs(ctx) }, 1},
		{"within ttl cached", func() { now = now.Add(30 * time.Second); _, _ = e.Pairs(ctx) }, 1},
		{"after ttl listed again", func() { now = now.Add(time.Minute); _, _ = e.Pairs(ctx) }, 2},
		{"failed translation clears the cache", func() { _, _ = e.Translate(ctx, "es", "en", "Hola."); _, _ = e.Pairs(ctx) }, 3},
	}
	for _, s := range steps {
		s.do()
		if got := d.calls(); got != s.calls {
			t.Fatalf("%s: %d /listPairs calls, want %d", s.name, got, s.calls)
		}
	}
	t.Run("failed refresh keeps the last list", func(t *testing.T) {
		d.setPairs(reply{status: 503, file: "translate-503.json"})
		now = now.Add(time.Hour)
		pairs, err := e.Pairs(ctx)
		if err != nil || !slices.Contains(pairs, translate.Pair{From: "es", To: "en"}) {
			t.Fatalf("Pairs = %v, %v; want the last list", pairs, err)
		}
	})
}
