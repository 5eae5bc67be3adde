// Package apertiumtest starts a real Apertium APY server for tests.
package apertiumtest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/polywire/polywire/workers/translate/apertium"
)

// Start returns the base URL of an Apertium APY with the installed Debian
// pairs: APERTIUM_URL when it is set and answers (CI starts one), else a
// server started on a free loopback port and stopped when the test ends.
// When neither is available the test fails if CI=true and is skipped
// otherwise.
func Start(t testing.TB) string {
	t.Helper()
	if u := strings.TrimRight(os.Getenv("APERTIUM_URL"), "/"); u != "" {
		if err := answers(u); err != nil {
			t.Fatalf("apertiumtest: APERTIUM_URL=%s: %v", u, err)
		}
		return u
	}
	return StartModes(t, apertium.DefaultModesDir)
}

// answers checks that url serves /listPairs.
func answers(url string) error {
	c := http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(url + "/listPairs")
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("/listPairs: %s", resp.Status)
	}
	return nil
}

// StartModes is Start with the pairs of another modes directory (a test can
// lay out its own *.mode files there, e.g. a broken pair).
func StartModes(t testing.TB, modesDir string) string {
	t.Helper()
	s, err := apertium.StartAPY(context.Background(), apertium.StartOptions{ModesDir: modesDir})
	if errors.Is(err, apertium.ErrNotInstalled) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("apertiumtest: CI=true and %v", err)
		}
		t.Skipf("apertiumtest: %v", err)
	}
	if err != nil {
		t.Fatalf("apertiumtest: %v", err)
	}
	t.Cleanup(func() { _ = s.Stop() })
	return s.URL
}
