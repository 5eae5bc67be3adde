package apertium_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/polywire/polywire/workers/translate/apertium"
	"github.com/polywire/polywire/workers/translate/apertium/apertiumtest"
)

func TestEnsureAPYAlreadyAnswering(t *testing.T) {
	url := apertiumtest.Start(t)
	stop, err := apertium.EnsureAPY(context.Background(), url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if !listPairsAnswers(url) {
		t.Fatal("the no-op stop ended a server EnsureAPY did not start")
	}
}

func TestEnsureAPYStartsAndStops(t *testing.T) {
	if os.Getenv("CI") != "true" {
		if _, err := exec.LookPath("apertium-apy"); err != nil {
			t.Skip("apertium-apy is not installed")
		}
	}
	addr := closedAddr(t)
	url := "http://" + addr
	stop, err := apertium.EnsureAPY(context.Background(), url, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = stop() })
	if !listPairsAnswers(url) {
		t.Fatal("nothing answers after EnsureAPY")
	}
	port, _ := strconv.Atoi(addr[strings.LastIndex(addr, ":")+1:])
	if locals := listeners(t, port); len(locals) == 0 || !allLoopback(locals) {
		t.Errorf("apertium-apy listens on %v, want loopback only", locals)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if listPairsAnswers(url) {
		t.Fatal("server still answers after stop")
	}
}

func TestEnsureAPYErrors(t *testing.T) {
	tests := []struct {
		name, url, path string
		is              error
	}{
		{"not installed", "http://" + closedAddr(t), t.TempDir(), apertium.ErrNotInstalled},
		{"bad port", "http://127.0.0.1:99999", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.path != "" {
				t.Setenv("PATH", tc.path)
			}
			stop, err := apertium.EnsureAPY(context.Background(), tc.url, nil)
			if err == nil {
				_ = stop()
				t.Fatal("EnsureAPY: nil error")
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Fatalf("err = %v, want %v", err, tc.is)
			}
		})
	}
}

// TestEnsureAPYPortHeld: something that is not APY holds the port; EnsureAPY
// reports an error instead of hanging or starting APY elsewhere.
func TestEnsureAPYPortHeld(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	stop, err := apertium.EnsureAPY(context.Background(), srv.URL, nil)
	if err == nil {
		_ = stop()
		t.Fatal("EnsureAPY on a port held by another server: nil error")
	}
}

func listPairsAnswers(url string) bool {
	resp, err := http.Get(url + "/listPairs")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// listeners returns the local addresses (hex, as in /proc/net/tcp*) of the
// sockets listening on port.
func listeners(t *testing.T, port int) []string {
	var out []string
	suffix := fmt.Sprintf(":%04X", port)
	for _, f := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Skipf("no %s: %v", f, err)
		}
		for _, line := range strings.Split(string(b), "\n")[1:] {
			fs := strings.Fields(line)
			if len(fs) > 3 && fs[3] == "0A" && strings.HasSuffix(fs[1], suffix) { // 0A = LISTEN
				out = append(out, strings.TrimSuffix(fs[1], suffix))
			}
		}
	}
	return out
}

func allLoopback(hexAddrs []string) bool {
	for _, a := range hexAddrs {
		if a != "0100007F" && a != "00000000000000000000000001000000" {
			return false
		}
	}
	return true
}
