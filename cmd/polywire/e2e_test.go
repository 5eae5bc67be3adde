package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/search/meili/meilitest"
)

// TestRunDemoEndToEnd runs `polywire run --demo` in process against the
// embedded NATS server, once with each search backend, and checks what an
// editor and a subscriber see: the seed story found by «Усс» and by region,
// tagged places and people, Spanish stories translated by Apertium (or
// marked no-engine where it is not installed), and tagged stories readable
// by a NATS client over TCP.
func TestRunDemoEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	apy := optionalAPY(t)
	t.Run("bleve", func(t *testing.T) { demoEndToEnd(t, apy, nil) })
	t.Run("meilisearch", func(t *testing.T) {
		ms := meilitest.Start(t)
		mu, key := ms.URL, ms.Key
		demoEndToEnd(t, apy, []string{"--meilisearch-url", mu, "--meilisearch-key", key})
	})
}

func demoEndToEnd(t *testing.T, apy string, extra []string) {
	httpAddr, natsAddr := freeAddr(t), freeAddr(t)
	args := []string{"run", "--demo", "--data", t.TempDir(), "--http", httpAddr, "--nats-listen", natsAddr, "--log-level", "warn"}
	if apy != "" {
		args = append(args, "--apertium-url", apy)
	} else {
		args = append(args, "--apertium-url", "http://"+freeAddr(t)) // nothing answers there
	}
	args = append(args, extra...)
	ctx, base := startRun(t, args)
	seedID, story := waitForSeed(t, ctx, base)
	seedChecks(t, &story)

	var byRegion search.Result
	if _, err := getJSON(ctx, base, "/api/search", url.Values{"region": {"RU-KYA"}, "size": {"100"}}, &byRegion); err != nil {
		t.Fatal(err)
	}
	if !hasHit(byRegion, seedID) {
		t.Errorf("region=RU-KYA does not find the seed story (%d hits)", byRegion.Total)
	}
	var byCountry search.Result
	getJSON(ctx, base, "/api/search", url.Values{"region": {"RU"}, "size": {"100"}}, &byCountry)
	if !hasHit(byCountry, seedID) {
		t.Errorf("region=RU (hierarchical) does not find the seed story")
	}

	checkSpanishTranslation(t, ctx, base, apy != "")
	checkSubscriber(t, ctx, natsAddr)
}

func hasHit(r search.Result, id string) bool {
	for _, h := range r.Hits {
		if h.ID == id {
			return true
		}
	}
	return false
}

// checkSpanishTranslation waits for a Spanish demo story and checks its
// English translation: ok from Apertium when it runs, no-engine otherwise.
func checkSpanishTranslation(t *testing.T, ctx context.Context, base string, withAPY bool) {
	var es search.Result
	waitFor(t, "Spanish stories indexed", 2*time.Minute, func() (bool, error) {
		_, err := getJSON(ctx, base, "/api/search", url.Values{"language": {"es"}}, &es)
		return err == nil && es.Total > 0, err
	})
	var s pipeline.Story
	if _, err := getJSON(ctx, base, "/api/stories/"+es.Hits[0].ID, nil, &s); err != nil {
		t.Fatal(err)
	}
	tr, ok := s.Translations["en"]
	switch {
	case !ok:
		t.Fatalf("Spanish story has no en translation entry: %+v", s.Translations)
	case withAPY && (tr.Status != pipeline.TranslationOK || tr.Body == "" || tr.Engine == ""):
		t.Errorf("with Apertium running, es→en should be ok: %+v", tr)
	case !withAPY && tr.Status != pipeline.TranslationNoEngine:
		t.Errorf("without Apertium, es→en should be no-engine: %+v", tr)
	}
	if !tr.Machine {
		t.Error("translation not marked machine-made")
	}
}

// checkSubscriber reads polywire.tagged.> over TCP like an outside system.
func checkSubscriber(t *testing.T, ctx context.Context, natsAddr string) {
	nc, err := nats.Connect("nats://" + natsAddr)
	if err != nil {
		t.Fatalf("outside client cannot connect to %s: %v", natsAddr, err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	cons, err := js.OrderedConsumer(ctx, "POLYWIRE", jetstream.OrderedConsumerConfig{FilterSubjects: []string{"polywire.tagged.>"}})
	if err != nil {
		t.Fatal(err)
	}
	langs := map[string]int{}
	seen := map[string]bool{}
	// Feeds are polled concurrently, so which stories come first varies: wait
	// for 40 stories with every language among them.
	waitFor(t, "outside subscriber got ≥40 tagged stories in ru, en and es", 2*time.Minute, func() (bool, error) {
		batch, err := cons.Fetch(100, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			return false, err
		}
		for m := range batch.Messages() {
			var s pipeline.Story
			if err := json.Unmarshal(m.Data(), &s); err != nil {
				t.Errorf("tagged message is not a Story: %v", err)
				continue
			}
			if m.Headers().Get(pipeline.HeaderStoryID) != s.ID {
				t.Errorf("header %s=%q, story id %q", pipeline.HeaderStoryID, m.Headers().Get(pipeline.HeaderStoryID), s.ID)
			}
			if !seen[s.ID] {
				seen[s.ID] = true
				langs[s.Language]++
			}
		}
		done := len(seen) >= 40 && langs["ru"] > 0 && langs["en"] > 0 && langs["es"] > 0
		if err := batch.Error(); err != nil && !done {
			return false, fmt.Errorf("%w (so far by language: %v)", err, langs)
		}
		return done, nil
	})
}

// testLogWriter sends the program's stderr to the test log.
type testLogWriter struct{ t *testing.T }

func (w testLogWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}

// startRun runs `polywire run` with args in the background until the test
// ends (then it must exit 0 within 30 s) and returns its context and the
// web base URL, taken from the --http argument.
func startRun(t *testing.T, args []string) (context.Context, string) {
	t.Helper()
	httpAddr := ""
	for i, a := range args {
		if a == "--http" && i+1 < len(args) {
			httpAddr = args[i+1]
		}
	}
	if httpAddr == "" {
		t.Fatal("startRun: args need --http ADDR")
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan int, 1)
	go func() { done <- execute(ctx, args, nil, io.Discard, testLogWriter{t}) }()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("polywire run exited %d", code)
			}
		case <-time.After(30 * time.Second):
			t.Error("polywire run did not stop within 30s of cancel")
		}
	})
	return ctx, "http://" + httpAddr
}

// waitForSeed waits until the seed story is searchable by «Усс» and
// returns its id and the story as the API serves it.
func waitForSeed(t *testing.T, ctx context.Context, base string) (string, pipeline.Story) {
	t.Helper()
	var seedID string
	waitFor(t, "seed story searchable by «Усс»", 3*time.Minute, func() (bool, error) {
		id, err := findSeed(ctx, base)
		seedID = id
		return err == nil, err
	})
	var story pipeline.Story
	if _, err := getJSON(ctx, base, "/api/stories/"+seedID, nil, &story); err != nil {
		t.Fatal(err)
	}
	return seedID, story
}
