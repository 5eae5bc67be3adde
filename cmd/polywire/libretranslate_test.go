package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/pipeline"
)

// libreTranslateDouble is a test double of a LibreTranslate server: no real
// one can run on our machines (it needs models downloaded from the
// internet). It speaks the documented protocol — GET /languages, POST
// /translate with a JSON {q, source, target, format, api_key} answered with
// {"translatedText"} or {"error"} — for the pairs en→ru, en→es, ru→en and
// es→en. It is not a translator: its "translation" is the text prefixed
// with a marker naming the pair, so a test can tell where a translation
// came from. With key set it refuses requests without that api_key (403),
// as a server started with --api-keys does.
type libreTranslateDouble struct {
	t   *testing.T
	key string

	mu       sync.Mutex
	requests []libreRequest // POST /translate bodies, in order
}

type libreRequest struct {
	Q      string `json:"q"`
	Source string `json:"source"`
	Target string `json:"target"`
	Format string `json:"format"`
	APIKey string `json:"api_key"`
}

const libreLanguages = `[
 {"code": "en", "name": "English", "targets": ["ru", "es"]},
 {"code": "ru", "name": "Russian", "targets": ["en"]},
 {"code": "es", "name": "Spanish", "targets": ["en"]}
]`

// startLibreTranslateDouble serves a double requiring key ("" for none)
// until the test ends and returns it with its URL.
func startLibreTranslateDouble(t *testing.T, key string) (*libreTranslateDouble, string) {
	t.Helper()
	d := &libreTranslateDouble{t: t, key: key}
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	return d, srv.URL
}

// libreMarker is what the double puts before a text it "translates".
func libreMarker(from, to string) string { return "[libretranslate double " + from + "→" + to + "] " }

