package web

import (
	"bufio"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/polywire/polywire/pipeline"
)

// loadStories reads testdata/stories.jsonl: the seed story (tagged), an
// English and a Japanese story, and a hostile one.
func loadStories(t testing.TB) []*pipeline.Story {
	t.Helper()
	f, err := os.Open("testdata/stories.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []*pipeline.Story
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var s pipeline.Story
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatalf("testdata/stories.jsonl: %v", err)
		}
		out = append(out, &s)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Fixture ids in testdata/stories.jsonl.
const (
	seedID    = "9b2e41c07a5d3e8f1c2b4a6d"
	englishID = "a1e7c2d94b0f5e6a7b8c9d0e"
	hostileID = "deadbeefdeadbeefdeadbeef"
)

func fixtureIndex(t testing.TB) *fakeIndex {
	return newFakeIndex(loadStories(t)...)
}

// get runs one GET through h; headers are name, value pairs.
func get(t testing.TB, h http.Handler, target string, headers ...string) *httptest.ResponseRecorder {
	t.Helper()
	return do(t, h, http.MethodGet, target, headers...)
}

func do(t testing.TB, h http.Handler, method, target string, headers ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// decodeError returns the "error" of a JSON error body.
func decodeError(t testing.TB, rec *httptest.ResponseRecorder) string {
	t.Helper()
	var body errorBody
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("error body is not JSON: %v: %q", err, rec.Body.String())
	}
	return body.Error
}
