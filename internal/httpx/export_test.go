package httpx

import "net/netip"

// WithPublicCheck returns o with the dial guard's notion of "public"
// replaced, so a loopback test server can play a public host.
func WithPublicCheck(o Options, isPublic func(netip.Addr) bool) Options {
	o.isPublic = isPublic
	return o
}
