package apertium

import "testing"

// TestLoopbackPort checks which URLs EnsureAPY may start a server for,
// without any network traffic.
func TestLoopbackPort(t *testing.T) {
	tests := []struct {
		name, url string
		port      int
		ok        bool
	}{
		{"default port", "http://127.0.0.1", 2737, true},
		{"explicit port", "http://127.0.0.1:40123/", 40123, true},
		{"localhost", "http://localhost:2737", 2737, true},
		{"ipv6 loopback", "http://[::1]:2738", 2738, true},
		{"remote host", "http://apy.example.org:2737", 0, false},
		{"private address", "http://10.1.2.3:2737", 0, false},
		{"port out of range", "http://127.0.0.1:99999", 0, false},
		{"unparsable", "http://%zz", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			port, err := loopbackPort(tc.url)
			if (err == nil) != tc.ok || port != tc.port {
				t.Fatalf("loopbackPort(%q) = %d, %v; want %d, ok=%v", tc.url, port, err, tc.port, tc.ok)
			}
		})
	}
}
