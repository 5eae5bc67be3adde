package bus

import (
	"fmt"
	"log/slog"
	"net"
	"path/filepath"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// DefaultMaxPayload is the embedded server's max_payload when Options says 0.
const DefaultMaxPayload = 8 << 20

// ServerOptions configures an embedded nats-server with JetStream.
type ServerOptions struct {
	// DataDir is the data directory; the JetStream file store lives in
	// <DataDir>/nats. Required.
	DataDir string
	// Listen is a host:port TCP listener for outside clients; port 0 picks a
	// free port. "" or "off" means no TCP listener (in-process clients only).
	Listen string
	// MaxPayload is the largest message the server accepts (default 8 MiB).
	MaxPayload int
	// MaxStore caps the JetStream file store in bytes; 0 means no limit
	// beyond the disk.
	MaxStore int64
	// Logger receives the server's log lines; nil silences the server.
	Logger *slog.Logger
}

// StartServer starts an embedded nats-server with JetStream and waits until
// it accepts connections. The caller must Shutdown and WaitForShutdown it.
func StartServer(o ServerOptions) (*server.Server, error) {
	opts, err := serverOptions(o)
	if err != nil {
		return nil, err
	}
	ns, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("bus: creating embedded server: %w", err)
	}
	if o.Logger != nil {
		ns.SetLoggerV2(&serverLogger{l: o.Logger.With("component", "nats")}, false, false, false)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		ns.Shutdown()
		ns.WaitForShutdown()
		return nil, fmt.Errorf("bus: embedded server in %s not ready after 10s", o.DataDir)
	}
	return ns, nil
}

func serverOptions(o ServerOptions) (*server.Options, error) {
	if o.DataDir == "" {
		return nil, fmt.Errorf("bus: embedded server needs a data dir")
	}
	if o.MaxPayload <= 0 {
		o.MaxPayload = DefaultMaxPayload
	}
	opts := &server.Options{
		ServerName:        "polywire",
		JetStream:         true,
		StoreDir:          filepath.Join(o.DataDir, "nats"),
		JetStreamMaxStore: o.MaxStore,
		MaxPayload:        int32(o.MaxPayload),
		NoSigs:            true,
		NoLog:             o.Logger == nil,
		DontListen:        true,
	}
	if o.Listen == "" || o.Listen == "off" {
		return opts, nil
	}
	host, port, err := splitListen(o.Listen)
	if err != nil {
		return nil, err
	}
	opts.DontListen, opts.Host, opts.Port = false, host, port
	return opts, nil
}

// splitListen parses host:port; port 0 means "any free port", which
// nats-server spells RANDOM_PORT (its 0 means the default 4222).
func splitListen(addr string) (string, int, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, fmt.Errorf("bus: parsing listen address %q: %w", addr, err)
	}
	port, err := strconv.Atoi(p)
	if err != nil || port < 0 || port > 65535 {
		return "", 0, fmt.Errorf("bus: parsing listen address %q: bad port", addr)
	}
	if port == 0 {
		port = server.RANDOM_PORT
	}
	if host == "" {
		host = "127.0.0.1"
	}
	return host, port, nil
}

// serverLogger adapts nats-server's logger interface to slog. The server's
// notices (startup banner, listeners) go to Debug: they are not ours to shout.
type serverLogger struct{ l *slog.Logger }

func (s *serverLogger) Noticef(format string, v ...any) { s.l.Debug(fmt.Sprintf(format, v...)) }
func (s *serverLogger) Warnf(format string, v ...any)   { s.l.Warn(fmt.Sprintf(format, v...)) }
func (s *serverLogger) Fatalf(format string, v ...any)  { s.l.Error(fmt.Sprintf(format, v...)) }
func (s *serverLogger) Errorf(format string, v ...any)  { s.l.Error(fmt.Sprintf(format, v...)) }
func (s *serverLogger) Debugf(format string, v ...any)  { s.l.Debug(fmt.Sprintf(format, v...)) }
func (s *serverLogger) Tracef(format string, v ...any)  { s.l.Debug(fmt.Sprintf(format, v...)) }
