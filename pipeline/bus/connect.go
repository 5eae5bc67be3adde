package bus

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
)

// Options configures Open. Zero values take the documented defaults.
type Options struct {
	// URL of an external NATS server; "" starts an embedded one.
	URL string
	// DataDir holds the embedded server's file store (<DataDir>/nats).
	DataDir string
	// Listen is the embedded server's TCP listener for outside subscribers,
	// e.g. "127.0.0.1:4222" (port 0: any free port); "" or "off": none.
	Listen string
	// MaxPayload is the embedded server's max_payload (default 8 MiB).
	MaxPayload int
	// MaxStore caps the embedded JetStream store in bytes (0: disk size).
	MaxStore int64
	// MaxAttempts is how many deliveries a message gets before it is
	// dead-lettered (default 5).
	MaxAttempts int
	// Backoff is the redelivery delay after the n-th failed attempt; the
	// last value repeats (default 1s, 5s, 30s, 2m).
	Backoff []time.Duration
	// Retention is the MaxAge of the story, dead-letter and event streams
	// (default 720h).
	Retention time.Duration
	// Logger is required in production; nil discards logs.
	Logger *slog.Logger
	// Registerer receives the per-stage metrics; nil registers nothing.
	Registerer prometheus.Registerer
}

func (o *Options) setDefaults() {
	if o.MaxPayload <= 0 {
		o.MaxPayload = DefaultMaxPayload
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 5
	}
	if len(o.Backoff) == 0 {
		o.Backoff = []time.Duration{time.Second, 5 * time.Second, 30 * time.Second, 2 * time.Minute}
	}
	if o.Retention <= 0 {
		o.Retention = 720 * time.Hour
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

// Bus is a connection to JetStream with Polywire's streams provisioned. It
// is safe for concurrent use. Close it once.
type Bus struct {
	opts    Options
	ns      *server.Server // nil when connected to an external server
	nc      *nats.Conn
	js      jetstream.JetStream
	objects jetstream.ObjectStore
	metrics *metrics
	log     *slog.Logger
	lock    *os.File // the data dir lock of an embedded server
}

// Open starts the embedded server (Options.URL empty) or connects to
// Options.URL, then provisions streams and the payload object store
// idempotently. On error nothing is left running.
func Open(ctx context.Context, o Options) (*Bus, error) {
	o.setDefaults()
	b := &Bus{opts: o, log: o.Logger.With("component", "bus")}
	err := b.connect()
	if err == nil {
		b.metrics, err = newMetrics(o.Registerer)
	}
	if err == nil {
		err = b.provision(ctx)
	}
	if err != nil {
		_ = b.Close()
		return nil, err
	}
	return b, nil
}

func (b *Bus) connect() error {
	if b.opts.URL != "" {
		nc, err := nats.Connect(b.opts.URL, nats.Name("polywire"), nats.MaxReconnects(-1),
			nats.ReconnectWait(time.Second))
		if err != nil {
			return fmt.Errorf("bus: connecting to %s: %w", b.opts.URL, err)
		}
		return b.useConn(nc)
	}
	lock, err := lockDataDir(b.opts.DataDir)
	if err != nil {
		return err
	}
	b.lock = lock
	ns, err := StartServer(ServerOptions{DataDir: b.opts.DataDir, Listen: b.opts.Listen,
		MaxPayload: b.opts.MaxPayload, MaxStore: b.opts.MaxStore, Logger: b.opts.Logger})
	if err != nil {
		return err
	}
	b.ns = ns
	nc, err := nats.Connect("", nats.InProcessServer(ns), nats.Name("polywire"))
	if err != nil {
		return fmt.Errorf("bus: connecting in-process: %w", err)
	}
	return b.useConn(nc)
}

func (b *Bus) useConn(nc *nats.Conn) error {
	b.nc = nc
	js, err := jetstream.New(nc)
	if err != nil {
		return fmt.Errorf("bus: opening jetstream: %w", err)
	}
	b.js = js
	return nil
}

// Close drains the connection (in-flight publishes and acks complete) and
// shuts the embedded server down, waiting until its store is closed.
func (b *Bus) Close() error {
	var err error
	if b.nc != nil && !b.nc.IsClosed() {
		err = drain(b.nc, 10*time.Second)
	}
	if b.ns != nil {
		b.ns.Shutdown()
		b.ns.WaitForShutdown()
	}
	if b.lock != nil {
		b.lock.Close() // releases the flock
		b.lock = nil
	}
	return err
}

func drain(nc *nats.Conn, timeout time.Duration) error {
	if !nc.IsConnected() {
		nc.Close() // nothing can be flushed to a server we cannot reach
		return nil
	}
	closed := make(chan struct{})
	nc.SetClosedHandler(func(*nats.Conn) { close(closed) })
	if err := nc.Drain(); err != nil {
		nc.Close()
		return fmt.Errorf("bus: draining connection: %w", err)
	}
	select {
	case <-closed:
		return nil
	case <-time.After(timeout):
		nc.Close()
		return fmt.Errorf("bus: draining connection: timed out after %s", timeout)
	}
}

// ClientURL is the URL outside clients use: the embedded server's TCP
// listener ("" when it has none) or the external URL.
func (b *Bus) ClientURL() string {
	if b.ns == nil {
		return b.opts.URL
	}
	if b.ns.Addr() == nil {
		return ""
	}
	return b.ns.ClientURL()
}

// Conn returns the underlying NATS connection.
func (b *Bus) Conn() *nats.Conn { return b.nc }

// JetStream returns the JetStream context.
func (b *Bus) JetStream() jetstream.JetStream { return b.js }

// Server returns the embedded server, or nil when connected to a URL.
func (b *Bus) Server() *server.Server { return b.ns }
