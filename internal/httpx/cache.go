package httpx

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// FreshFor is how long the response says it stays fresh: Cache-Control
// max-age (s-maxage is for shared caches and ignored), else Expires minus
// Date (or minus now without Date). Zero when the response says nothing,
// forbids caching (no-store, no-cache) or is already stale. The fetcher
// does not poll a feed again before it is stale.
func (r *Response) FreshFor(now time.Time) time.Duration {
	if r == nil || r.Header == nil {
		return 0
	}
	cc := strings.ToLower(r.Header.Get("Cache-Control"))
	if strings.Contains(cc, "no-store") || strings.Contains(cc, "no-cache") {
		return 0
	}
	for _, part := range strings.Split(cc, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		if k == "max-age" {
			secs, err := strconv.Atoi(strings.Trim(v, `"`))
			if err != nil || secs <= 0 {
				return 0
			}
			return min(time.Duration(secs)*time.Second, maxRetryAfter)
		}
	}
	exp, err := http.ParseTime(r.Header.Get("Expires"))
	if err != nil {
		return 0
	}
	base := now
	if d, err := http.ParseTime(r.Header.Get("Date")); err == nil {
		base = d
	}
	return min(max(exp.Sub(base), 0), maxRetryAfter)
}