func (d *libreTranslateDouble) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/languages":
		io.WriteString(w, libreLanguages)
	case r.Method == http.MethodPost && r.URL.Path == "/translate":
		var req libreRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			d.t.Errorf("libretranslate double: body is not JSON: %v", err)
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"error": "Invalid request"}`)
			return
		}
		d.mu.Lock()
		d.requests = append(d.requests, req)
		d.mu.Unlock()
		switch {
		case d.key != "" && req.APIKey != d.key:
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, `{"error": "Invalid API key"}`)
		case req.Format != "text":
			d.t.Errorf("libretranslate double: format %q, want text", req.Format)
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"error": "Invalid format"}`)
		default:
			json.NewEncoder(w).Encode(map[string]string{"translatedText": libreMarker(req.Source, req.Target) + req.Q})
		}
	default:
		d.t.Errorf("libretranslate double: unexpected %s %s", r.Method, r.URL.Path)
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"error": "Not Found"}`)
	}
}

func (d *libreTranslateDouble) translations() []libreRequest {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]libreRequest(nil), d.requests...)
}

// libreConfig writes a polywire.yaml with Apertium managed elsewhere and
// not answering (start: never, a port nothing listens on), and
// LibreTranslate at url with apiKey ("" for none) unless url is "".
func libreConfig(t *testing.T, url, apiKey string) string {
	t.Helper()
	y := "translate:\n  targets: [en, ru]\n  apertium:\n    url: http://" + freeAddr(t) + "\n    start: never\n"
	if url != "" {
		y += "  libretranslate:\n    url: " + url + "\n"
		if apiKey != "" {
			y += "    api_key: " + apiKey + "\n"
		}
	}
	path := filepath.Join(t.TempDir(), "polywire.yaml")
	if err := os.WriteFile(path, []byte(y), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// loadServerConfig loads a config the way run and worker do: serverFlags
// with their POLYWIRE_* defaults, then the extra flags.
func loadServerConfig(t *testing.T, args ...string) *config.Config {
	t.Helper()
	var f serverFlags
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	cfg, err := f.load()
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

const (
	ruHeadline = "Губернатор Красноярского края Александр Усс встретился с делегацией из Японии"
	ruBody     = "Стороны обсудили поставки алюминия.\n\nДелегация посетит Норильск."
)

func ruStory() *pipeline.Story {
	return &pipeline.Story{ID: "lt-test", Source: "tass-ru", Language: "ru", Headline: ruHeadline, Body: ruBody}
}

// TestNewTranslatorEngines checks which engines newTranslator configures and
// in which order, from what it logs at start.
func TestNewTranslatorEngines(t *testing.T) {
	t.Setenv("POLYWIRE_LIBRETRANSLATE_API_KEY", "")
	_, url := startLibreTranslateDouble(t, "")
	tests := []struct {
		name string
		url  string
		want []string
	}{
		{"default: apertium only", "", []string{"apertium"}},
		{"libretranslate after apertium", url, []string{"apertium", "libretranslate"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := loadServerConfig(t, "--config", libreConfig(t, tc.url, ""))
			var logs bytes.Buffer
			_, stop := newTranslator(t.Context(), cfg, slog.New(slog.NewJSONHandler(&logs, nil)))
			defer stop()
			got, ok := loggedEngines(t, &logs)
			if !ok {
				t.Fatalf("no %q record in:\n%s", "translation engines configured", logs.String())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("engines %v, want %v", got, tc.want)
			}
		})
	}
}

// loggedEngines returns the engines of the "translation engines configured"
// record in JSON log lines.
func loggedEngines(t *testing.T, logs *bytes.Buffer) ([]string, bool) {
	t.Helper()
	dec := json.NewDecoder(logs)
	for {
		var rec struct {
			Msg     string   `json:"msg"`
			Engines []string `json:"engines"`
		}
		if err := dec.Decode(&rec); err != nil {
			if err != io.EOF {
				t.Fatalf("log is not JSON lines: %v", err)
			}
			return nil, false
		}
		if rec.Msg == "translation engines configured" {
			return rec.Engines, true
		}
	}
}

// TestNewTranslatorUsesLibreTranslate builds the translate stage from a
// config naming the LibreTranslate double, with Apertium not answering,
// and checks that a Russian story gets its English translation from
// LibreTranslate (ru→en is a pair Apertium lacks anyway).
func TestNewTranslatorUsesLibreTranslate(t *testing.T) {
	t.Setenv("POLYWIRE_LIBRETRANSLATE_API_KEY", "")
	d, url := startLibreTranslateDouble(t, "")
	cfg := loadServerConfig(t, "--config", libreConfig(t, url, ""))
	tr, stop := newTranslator(t.Context(), cfg, slog.New(slog.DiscardHandler))
	defer stop()
	out, err := tr.Stage(t.Context(), ruStory())
	if err != nil {
		t.Fatalf("Stage: %v", err)
	}
	en, ok := out[0].Translations["en"]
	switch {
	case !ok:
		t.Fatalf("no en translation: %+v", out[0].Translations)
	case en.Status != pipeline.TranslationOK || en.Engine != "libretranslate" || !en.Machine:
		t.Fatalf("en = %+v, want ok, machine, from libretranslate", en)
	case en.Headline != libreMarker("ru", "en")+ruHeadline:
		t.Errorf("en headline %q is not the double's answer", en.Headline)
	case !strings.HasPrefix(en.Body, libreMarker("ru", "en")):
		t.Errorf("en body %q is not the double's answer", en.Body)
	}
	if _, ok := out[0].Translations["ru"]; ok {
		t.Error("story translated into its own language")
	}
	for _, r := range d.translations() {
		if r.Source != "ru" || r.Target != "en" || r.APIKey != "" {
			t.Errorf("double got %+v, want ru→en without api_key", r)
		}
	}
	if len(d.translations()) < 2 {
		t.Errorf("double got %d translate requests, want headline and body", len(d.translations()))
	}
}

// TestLibreTranslateAPIKey checks that the API key reaches the server, from
// polywire.yaml or from POLYWIRE_LIBRETRANSLATE_API_KEY (which wins), and
// that the double does refuse a request without it.
func TestLibreTranslateAPIKey(t *testing.T) {
	tests := []struct {
		name       string
		yamlKey    string
		envKey     string
		wantStatus string
	}{
		{"from polywire.yaml", "s3cret", "", pipeline.TranslationOK},
		{"from environment", "", "s3cret", pipeline.TranslationOK},
		{"environment overrides polywire.yaml", "stale-key", "s3cret", pipeline.TranslationOK},
		{"missing", "", "", pipeline.TranslationFailed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("POLYWIRE_LIBRETRANSLATE_API_KEY", tc.envKey)
			d, url := startLibreTranslateDouble(t, "s3cret")
			cfg := loadServerConfig(t, "--config", libreConfig(t, url, tc.yamlKey))
			tr, stop := newTranslator(t.Context(), cfg, slog.New(slog.DiscardHandler))
			defer stop()
			out, err := tr.Stage(t.Context(), ruStory())
			if err != nil {
				t.Fatalf("Stage: %v", err)
			}
			en := out[0].Translations["en"]
			if en.Status != tc.wantStatus {
				t.Fatalf("en = %+v, want status %s", en, tc.wantStatus)
			}
			if tc.wantStatus == pipeline.TranslationFailed && !strings.Contains(en.Detail, "Invalid API key") {
				t.Errorf("detail %q does not carry the server's refusal", en.Detail)
			}
			reqs := d.translations()
			if len(reqs) == 0 {
				t.Fatal("the double got no translate request")
			}
			wantKey := tc.envKey
			if wantKey == "" {
				wantKey = tc.yamlKey
			}
			for _, r := range reqs {
				if r.APIKey != wantKey {
					t.Errorf("api_key %q sent, want %q", r.APIKey, wantKey)
				}
			}
		})
	}
}

// TestRunDemoWithLibreTranslate runs `polywire run --demo` with a config
// naming the LibreTranslate double and Apertium not answering, and checks
// that the Russian seed story is indexed with an English translation from
// LibreTranslate, the key taken from the environment.
func TestRunDemoWithLibreTranslate(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	t.Setenv("POLYWIRE_LIBRETRANSLATE_API_KEY", "s3cret")
	d, url := startLibreTranslateDouble(t, "s3cret")
	httpAddr := freeAddr(t)
	args := []string{"run", "--demo", "--config", libreConfig(t, url, ""), "--data", t.TempDir(),
		"--http", httpAddr, "--nats-listen", "off", "--log-level", "warn"}
	ctx, base := startRun(t, args)
	_, s := waitForSeed(t, ctx, base)
	en := s.Translations["en"]
	if en.Status != pipeline.TranslationOK || en.Engine != "libretranslate" || !strings.HasPrefix(en.Headline, libreMarker("ru", "en")) {
		t.Errorf("seed story's en translation = %+v, want ok from libretranslate (the double)", en)
	}
	if len(d.translations()) == 0 {
		t.Error("the double got no translate request")
	}
}

// TestTranslateCommandLibreTranslate: `polywire translate` reaches a
// LibreTranslate server given by flags (with the key from the
// environment), Apertium being down.
func TestTranslateCommandLibreTranslate(t *testing.T) {
	d, url := startLibreTranslateDouble(t, "k3y")
	t.Setenv("POLYWIRE_LIBRETRANSLATE_API_KEY", "k3y")
	cfg := libreConfig(t, "", "")
	out, errOut, code := cli(t, "Губернатор выступил.", "translate", "--config", cfg, "--from", "ru", "--to", "en",
		"--libretranslate-url", url, "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if want := libreMarker("ru", "en") + "Губернатор выступил."; strings.TrimSpace(out) != want {
		t.Errorf("got %q, want %q", out, want)
	}
	if reqs := d.translations(); len(reqs) != 1 || reqs[0].APIKey != "k3y" {
		t.Errorf("requests %+v, want one with the key", reqs)
	}
}
