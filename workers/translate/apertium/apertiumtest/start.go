// Package apertiumtest starts a real Apertium APY server for tests.
package apertiumtest

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/polywire/polywire/workers/translate/apertium"
)

// Start starts apertium-apy with the installed Debian pairs on a free
// loopback port, waits until it answers and returns its base URL; the server
// is stopped when the test ends. When apertium-apy is not installed the test
// fails if CI=true and is skipped otherwise.
func Start(t testing.TB) string {
	t.Helper()
	return StartModes(t, apertium.DefaultModesDir)
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
