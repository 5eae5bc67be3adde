package httpx_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/polywire/polywire/internal/feedtest"
	"github.com/polywire/polywire/internal/httpx"
	"github.com/polywire/polywire/pipeline"
)

func server(t *testing.T) *feedtest.Server {
	t.Helper()
	s := feedtest.New()
	t.Cleanup(s.Close)
	return s
}

func local(opts httpx.Options) *httpx.Client {
	opts.AllowPrivate = true
	return httpx.New(opts)
}

type errClass int

const (
	ok errClass = iota
	permanentErr
	retryAfterErr
	retryableErr
)

func classOf(err error) errClass {
	switch {
	case err == nil:
		return ok
	case pipeline.IsPermanent(err):
		return permanentErr
	case pipeline.RetryDelay(err) > 0:
		return retryAfterErr
	default:
		return retryableErr
	}
}

func TestGetClassifiesResponses(t *testing.T) {
	s := server(t)
	c := local(httpx.Options{Timeout: 2 * time.Second, MaxRedirects: 3})
	tests := []struct {
		name string
		path string
		want errClass
	}{
		{"ok", "/rss.xml", ok},
		{"redirect followed", "/redirect", ok},
		{"not found is permanent", "/nope", permanentErr},
		{"gone is permanent", "/410", permanentErr},
		{"server error is retryable", "/500", retryableErr},
		{"too many requests carries retry-after", "/429", retryAfterErr},
		{"timeout is retryable", "/slow", retryableErr},
		{"redirect loop is permanent", "/loop", permanentErr},
		{"truncated body is retryable", "/truncated.xml", retryableErr},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.Get(context.Background(), s.Link(tc.path), httpx.Validators{})
			if got := classOf(err); got != tc.want {
				t.Fatalf("class = %d, want %d (err %v)", got, tc.want, err)
			}
		})
	}
}

func TestRetryAfterValue(t *testing.T) {
	s := server(t)
	_, err := local(httpx.Options{}).Get(context.Background(), s.Link("/429"), httpx.Validators{})
	if d := pipeline.RetryDelay(err); d != 120*time.Second {
		t.Fatalf("retry delay = %v, want 2m", d)
	}
	var se *httpx.StatusError
	if !errors.As(err, &se) || se.Status != 429 {
		t.Fatalf("error %v does not carry status 429", err)
	}
}

func TestFinalURLAfterRedirect(t *testing.T) {
	s := server(t)
	r, err := local(httpx.Options{}).Get(context.Background(), s.Link("/redirect"), httpx.Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if r.FinalURL != s.Link("/rss.xml") {
		t.Fatalf("final url = %s", r.FinalURL)
	}
}

func TestConditionalGet(t *testing.T) {
	s := server(t)
	c := local(httpx.Options{})
	first, err := c.Get(context.Background(), s.Link("/etag.xml"), httpx.Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if first.NotModified || len(first.Body) == 0 || first.Validators.ETag != feedtest.ETag || first.Validators.LastModified == "" {
		t.Fatalf("first response: not_modified=%v body=%d validators=%+v", first.NotModified, len(first.Body), first.Validators)
	}
	second, err := c.Get(context.Background(), s.Link("/etag.xml"), first.Validators)
	if err != nil {
		t.Fatal(err)
	}
	if !second.NotModified || len(second.Body) != 0 || second.Validators != first.Validators {
		t.Fatalf("second response: not_modified=%v body=%d validators=%+v", second.NotModified, len(second.Body), second.Validators)
	}
}

func TestContentDecoding(t *testing.T) {
	s := server(t)
	c := local(httpx.Options{})
	plain, err := c.Get(context.Background(), s.Link("/rss.xml"), httpx.Validators{})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/gzip.xml", "/br.xml"} {
		t.Run(path, func(t *testing.T) {
			r, err := c.Get(context.Background(), s.Link(path), httpx.Validators{})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(r.Body, plain.Body) {
				t.Fatalf("decoded body differs from plain body (%d vs %d bytes)", len(r.Body), len(plain.Body))
			}
		})
	}
}

func TestBodyLimit(t *testing.T) {
	s := server(t)
	c := local(httpx.Options{MaxBodyBytes: 100})
	for _, path := range []string{"/rss.xml", "/gzip.xml"} {
		t.Run(path, func(t *testing.T) {
			_, err := c.Get(context.Background(), s.Link(path), httpx.Validators{})
			if !errors.Is(err, httpx.ErrTooLarge) || !pipeline.IsPermanent(err) {
				t.Fatalf("err = %v, want permanent ErrTooLarge", err)
			}
		})
	}
}

func TestPrivateAddressRefused(t *testing.T) {
	s := server(t)
	c := httpx.New(httpx.Options{Timeout: 2 * time.Second})
	_, err := c.Get(context.Background(), s.Link("/rss.xml"), httpx.Validators{})
	if !errors.Is(err, httpx.ErrPrivateAddress) || !pipeline.IsPermanent(err) {
		t.Fatalf("err = %v, want permanent ErrPrivateAddress", err)
	}
	if s.Hits("/rss.xml") != 0 {
		t.Fatal("the guarded client reached the loopback server")
	}
}

func TestIsPublic(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"8.8.8.8", true},
		{"2a00:1450:4001:80b::200e", true},
		{"127.0.0.1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false},
		{"100.64.0.1", false},
		{"0.0.0.0", false},
		{"::1", false},
		{"fd00:ec2::254", false},
		{"fe80::1", false},
		{"::ffff:127.0.0.1", false},
		{"224.0.0.1", false},
	}
	for _, tc := range tests {
		t.Run(tc.addr, func(t *testing.T) {
			if got := httpx.IsPublic(netip.MustParseAddr(tc.addr)); got != tc.want {
				t.Fatalf("IsPublic(%s) = %v", tc.addr, got)
			}
		})
	}
}

