package libretranslate_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
)

// exchange is one request and the answer to it.
type exchange struct {
	Request struct {
		Method string         `json:"method"`
		Path   string         `json:"path"`
		Body   map[string]any `json:"body"`
	} `json:"request"`
	Response struct {
		Status  int               `json:"status"`
		Headers map[string]string `json:"headers"`
		Body    json.RawMessage   `json:"body"`
	} `json:"response"`
}

// recordedLibreTranslate is a recorded-exchange double of a LibreTranslate
// server: it replays testdata/<scenario>.json, a list of requests and the
// answers to them written in LibreTranslate's documented API shapes (GET
// /languages, POST /translate with {q, source, target, format, api_key},
// errors as {"error": …}). No LibreTranslate server runs here, so these
// exchanges were not captured live. A request not in the scenario fails the
// test. It is not a translator.
type recordedLibreTranslate struct {
	t         *testing.T
	exchanges []exchange
	mu        sync.Mutex
	paths     []string
}

func replay(t *testing.T, scenario string) (*recordedLibreTranslate, string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", scenario+".json"))
	if err != nil {
		t.Fatal(err)
	}
	d := &recordedLibreTranslate{t: t}
	if err := json.Unmarshal(b, &d.exchanges); err != nil {
		t.Fatalf("%s: %v", scenario, err)
	}
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	return d, srv.URL
}

func (d *recordedLibreTranslate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	d.mu.Lock()
	d.paths = append(d.paths, r.Method+" "+r.URL.Path)
	d.mu.Unlock()
	var body map[string]any
	if r.Method == http.MethodPost {
		b, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(b, &body); err != nil {
			d.t.Errorf("double: %s %s: body %q is not JSON: %v", r.Method, r.URL.Path, b, err)
		}
	}
	for _, x := range d.exchanges {
		if x.Request.Method == r.Method && x.Request.Path == r.URL.Path && reflect.DeepEqual(x.Request.Body, body) {
			for k, v := range x.Response.Headers {
				w.Header().Set(k, v)
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(x.Response.Status)
			_, _ = w.Write(x.Response.Body)
			return
		}
	}
	d.t.Errorf("double: no recorded exchange for %s %s %v", r.Method, r.URL.Path, body)
	http.Error(w, `{"error": "not recorded"}`, http.StatusInternalServerError)
}

func (d *recordedLibreTranslate) requests() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.paths...)
}
