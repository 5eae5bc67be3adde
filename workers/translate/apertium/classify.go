package apertium

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/translate"
)

// apyError is APY's error body: {"status", "code", "message", "explanation"}.
type apyError struct {
	Message     string `json:"message"`
	Explanation string `json:"explanation"`
}

// classify turns a non-200 APY answer into an error: 429 and 5xx are
// retryable (with the Retry-After delay when given), other 4xx permanent
// (a bad or uninstalled pair will not get better by asking again).
func classify(resp *http.Response) error {
	msg := resp.Status
	var e apyError
	if decodeJSON(resp, &e) == nil && e.Explanation != "" {
		msg += ": " + e.Explanation
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxResponse))
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		err := fmt.Errorf("%w: %s", translate.ErrUnavailable, msg)
		if d := retryAfter(resp.Header.Get("Retry-After")); d > 0 {
			return pipeline.RetryAfter(err, d)
		}
		return err
	case resp.StatusCode >= 400 && strings.Contains(e.Explanation, "not installed"):
		return pipeline.Permanentf("%w: %s", translate.ErrUnsupportedPair, msg)
	case resp.StatusCode >= 400:
		return pipeline.Permanentf("rejected: %s", msg)
	default:
		return fmt.Errorf("%w: unexpected %s", translate.ErrUnavailable, msg)
	}
}

// retryAfter parses a Retry-After header in seconds or as an HTTP date.
func retryAfter(h string) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		if d := time.Until(t); d > 0 {
			return d
		}
	}
	return 0
}
