package bus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/klauspost/compress/s2"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/polywire/polywire/pipeline"
)

// Payload encoding. Payloads above CompressAbove bytes are S2-compressed
// (block format) and carry Polywire-Content-Encoding: s2. A payload that is
// still too large for one message (max_payload less 64 KiB for headers) is
// put in the object store bucket PayloadBucket under the hex SHA-256 of its
// stored bytes; the message then has an empty body and the header
// Polywire-Object: <name>. The runner reverses both before decoding.
const (
	CompressAbove  = 64 << 10
	EncodingS2     = "s2"
	headerRoom     = 64 << 10
	maxDecodedSize = 256 << 20
)

// ErrPayloadMissing means a message refers to an object that is gone (expired
// or deleted); the message can never be decoded.
var ErrPayloadMissing = errors.New("bus: payload object missing")

// encodePayload compresses and, when needed, offloads data, setting the
// matching headers on h. It returns the message body.
func (b *Bus) encodePayload(ctx context.Context, data []byte, h nats.Header) ([]byte, error) {
	body := data
	if len(data) > CompressAbove {
		body = s2.Encode(nil, data)
		h.Set(pipeline.HeaderContentEncoding, EncodingS2)
	}
	if len(body) <= b.inlineLimit() {
		return body, nil
	}
	sum := sha256.Sum256(body)
	name := hex.EncodeToString(sum[:])
	if _, err := b.objects.PutBytes(ctx, name, body); err != nil {
		return nil, fmt.Errorf("bus: storing payload object %s: %w", name, err)
	}
	h.Set(pipeline.HeaderObject, name)
	return nil, nil
}

func (b *Bus) inlineLimit() int {
	limit := int(b.nc.MaxPayload()) - headerRoom
	if limit < CompressAbove {
		limit = CompressAbove
	}
	return limit
}

// decodePayload returns the plain payload of a message with headers h and
// body data. A missing object or corrupt compression is permanent (wrapped
// pipeline.Permanent); failing to reach the object store is retryable.
func (b *Bus) decodePayload(ctx context.Context, h nats.Header, data []byte) ([]byte, error) {
	if name := h.Get(pipeline.HeaderObject); name != "" {
		obj, err := b.objects.GetBytes(ctx, name)
		if errors.Is(err, jetstream.ErrObjectNotFound) {
			return nil, pipeline.Permanent(fmt.Errorf("%w: %s", ErrPayloadMissing, name))
		}
		if err != nil {
			return nil, fmt.Errorf("bus: reading payload object %s: %w", name, err)
		}
		data = obj
	}
	switch enc := h.Get(pipeline.HeaderContentEncoding); enc {
	case "":
		return data, nil
	case EncodingS2:
		return decodeS2(data)
	default:
		return nil, pipeline.Permanentf("bus: unknown content encoding %q", enc)
	}
}

func decodeS2(data []byte) ([]byte, error) {
	n, err := s2.DecodedLen(data)
	if err != nil {
		return nil, pipeline.Permanentf("bus: corrupt s2 payload: %w", err)
	}
	if n > maxDecodedSize {
		return nil, pipeline.Permanentf("bus: s2 payload decodes to %d bytes, limit %d", n, maxDecodedSize)
	}
	out, err := s2.Decode(nil, data)
	if err != nil {
		return nil, pipeline.Permanentf("bus: corrupt s2 payload: %w", err)
	}
	return out, nil
}

// DecodePayload returns the plain payload of a message read from any
// Polywire subject (headers h, body data): it fetches an offloaded object
// and decompresses. Outside Go subscribers on the same server can use it.
func (b *Bus) DecodePayload(ctx context.Context, h nats.Header, data []byte) ([]byte, error) {
	return b.decodePayload(ctx, h, data)
}
