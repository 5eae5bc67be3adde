package httpx

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// ErrUnsupportedScheme is returned (wrapped, permanent) for a URL that is
// neither http(s) nor file.
var ErrUnsupportedScheme = errors.New("httpx: unsupported URL scheme")

// Validators are the cache validators of a previous response, sent back as
// If-None-Match / If-Modified-Since.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// IsZero reports whether v carries no validator.
func (v Validators) IsZero() bool { return v.ETag == "" && v.LastModified == "" }

// Response is a fully read, decoded response.
type Response struct {
	Status int
	// Body is the content-decoded body (gzip/br undone), at most
	// MaxBodyBytes; empty when NotModified.
	Body   []byte
	Header http.Header
	// FinalURL is the URL after redirects.
	FinalURL string
	// NotModified is true on 304: the caller's copy is current.
	NotModified bool
	// Validators of this response, to send next time. On 304 they are the
	// request's validators updated by whatever the server sent.
	Validators Validators
}

// ContentType returns the Content-Type header.
func (r *Response) ContentType() string { return r.Header.Get("Content-Type") }

// Get fetches rawURL. http(s) URLs go through the guarded transport with the
// validators as conditional headers; file:// URLs are read from disk under
// the same size limit (callers decide whether a URL may be a file: Get
// trusts its argument's scheme).
//
// Errors are classified for the pipeline: 404, 410 and other 4xx, oversized
// bodies, refused addresses, redirect loops and bad schemes are
// pipeline.Permanent; 429 and 503 are pipeline.RetryAfter with the server's
// Retry-After; other 5xx, timeouts and broken connections are plain
// (retryable) errors.
func (c *Client) Get(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	return c.GetWithHeaders(ctx, rawURL, v, nil)
}

// GetWithHeaders is Get with extra request headers (a source's headers).
func (c *Client) GetWithHeaders(ctx context.Context, rawURL string, v Validators, extra map[string]string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, permanent(fmt.Errorf("httpx: parsing url %q: %w", rawURL, err))
	}
	switch u.Scheme {
	case "file":
		return c.getFile(u)
	case "http", "https":
		return c.getHTTP(ctx, u, v, extra)
	default:
		return nil, permanent(fmt.Errorf("httpx: fetching %s: %w", rawURL, ErrUnsupportedScheme))
	}
}

func (c *Client) getHTTP(ctx context.Context, u *url.URL, v Validators, extra map[string]string) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, permanent(fmt.Errorf("httpx: building request %s: %w", u, err))
	}
	c.setHeaders(req, v, extra)
	release, err := c.hosts.acquire(ctx, u.Host)
	if err != nil {
		return nil, fmt.Errorf("httpx: waiting to fetch %s: %w", u, err)
	}
	defer release()
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, classifyTransport(u.String(), err)
	}
	defer resp.Body.Close()
	return c.readResponse(u.String(), resp, v)
}

func (c *Client) setHeaders(req *http.Request, v Validators, extra map[string]string) {
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept-Encoding", "gzip, br")
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
	for k, val := range extra {
		req.Header.Set(k, val)
	}
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
}

func (c *Client) readResponse(rawURL string, resp *http.Response, v Validators) (*Response, error) {
	out := &Response{Status: resp.StatusCode, Header: resp.Header, FinalURL: resp.Request.URL.String()}
	out.Validators = responseValidators(resp.Header, v)
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		return out, nil
	}
	if err := classifyStatus(out.FinalURL, resp); err != nil {
		return nil, err
	}
	body, err := c.readBody(resp.Body, resp.Header.Get("Content-Encoding"))
	if err != nil {
		return nil, fmt.Errorf("httpx: reading %s: %w", rawURL, err)
	}
	out.Body = body
	return out, nil
}

func responseValidators(h http.Header, prev Validators) Validators {
	v := prev
	if e := h.Get("ETag"); e != "" {
		v.ETag = e
	}
	if lm := h.Get("Last-Modified"); lm != "" {
		v.LastModified = lm
	}
	return v
}
