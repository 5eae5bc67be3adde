package httpx

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/polywire/polywire/pipeline"
)

// StatusError is a non-success HTTP status; it is wrapped in the error class
// the status implies.
type StatusError struct {
	URL    string
	Status int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("httpx: %s: status %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// defaultRetryAfter is used for 429/503 without a usable Retry-After.
const defaultRetryAfter = time.Minute

// maxRetryAfter caps what a server may ask for.
const maxRetryAfter = 6 * time.Hour

func permanent(err error) error { return pipeline.Permanent(err) }

// classifyStatus maps a response status to nil (2xx) or an error class.
func classifyStatus(url string, resp *http.Response) error {
	code := resp.StatusCode
	if code >= 200 && code < 300 {
		return nil
	}
	err := &StatusError{URL: url, Status: code}
	switch {
	case code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable:
		return pipeline.RetryAfter(err, parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()))
	case code == http.StatusRequestTimeout:
		return err
	case code >= 500:
		return err
	default: // 3xx left over (no Location), 4xx
		return permanent(err)
	}
}

// parseRetryAfter reads delta-seconds or an HTTP date, capped; missing or
// unparseable values give defaultRetryAfter.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return defaultRetryAfter
	}
	var d time.Duration
	if secs, err := strconv.Atoi(v); err == nil {
		d = time.Duration(secs) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	} else {
		return defaultRetryAfter
	}
	return min(max(d, time.Second), maxRetryAfter)
}

// classifyTransport maps a client.Do error: policy refusals (private
// address, redirect loop, bad scheme) are permanent; everything else
// (timeouts, resets, DNS failures, cancellation) is retryable.
func classifyTransport(url string, err error) error {
	wrapped := fmt.Errorf("httpx: fetching %s: %w", url, err)
	if errors.Is(err, ErrPrivateAddress) || errors.Is(err, ErrTooManyRedirects) || errors.Is(err, ErrUnsupportedScheme) {
		return permanent(wrapped)
	}
	return wrapped
}
