package httpx

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// ErrPrivateAddress is returned (wrapped, permanent) when a request would
// connect to a non-public address and the client does not allow it.
var ErrPrivateAddress = errors.New("httpx: address not public")

// extra ranges that netip's predicates do not cover.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),  // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"), // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),   // reserved
	netip.MustParsePrefix("64:ff9b::/96"),  // NAT64 can reach private v4
	netip.MustParsePrefix("2001:db8::/32"), // documentation
	netip.MustParsePrefix("0.0.0.0/8"),     // "this network"
	netip.MustParsePrefix("255.255.255.255/32"),
}

// IsPublic reports whether ip is a routable public unicast address: not
// loopback, private (RFC 1918, ULA), link-local (cloud metadata lives at
// 169.254.169.254), multicast, unspecified or reserved.
func IsPublic(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// guardControl is a net.Dialer.Control: it runs after DNS resolution, on the
// address actually dialled, so a public name resolving to a private address
// (DNS rebinding) is refused too, on every redirect hop.
func guardControl(isPublic func(netip.Addr) bool) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return fmt.Errorf("httpx: dialing %s: %w", address, ErrPrivateAddress)
		}
		if !isPublic(ap.Addr()) {
			return fmt.Errorf("httpx: dialing %s %s: %w", network, address, ErrPrivateAddress)
		}
		return nil
	}
}

func newDialer(opts Options) *net.Dialer {
	d := &net.Dialer{Timeout: dialTimeout, KeepAlive: keepAlive}
	if !opts.AllowPrivate {
		check := opts.isPublic
		if check == nil {
			check = IsPublic
		}
		d.Control = guardControl(check)
	}
	return d
}
