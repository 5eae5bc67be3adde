// Package httpx is Polywire's one outbound HTTP client factory: dial and
// overall timeouts, a private-address guard applied after DNS resolution
// (redirects included), a redirect limit, a body-size limit enforced after
// content decoding (gzip, br), conditional GET, and the mapping of responses
// and transport failures onto the pipeline's two error classes.
//
// A Client is safe for concurrent use and reuses one transport; build one per
// policy (guarded, or AllowPrivate for local sources) and share it.
package httpx
