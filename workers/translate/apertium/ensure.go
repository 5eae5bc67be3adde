package apertium

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// EnsureAPY makes sure an APY server answers at rawURL. When one already
// answers it returns a no-op stop. Otherwise, for a loopback URL with an
// explicit or default port, it starts apertium-apy on that port with the
// Debian modes (see StartAPY), waits up to DefaultStartWait for /listPairs,
// and returns a stop func that ends it. A missing apertium-apy is an error
// wrapping ErrNotInstalled; a non-loopback URL that does not answer is an
// error (we never start servers for remote addresses).
func EnsureAPY(ctx context.Context, rawURL string, logger *slog.Logger) (stop func() error, err error) {
	noop := func() error { return nil }
	if rawURL == "" {
		rawURL = DefaultURL
	}
	if answers(ctx, rawURL) {
		return noop, nil
	}
	port, err := loopbackPort(rawURL)
	if err != nil {
		return nil, err
	}
	s, err := StartAPY(ctx, StartOptions{Port: port, Logger: logger})
	if err != nil {
		return nil, err
	}
	return s.Stop, nil
}

// loopbackPort returns the port of a loopback http URL.
func loopbackPort(rawURL string) (int, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return 0, fmt.Errorf("apertium: parsing url %q: %w", rawURL, err)
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return 0, fmt.Errorf("apertium: nothing answers at %s and it is not a loopback address to start apertium-apy on", rawURL)
	}
	p := u.Port()
	if p == "" {
		p = "2737"
	}
	port, err := strconv.Atoi(p)
	if err != nil || port <= 0 || port > 65535 {
		return 0, fmt.Errorf("apertium: bad port in url %q", rawURL)
	}
	return port, nil
}

// answers reports whether GET /listPairs at base answers 200 within 2 s.
func answers(ctx context.Context, base string) bool {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, trimSlash(base)+"/listPairs", nil)
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

func trimSlash(s string) string {
	for len(s) > 0 && s[len(s)-1] == '/' {
		s = s[:len(s)-1]
	}
	return s
}
