package demo

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/polywire/polywire/internal/demo/internal/manifest"
)

// Server is the demo feed server. It listens on 127.0.0.1 on a port the
// system picks and serves the embedded corpus until Close is called or the
// context given to Start is done. Its methods are safe for concurrent use.
type Server struct {
	base      string
	logger    *slog.Logger
	man       manifest.Manifest
	files     map[string]*resource
	srv       *http.Server
	done      chan struct{}
	closeOnce sync.Once
	closeErr  error
}

// DefaultAddr is where `polywire run --demo` serves the corpus. A fixed
// port keeps the article URLs — and so the stories' content — the same
// across restarts on one data directory, so a restart finds every story
// already seen instead of publishing new versions.
const DefaultAddr = "127.0.0.1:18079"

// Start loads the corpus and starts serving it on 127.0.0.1:0 (a free port).
// The server stops when ctx is done or Close is called, whichever comes
// first. A nil logger discards logs. Everything is logged at Debug
// (requests with url, method and status), except a failure of the listener
// at Error.
func Start(ctx context.Context, logger *slog.Logger) (*Server, error) {
	return StartAt(ctx, "127.0.0.1:0", logger)
}

// StartAt is Start on addr; when addr is taken it falls back to a free port
// (logged), so two demos can run side by side.
func StartAt(ctx context.Context, addr string, logger *slog.Logger) (*Server, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	man, err := loadManifest()
	if err != nil {
		return nil, err
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil && addr != "127.0.0.1:0" {
		logger.Warn("demo address taken; serving on a free port (story URLs change with it)", "addr", addr, "error", err)
		ln, err = lc.Listen(ctx, "tcp", "127.0.0.1:0")
	}
	if err != nil {
		return nil, fmt.Errorf("demo: listening on %s: %w", addr, err)
	}
	s := &Server{base: "http://" + ln.Addr().String(), logger: logger, man: man, done: make(chan struct{})}
	if s.files, err = loadResources(man, s.base); err != nil {
		_ = ln.Close() // the load error is the one worth reporting
		return nil, err
	}
	s.srv = &http.Server{Handler: s.handler(), ReadHeaderTimeout: 10 * time.Second}
	go s.serve(ln)
	go s.closeWhenDone(ctx)
	s.logger.Debug("demo feed server listening", "url", s.base, "sources", len(man.Sources), "stories", len(man.Items))
	return s, nil
}

func (s *Server) serve(ln net.Listener) {
	if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		s.logger.Error("demo feed server stopped", "error", err)
	}
}

func (s *Server) closeWhenDone(ctx context.Context) {
	select {
	case <-ctx.Done():
		if err := s.Close(); err != nil {
			s.logger.Warn("demo feed server close", "url", s.base, "error", err)
		}
	case <-s.done:
	}
}

// URL is the server's base URL, e.g. http://127.0.0.1:41234, without a
// trailing slash.
func (s *Server) URL() string { return s.base }

// Close stops the server and closes open connections. It is idempotent and
// returns the first close error.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		if err := s.srv.Close(); err != nil {
			s.closeErr = fmt.Errorf("demo: closing server %s: %w", s.base, err)
		}
		close(s.done)
	})
	return s.closeErr
}
