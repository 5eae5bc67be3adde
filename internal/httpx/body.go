package httpx

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	"github.com/andybalholm/brotli"
)

// ErrTooLarge is returned (wrapped, permanent) when a body exceeds
// MaxBodyBytes after decoding.
var ErrTooLarge = errors.New("httpx: body too large")

// readBody undoes the content encoding and reads at most MaxBodyBytes of
// the decoded stream, so a compression bomb stops at the limit too.
func (c *Client) readBody(r io.Reader, encoding string) ([]byte, error) {
	dec, err := decoder(r, encoding)
	if err != nil {
		return nil, err
	}
	return readLimited(dec, c.opts.MaxBodyBytes)
}

func decoder(r io.Reader, encoding string) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
		return r, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		return zr, nil
	case "br":
		return brotli.NewReader(r), nil
	default:
		return nil, permanent(fmt.Errorf("content encoding %q not supported", encoding))
	}
}

func readLimited(r io.Reader, max int64) ([]byte, error) {
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if n > max {
		return nil, permanent(fmt.Errorf("more than %d bytes: %w", max, ErrTooLarge))
	}
	return buf.Bytes(), nil
}

// getFile reads a file:// URL (file:///abs/path or file:rel/path).
func (c *Client) getFile(u *url.URL) (*Response, error) {
	path := u.Path
	if path == "" {
		path = u.Opaque
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, permanent(fmt.Errorf("httpx: opening %s: %w", u, err))
	}
	defer f.Close()
	body, err := readLimited(f, c.opts.MaxBodyBytes)
	if err != nil {
		return nil, fmt.Errorf("httpx: reading %s: %w", u, err)
	}
	return &Response{Status: 200, Body: body, Header: fileHeader(path), FinalURL: u.String()}, nil
}

func fileHeader(path string) map[string][]string {
	ct := ""
	switch {
	case strings.HasSuffix(path, ".json"):
		ct = "application/json"
	case strings.HasSuffix(path, ".html"), strings.HasSuffix(path, ".htm"):
		ct = "text/html"
	case strings.HasSuffix(path, ".xml"), strings.HasSuffix(path, ".rss"), strings.HasSuffix(path, ".atom"):
		ct = "application/xml"
	}
	if ct == "" {
		return map[string][]string{}
	}
	return map[string][]string{"Content-Type": {ct}}
}