func TestFileURL(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "feed.xml")
	if err := os.WriteFile(path, []byte("<rss/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := httpx.New(httpx.Options{MaxBodyBytes: 10})
	r, err := c.Get(context.Background(), "file://"+path, httpx.Validators{})
	if err != nil || string(r.Body) != "<rss/>" {
		t.Fatalf("body %q err %v", r.Body, err)
	}
	if err := os.WriteFile(path, []byte(strings.Repeat("x", 11)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(context.Background(), "file://"+path, httpx.Validators{}); !errors.Is(err, httpx.ErrTooLarge) {
		t.Fatalf("oversized file: err = %v", err)
	}
	if _, err := c.Get(context.Background(), "file://"+filepath.Join(dir, "missing"), httpx.Validators{}); !pipeline.IsPermanent(err) {
		t.Fatalf("missing file: err = %v, want permanent", err)
	}
}

func TestUnsupportedScheme(t *testing.T) {
	_, err := httpx.New(httpx.Options{}).Get(context.Background(), "ftp://example.org/feed", httpx.Validators{})
	if !errors.Is(err, httpx.ErrUnsupportedScheme) || !pipeline.IsPermanent(err) {
		t.Fatalf("err = %v", err)
	}
}

func TestDecodeHTML(t *testing.T) {
	s := server(t)
	r, err := local(httpx.Options{}).Get(context.Background(), s.Link("/article/1.html"), httpx.Validators{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, contentType string
		body              []byte
		wantName, want    string
	}{
		{"meta charset", r.ContentType(), r.Body, "windows-1251", "Заголовок статьи"},
		{"header charset", "text/html; charset=koi8-r", []byte("<p>\xf4\xc5\xcb\xd3\xd4</p>"), "koi8-r", "Текст"},
		{"utf-8 bom", "text/html", []byte("\xef\xbb\xbf<p>Текст</p>"), "utf-8", "<p>Текст</p>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, name, err := httpx.DecodeHTML(tc.body, tc.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if name != tc.wantName || !strings.Contains(string(out), tc.want) {
				t.Fatalf("name %s, body %q", name, out)
			}
		})
	}
}

func TestSendsUserAgentAndHeaders(t *testing.T) {
	s := server(t)
	var got http.Header
	s.Handle("/echo", func(w http.ResponseWriter, r *http.Request) { got = r.Header.Clone() })
	c := local(httpx.Options{UserAgent: "test-agent"})
	if _, err := c.GetWithHeaders(context.Background(), s.Link("/echo"), httpx.Validators{}, map[string]string{"X-Key": "k"}); err != nil {
		t.Fatal(err)
	}
	if got.Get("User-Agent") != "test-agent" || got.Get("X-Key") != "k" {
		t.Fatalf("headers %v", got)
	}
}

func TestPerHostLimits(t *testing.T) {
	s := server(t)
	var mu sync.Mutex
	running, peak := 0, 0
	var starts []time.Time
	s.Handle("/held", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		running++
		peak = max(peak, running)
		starts = append(starts, time.Now())
		mu.Unlock()
		time.Sleep(20 * time.Millisecond) // overlap requests so the cap is exercised
		mu.Lock()
		running--
		mu.Unlock()
		fmt.Fprint(w, "ok")
	})
	tests := []struct {
		name    string
		per     int
		gap     time.Duration
		wantMax int
	}{
		{"two at a time", 2, 0, 2},
		{"one at a time, spaced", 1, 30 * time.Millisecond, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mu.Lock()
			peak, starts = 0, nil
			mu.Unlock()
			c := local(httpx.Options{PerHostConcurrency: tc.per, PerHostInterval: tc.gap})
			var wg sync.WaitGroup
			for range 8 {
				wg.Go(func() {
					if _, err := c.Get(context.Background(), s.Link("/held"), httpx.Validators{}); err != nil {
						t.Error(err)
					}
				})
			}
			wg.Wait()
			mu.Lock()
			defer mu.Unlock()
			if peak > tc.wantMax {
				t.Fatalf("peak concurrency %d, want at most %d", peak, tc.wantMax)
			}
			slices.SortFunc(starts, func(a, b time.Time) int { return a.Compare(b) })
			// Spacing is enforced at the client; the server sees it blurred
			// by scheduling, so check the span of all starts, with slack.
			if span, least := starts[len(starts)-1].Sub(starts[0]), 7*tc.gap-15*time.Millisecond; span < least {
				t.Fatalf("8 requests started within %v, want at least %v", span, least)
			}
		})
	}
}

