package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/workers/translate/apertium/apertiumtest"
)

// freeAddr returns a loopback address with a port that was free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// optionalAPY starts Apertium APY when it is installed (always under
// CI=true, where its absence fails the test) and returns its URL, or ""
// when it is not installed here: then stories must say no-engine.
func optionalAPY(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("apertium-apy"); err != nil && os.Getenv("CI") != "true" {
		t.Log("apertium-apy not installed: expecting no-engine translations")
		return ""
	}
	return apertiumtest.Start(t)
}

// getJSON GETs base+path with query v and decodes the JSON answer into out.
func getJSON(ctx context.Context, base, path string, v url.Values, out any) (int, error) {
	u := base + path
	if len(v) > 0 {
		u += "?" + v.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return resp.StatusCode, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return resp.StatusCode, json.NewDecoder(resp.Body).Decode(out)
}

// waitFor polls cond every 250 ms until it returns true or the budget ends.
// The budget is generous: these machines are shared and slow at times; the
// time it took is logged, not asserted.
func waitFor(t *testing.T, what string, budget time.Duration, cond func() (bool, error)) {
	t.Helper()
	start := time.Now()
	var last error
	for time.Since(start) < budget {
		ok, err := cond()
		if ok {
			t.Logf("%s after %s", what, time.Since(start).Round(10*time.Millisecond))
			return
		}
		last = err
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("%s: not within %s (last error: %v)", what, budget, last)
}

// seedChecks asserts what the issue demands of the seed story in a search
// hit and its full story.
func seedChecks(t *testing.T, s *pipeline.Story) {
	t.Helper()
	places := map[string]bool{}
	for _, p := range s.Places {
		places[p.Code] = true
		places[p.ID] = true
	}
	for _, want := range []string{"RU-KYA", "JP"} {
		if !places[want] {
			t.Errorf("seed story places lack %s: %+v", want, s.Places)
		}
	}
	var uss *pipeline.Entity
	for i, p := range s.People {
		if p.ID == "person:alexander-uss" {
			uss = &s.People[i]
		}
	}
	if uss == nil || uss.Role != "governor" {
		t.Errorf("seed story people lack Александр Усс (governor): %+v", s.People)
	}
	if s.Agency != "TASS" {
		t.Errorf("seed story agency %q, want TASS", s.Agency)
	}
	for _, junk := range []string{"Добавить комментарий", "Wordpress Social Share Plugin", "Автор: Admin"} {
		if strings.Contains(s.Body, junk) {
			t.Errorf("seed story body keeps boilerplate %q", junk)
		}
	}
}

// findSeed searches for «Усс» and returns the seed story's id.
func findSeed(ctx context.Context, base string) (string, error) {
	var res search.Result
	if _, err := getJSON(ctx, base, "/api/search", url.Values{"q": {"Усс"}}, &res); err != nil {
		return "", err
	}
	for _, h := range res.Hits {
		if strings.Contains(h.Headline, "Красноярского края") {
			return h.ID, nil
		}
	}
	return "", fmt.Errorf("%d hits, none is the seed story", res.Total)
}
