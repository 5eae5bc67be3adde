package httpx

import (
	"net/netip"
	"time"
)

// Defaults applied by New to zero Options fields.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBodyBytes = 16 << 20
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "Polywire/1 (+news syndication; respects robots)"
	// DefaultPerHostConcurrency bounds simultaneous requests to one host.
	DefaultPerHostConcurrency = 4
)

// Options configure a Client. Zero fields take the Default* values.
type Options struct {
	// Timeout bounds a whole request: dial, TLS, headers and body.
	Timeout time.Duration
	// MaxBodyBytes bounds the decoded body; a larger body is a permanent
	// error (ErrTooLarge).
	MaxBodyBytes int64
	// MaxRedirects bounds redirects per request; one more is a permanent
	// error (ErrTooManyRedirects).
	MaxRedirects int
	// UserAgent is sent with every request.
	UserAgent string
	// AllowPrivate lets the client connect to loopback, private,
	// link-local and other non-public addresses. Off by default: links in
	// feeds are hostile input.
	AllowPrivate bool
	// PerHostConcurrency bounds simultaneous requests to one host (port
	// included) through this client; PerHostInterval is the least time
	// between the starts of two requests to one host (0: none). Share one
	// client between sources so the limits hold across them.
	PerHostConcurrency int
	PerHostInterval    time.Duration

	// isPublic replaces IsPublic in the dial guard (tests only: it lets a
	// loopback server play a public host).
	isPublic func(netip.Addr) bool
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.PerHostConcurrency <= 0 {
		o.PerHostConcurrency = DefaultPerHostConcurrency
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	return o
}
