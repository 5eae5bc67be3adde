package apertium_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// reply is one recorded APY answer: status, headers and a testdata file.
type reply struct {
	status int
	header map[string]string
	file   string
}

// apyDouble is a recorded-exchange double of APY: it answers /listPairs and
// /translate with answers recorded from apertium-apy 0.11.7 (testdata/*.json)
// and remembers the requests it got. It is not a translator.
type apyDouble struct {
	t         *testing.T
	mu        sync.Mutex
	pairs     reply
	translate reply
	listCalls int
	langpairs []string
	forms     []map[string][]string
}

func newDouble(t *testing.T, pairs, tr reply) (*apyDouble, string) {
	d := &apyDouble{t: t, pairs: pairs, translate: tr}
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	return d, srv.URL
}

func (d *apyDouble) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	d.mu.Lock()
	var rep reply
	switch r.URL.Path {
	case "/listPairs":
		d.listCalls++
		rep = d.pairs
	case "/translate":
		_ = r.ParseForm()
		d.langpairs = append(d.langpairs, r.PostForm.Get("langpair"))
		d.forms = append(d.forms, r.PostForm)
		rep = d.translate
	default:
		rep = reply{status: http.StatusNotFound}
	}
	d.mu.Unlock()
	for k, v := range rep.header {
		w.Header().Set(k, v)
	}
	w.WriteHeader(rep.status)
	if rep.file != "" {
		b, err := os.ReadFile(filepath.Join("testdata", rep.file))
		if err != nil {
			d.t.Errorf("double: %v", err)
		}
		_, _ = w.Write(b)
	}
}

func (d *apyDouble) setPairs(r reply) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.pairs = r
}

func (d *apyDouble) calls() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.listCalls
}
