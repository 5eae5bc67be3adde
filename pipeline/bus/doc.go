// Package bus is the only Polywire package that imports nats.go and
// nats-server. It starts an embedded JetStream server (or connects to an
// external one), provisions the streams, consumers, KV buckets and object
// store the pipeline needs, and runs stages: decode → stage → publish → ack.
//
// Delivery is at least once. A stage's input is acked only after JetStream
// acknowledged every output. Retryable errors are redelivered with backoff;
// permanent errors, panics, undecodable input and exhausted attempts go to
// the dead-letter subject polywire.dlq.<stage>.<source> with the original
// payload and the reason. When the store itself refuses writes the runner
// acks nothing, pauses and tries again later; such deliveries do not count as
// attempts. See docs/bus.md for subjects, headers and the large-payload
// encoding that outside subscribers need to know about.
package bus
