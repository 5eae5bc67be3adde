package httpx

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

const (
	dialTimeout = 10 * time.Second
	keepAlive   = 30 * time.Second
)

// ErrTooManyRedirects is returned (wrapped, permanent) when a request is
// redirected more than Options.MaxRedirects times.
var ErrTooManyRedirects = errors.New("httpx: too many redirects")

// Client is a policy (timeouts, limits, address guard) over one reused
// transport. It is safe for concurrent use.
type Client struct {
	opts  Options
	hc    *http.Client
	hosts *hostLimits
}

// New returns a Client with opts (zero fields take defaults). Its transport
// ignores proxy environment variables (a proxy would bypass the address
// guard) and does not decompress on its own: Get asks for gzip and br and
// decodes them under the body limit.
func New(opts Options) *Client {
	opts = opts.withDefaults()
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           newDialer(opts).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          64,
		MaxIdleConnsPerHost:   4,
		MaxConnsPerHost:       max(opts.PerHostConcurrency, 8),
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opts.Timeout,
		DisableCompression:    true,
	}
	hc := &http.Client{Transport: tr, Timeout: opts.Timeout, CheckRedirect: checkRedirect(opts.MaxRedirects)}
	return &Client{opts: opts, hc: hc, hosts: newHostLimits(opts.PerHostConcurrency, opts.PerHostInterval)}
}

// Options returns the client's effective options.
func (c *Client) Options() Options { return c.opts }

func checkRedirect(max int) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) > max {
			return fmt.Errorf("httpx: after %d redirects at %s: %w", max, req.URL, ErrTooManyRedirects)
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("httpx: redirect to %s: %w", req.URL, ErrUnsupportedScheme)
		}
		return nil
	}
}
