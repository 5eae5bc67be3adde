package apertium

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultModesDir is where Debian's apertium-* pair packages install their
// mode files.
const DefaultModesDir = "/usr/share/apertium/modes"

// DefaultStartWait bounds how long StartAPY waits for /listPairs to answer.
const DefaultStartWait = 30 * time.Second

// ErrNotInstalled: apertium-apy is not on PATH.
var ErrNotInstalled = errors.New("apertium-apy is not installed (Debian: apt-get install apertium-apy apertium-eng-spa)")

// StartOptions configure StartAPY.
type StartOptions struct {
	// Port to listen on, on loopback; 0 picks a free one.
	Port int
	// ModesDir holds the pairs' *.mode files (default DefaultModesDir).
	ModesDir string
	// Wait bounds the wait for the server to answer (default DefaultStartWait).
	Wait   time.Duration
	Logger *slog.Logger
}

// Server is an apertium-apy process started by StartAPY.
type Server struct {
	// URL is the server's base URL, e.g. http://127.0.0.1:40123.
	URL  string
	cmd  *exec.Cmd
	done chan struct{}
	out  *tailBuffer
	once sync.Once
	err  error
}

// StartAPY starts apertium-apy on a loopback port and returns once
// GET /listPairs answers. The server binds to 127.0.0.1 only (APY itself
// binds every interface; a small launcher narrows it, and only if the
// launcher cannot run is APY started plainly, with a warning). An
// apertium-apy missing from PATH is an error wrapping ErrNotInstalled.
// Stop the server with Stop; it also dies with the parent process on Linux.
func StartAPY(ctx context.Context, o StartOptions) (*Server, error) {
	bin, err := exec.LookPath("apertium-apy")
	if err != nil {
		return nil, fmt.Errorf("apertium: %w", ErrNotInstalled)
	}
	o = startDefaults(o)
	if o.Port != 0 {
		return startOn(ctx, bin, o)
	}
	// A port picked free may be taken before APY binds it: try a few.
	for try := 0; ; try++ {
		if o.Port, err = freePort(); err != nil {
			return nil, fmt.Errorf("apertium: picking a port: %w", err)
		}
		s, err := startOn(ctx, bin, o)
		if err == nil || !errors.Is(err, errExited) || try == 2 {
			return s, err
		}
		o.Logger.Warn("apertium: apertium-apy exited at start, trying another port", "error", err)
	}
}

// startOn starts APY on o.Port through the loopback launcher, falling back
// to running it plainly if the launcher dies.
func startOn(ctx context.Context, bin string, o StartOptions) (*Server, error) {
	s, err := startWith(ctx, loopbackCommand(bin, o), o)
	if errors.Is(err, errExited) && !portTaken(o.Port) {
		o.Logger.Warn("apertium: loopback launcher failed, starting apertium-apy on all interfaces", "error", err)
		s, err = startWith(ctx, exec.Command(bin, "-p", strconv.Itoa(o.Port), o.ModesDir), o)
	}
	return s, err
}

// portTaken reports whether something already listens on the loopback port
// (then the launcher died for that, not for being unable to run).
func portTaken(port int) bool {
	c, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), time.Second)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

func startDefaults(o StartOptions) StartOptions {
	if o.ModesDir == "" {
		o.ModesDir = DefaultModesDir
	}
	if o.Wait <= 0 {
		o.Wait = DefaultStartWait
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

var errExited = errors.New("apertium-apy exited")

// startWith runs cmd and waits until it answers, exits or o.Wait passes.
func startWith(ctx context.Context, cmd *exec.Cmd, o StartOptions) (*Server, error) {
	s := &Server{URL: "http://127.0.0.1:" + strconv.Itoa(o.Port), cmd: cmd, done: make(chan struct{}), out: &tailBuffer{max: 8 << 10}}
	cmd.Stdout, cmd.Stderr = s.out, s.out
	cmd.Env = utf8Env(os.Environ())
	setProcAttr(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("apertium: starting %s: %w", cmd.Path, err)
	}
	go func() { s.err = cmd.Wait(); close(s.done) }()
	o.Logger.Info("apertium: started apertium-apy", "url", s.URL, "pid", cmd.Process.Pid, "modes", o.ModesDir)
	if err := s.waitReady(ctx, o.Wait); err != nil {
		_ = s.Stop()
		return nil, err
	}
	return s, nil
}

func (s *Server) waitReady(ctx context.Context, wait time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		if answers(ctx, s.URL) {
			return nil
		}
		select {
		case <-s.done:
			return fmt.Errorf("apertium: %w (%v): %s", errExited, s.err, s.out.String())
		case <-ctx.Done():
			return fmt.Errorf("apertium: waiting for %s/listPairs: %w: %s", s.URL, ctx.Err(), s.out.String())
		case <-tick.C:
		}
	}
}

// Stop ends the server and its translation pipelines (SIGTERM to its process
// group, SIGKILL after 5 s) and waits for it. It is safe to call twice.
func (s *Server) Stop() error {
	s.once.Do(func() {
		terminate(s.cmd)
		select {
		case <-s.done:
		case <-time.After(5 * time.Second):
			kill(s.cmd)
			<-s.done
		}
	})
	return nil
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

var utf8Locale = regexp.MustCompile(`(?i)UTF-?8`)

// utf8Env makes sure APY sees a UTF-8 locale, which it refuses to run without.
func utf8Env(env []string) []string {
	for _, kv := range env {
		if (strings.HasPrefix(kv, "LANG=") || strings.HasPrefix(kv, "LC_ALL=")) && utf8Locale.MatchString(kv) {
			return env
		}
	}
	return append(env, "LC_ALL=C.UTF-8")
}

// tailBuffer keeps the last max bytes written to it, for error messages.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func (b *tailBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if len(b.buf) > b.max {
		b.buf = b.buf[len(b.buf)-b.max:]
	}
	return len(p), nil
}

func (b *tailBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}
