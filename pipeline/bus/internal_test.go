package bus

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/s2"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/polywire/polywire/pipeline"
)

func TestSplitListen(t *testing.T) {
	tests := []struct {
		name, addr, host string
		port             int
		bad              bool
	}{
		{name: "loopback default port", addr: "127.0.0.1:4222", host: "127.0.0.1", port: 4222},
		{name: "any free port", addr: "127.0.0.1:0", host: "127.0.0.1", port: server.RANDOM_PORT},
		{name: "empty host is loopback", addr: ":4333", host: "127.0.0.1", port: 4333},
		{name: "ipv6", addr: "[::1]:4222", host: "::1", port: 4222},
		{name: "no port", addr: "localhost", bad: true},
		{name: "port out of range", addr: "127.0.0.1:70000", bad: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			host, port, err := splitListen(tc.addr)
			if tc.bad != (err != nil) {
				t.Fatalf("err = %v, want error %v", err, tc.bad)
			}
			if !tc.bad && (host != tc.host || port != tc.port) {
				t.Errorf("got %s %d, want %s %d", host, port, tc.host, tc.port)
			}
		})
	}
}

func TestBackoff(t *testing.T) {
	b := &Bus{opts: Options{Backoff: []time.Duration{time.Second, 5 * time.Second, 30 * time.Second}}}
	tests := []struct {
		name    string
		attempt int
		err     error
		want    time.Duration
	}{
		{"first failure", 1, errors.New("x"), time.Second},
		{"second failure", 2, errors.New("x"), 5 * time.Second},
		{"past the table repeats the last", 9, errors.New("x"), 30 * time.Second},
		{"retry-after larger wins", 1, pipeline.RetryAfter(errors.New("429"), time.Minute), time.Minute},
		{"retry-after smaller loses", 3, pipeline.RetryAfter(errors.New("429"), time.Second), 30 * time.Second},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := b.backoff(tc.attempt, tc.err); got != tc.want {
				t.Errorf("backoff = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestIsStoreUnavailable(t *testing.T) {
	api := func(code int, errCode jetstream.ErrorCode) error {
		return fmt.Errorf("bus: publishing: %w", &jetstream.APIError{Code: code, ErrorCode: errCode})
	}
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"insufficient resources", api(503, 10023), true},
		{"storage resources exceeded", api(500, 10047), true},
		{"stream store failed", api(503, 10077), true},
		{"account limits", api(400, 10002), true},
		{"no stream", fmt.Errorf("x: %w", jetstream.ErrNoStreamResponse), true},
		{"timeout", context.DeadlineExceeded, true},
		{"connection closed", nats.ErrConnectionClosed, true},
		{"message too large", api(400, jetstream.JSErrCodeStreamMessageExceedsMaximum), false},
		{"bad request", api(400, jetstream.JSErrCodeBadRequest), false},
		{"stage error", errors.New("engine down"), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsStoreUnavailable(tc.err); got != tc.want {
				t.Errorf("IsStoreUnavailable(%v) = %v, want %v", tc.err, got, tc.want)
			}
		})
	}
}

func TestCleanReason(t *testing.T) {
	long := strings.Repeat("ж", 2000)
	tests := []struct{ name, in, want string }{
		{"newlines become spaces", "a\nb\r\n  c", "a b c"},
		{"long is cut on a rune boundary", long, strings.Repeat("ж", maxReasonLen/2) + "…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanReason(tc.in); got != tc.want {
				t.Errorf("cleanReason = %.60q…, want %.60q…", got, tc.want)
			}
		})
	}
}

func TestStreamFor(t *testing.T) {
	tests := []struct{ subject, want string }{
		{"polywire.raw.>", StreamStories},
		{"polywire.tagged.ru.tass", StreamStories},
		{"polywire-jobs.fetch.>", StreamJobs},
		{"polywire.dlq.extract.>", StreamDLQ},
		{"polywire.events.source.tass", StreamEvents},
		{"elsewhere.>", ""},
		{"polywirex.raw.>", ""},
	}
	for _, tc := range tests {
		t.Run(tc.subject, func(t *testing.T) {
			if got := streamFor(tc.subject); got != tc.want {
				t.Errorf("streamFor = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestDecodePayloadRejectsBadEncodings(t *testing.T) {
	bomb := s2.Encode(nil, make([]byte, 1<<20))
	tests := []struct {
		name     string
		encoding string
		data     []byte
		want     string
	}{
		{"unknown encoding", "br", []byte("x"), "unknown content encoding"},
		{"corrupt s2", EncodingS2, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, "corrupt s2"},
		{"truncated s2", EncodingS2, bomb[:len(bomb)/2], "corrupt s2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := nats.Header{}
			h.Set(pipeline.HeaderContentEncoding, tc.encoding)
			_, err := (&Bus{}).decodePayload(context.Background(), h, tc.data)
			if err == nil || !pipeline.IsPermanent(err) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want a permanent error containing %q", err, tc.want)
			}
		})
	}
}

func FuzzDecodeS2(f *testing.F) {
	f.Add(s2.Encode(nil, []byte("<html>Токио</html>")))
	f.Add([]byte{0x00})
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := decodeS2(data)
		if err == nil && len(out) > maxDecodedSize {
			t.Fatalf("decoded %d bytes past the limit", len(out))
		}
	})
}
