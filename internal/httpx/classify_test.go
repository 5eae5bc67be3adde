package httpx

import (
	"testing"
	"time"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, in string
		want     time.Duration
	}{
		{"seconds", "120", 2 * time.Minute},
		{"http date", "Sat, 28 Nov 2026 12:05:00 GMT", 5 * time.Minute},
		{"date in the past", "Sat, 28 Nov 2026 11:00:00 GMT", time.Second},
		{"missing", "", defaultRetryAfter},
		{"garbage", "soon", defaultRetryAfter},
		{"capped", "99999999", maxRetryAfter},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := parseRetryAfter(tc.in, now); got != tc.want {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}