func TestFreshFor(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		header http.Header
		want   time.Duration
	}{
		{"max-age", http.Header{"Cache-Control": {"public, max-age=300"}}, 5 * time.Minute},
		{"max-age wins over expires", http.Header{"Cache-Control": {"max-age=60"}, "Expires": {"Sat, 28 Nov 2026 13:00:00 GMT"}}, time.Minute},
		{"expires relative to date", http.Header{"Expires": {"Sat, 28 Nov 2026 12:10:00 GMT"}, "Date": {"Sat, 28 Nov 2026 12:05:00 GMT"}}, 5 * time.Minute},
		{"expires relative to now", http.Header{"Expires": {"Sat, 28 Nov 2026 12:10:00 GMT"}}, 10 * time.Minute},
		{"no-cache", http.Header{"Cache-Control": {"no-cache, max-age=600"}}, 0},
		{"expired", http.Header{"Expires": {"Sat, 28 Nov 2026 11:00:00 GMT"}}, 0},
		{"bad expires", http.Header{"Expires": {"0"}}, 0},
		{"nothing", http.Header{}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := &httpx.Response{Header: tc.header}
			if got := r.FreshFor(now); got != tc.want {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestRedirectToPrivateRefused: the guard runs on every dial, so a public
// host that redirects to a private address is refused at the redirect hop.
// 127.0.0.1 plays the public host here, 127.0.0.2 the private target.
func TestRedirectToPrivateRefused(t *testing.T) {
	var privateHits atomic.Int32
	private := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		privateHits.Add(1)
		io.WriteString(w, "internal metadata")
	}))
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatalf("binding 127.0.0.2 (loopback range): %v", err)
	}
	private.Listener = ln
	private.Start()
	defer private.Close()
	public := httptest.NewServer(http.RedirectHandler(private.URL+"/latest/meta-data", http.StatusFound))
	defer public.Close()

	onlyFirstLoopback := func(ip netip.Addr) bool { return ip == netip.MustParseAddr("127.0.0.1") }
	c := httpx.New(httpx.WithPublicCheck(httpx.Options{Timeout: 2 * time.Second}, onlyFirstLoopback))
	_, err = c.Get(context.Background(), public.URL+"/feed.xml", httpx.Validators{})
	if !errors.Is(err, httpx.ErrPrivateAddress) {
		t.Fatalf("err = %v, want ErrPrivateAddress at the redirect", err)
	}
	if privateHits.Load() != 0 {
		t.Fatal("the redirect reached the private server")
	}
}
