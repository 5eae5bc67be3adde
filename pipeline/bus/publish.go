package bus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/polywire/polywire/pipeline"
)

// HeaderReplay marks a message republished by Replay. The runner carries it
// to the outputs and appends it to their Nats-Msg-Id, so reprocessed outputs
// are not swallowed by the duplicate window.
const HeaderReplay = "Polywire-Replay"

// PubAck is JetStream's acknowledgement of a publish.
type PubAck struct {
	Stream string
	Seq    uint64
	// Duplicate is true when the Nats-Msg-Id was seen within the duplicate
	// window: nothing new was stored and Seq is the original's.
	Duplicate bool
}

// Publish JSON-encodes m and publishes it to subject with Nats-Msg-Id msgID
// and the Polywire-* headers from m.Meta(), then waits for JetStream's ack.
// Large payloads are compressed or offloaded (see payload.go). A nil error
// means the message is stored (or was already, see PubAck.Duplicate).
func (b *Bus) Publish(ctx context.Context, subject, msgID string, m pipeline.Message) (PubAck, error) {
	data, err := json.Marshal(m)
	if err != nil {
		return PubAck{}, fmt.Errorf("bus: encoding message for %s: %w", subject, err)
	}
	h := metaHeaders(m.Meta())
	h.Set(pipeline.HeaderMsgID, msgID)
	return b.publishData(ctx, subject, h, data)
}

// PublishOutput publishes m as the output of stage to
// polywire.<kind>.<lang>.<source> with Nats-Msg-Id <id>:<version>:<stage>.
func (b *Bus) PublishOutput(ctx context.Context, kind, stage string, m pipeline.Message) (PubAck, error) {
	meta := m.Meta()
	return b.Publish(ctx, pipeline.Subject(kind, meta.Language, meta.Source),
		pipeline.MsgID(meta.StoryID, meta.Version, stage), m)
}

// PublishJob publishes a fetch job to polywire-jobs.fetch.<source>. Its
// Nats-Msg-Id is job-<source>-<slot> (the job's Meta().StoryID), so two
// schedulers that publish the same slot within DuplicateWindow make one job.
func (b *Bus) PublishJob(ctx context.Context, job *pipeline.FetchJob) (PubAck, error) {
	return b.Publish(ctx, pipeline.JobSubject(job.Source), job.Meta().StoryID, job)
}

// PublishEvent publishes a source health event (any JSON value) to
// polywire.events.source.<source>. Events are not deduplicated.
func (b *Bus) PublishEvent(ctx context.Context, source string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("bus: encoding event for %s: %w", source, err)
	}
	h := nats.Header{}
	h.Set(pipeline.HeaderSource, source)
	_, err = b.publishData(ctx, pipeline.EventSubject(source), h, data)
	return err
}

// publishData encodes the payload (compression, object store) and publishes.
func (b *Bus) publishData(ctx context.Context, subject string, h nats.Header, data []byte) (PubAck, error) {
	body, err := b.encodePayload(ctx, data, h)
	if err != nil {
		return PubAck{}, err
	}
	return b.publishRaw(ctx, &nats.Msg{Subject: subject, Header: h, Data: body})
}

// publishRaw publishes an already encoded message and waits for the ack.
func (b *Bus) publishRaw(ctx context.Context, msg *nats.Msg) (PubAck, error) {
	ack, err := b.js.PublishMsg(ctx, msg)
	if err != nil {
		return PubAck{}, fmt.Errorf("bus: publishing to %s: %w", msg.Subject, err)
	}
	return PubAck{Stream: ack.Stream, Seq: ack.Sequence, Duplicate: ack.Duplicate}, nil
}

// JetStream error codes (nats-server jetstream_errors_generated.go) that mean
// the store cannot take writes.
const (
	errAccountResources      jetstream.ErrorCode = 10002
	errInsufficientResources jetstream.ErrorCode = 10023
	errMemoryResources       jetstream.ErrorCode = 10028
	errStorageResources      jetstream.ErrorCode = 10047
	errStreamStoreFailed     jetstream.ErrorCode = 10077
)

func metaHeaders(meta pipeline.Meta) nats.Header {
	h := nats.Header{}
	h.Set(pipeline.HeaderStoryID, meta.StoryID)
	h.Set(pipeline.HeaderVersion, strconv.Itoa(meta.Version))
	h.Set(pipeline.HeaderSource, meta.Source)
	if meta.URL != "" {
		h.Set(pipeline.HeaderURL, meta.URL)
	}
	return h
}

// IsStoreUnavailable reports whether err means JetStream could not store a
// message for reasons that are not the message's fault: no space (insufficient
// resources, stream or account limits), no JetStream responder, a timeout or
// a lost connection. Such publishes are retried later and never dead-lettered.
func IsStoreUnavailable(err error) bool {
	var apiErr *jetstream.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.ErrorCode {
		case jetstream.JSErrCodeStreamMessageExceedsMaximum, jetstream.JSErrCodeBadRequest:
			return false
		case errAccountResources, errInsufficientResources, errMemoryResources,
			errStorageResources, errStreamStoreFailed:
			return true
		}
		return apiErr.Code >= 500
	}
	return errors.Is(err, jetstream.ErrNoStreamResponse) || errors.Is(err, nats.ErrNoResponders) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, nats.ErrTimeout) ||
		errors.Is(err, nats.ErrConnectionClosed) || errors.Is(err, nats.ErrConnectionDraining) ||
		errors.Is(err, nats.ErrDisconnected)
}

// Rejected is an input that a stage could not use but that did not arrive
// as a message of its own (an unreadable file in an agency drop directory),
// so the runner cannot dead-letter it: the stage reports it through
// PublishDeadLetter instead.
type Rejected struct {
	Stage, Source, URL string
	Reason             string
	// Data is the input as received (may be nil when it could not be read).
	Data []byte
}

// PublishDeadLetter publishes r to polywire.dlq.<stage>.<source> with the
// dead-letter headers (Polywire-Original-Subject is empty: there was no
// message). Its Nats-Msg-Id derives from stage, source, URL and a hash of
// the data, so reporting the same bad input twice stores it once within
// the duplicate window.
func (b *Bus) PublishDeadLetter(ctx context.Context, r Rejected) (PubAck, error) {
	h := nats.Header{}
	h.Set(pipeline.HeaderSource, r.Source)
	if r.URL != "" {
		h.Set(pipeline.HeaderURL, r.URL)
	}
	sum := sha256.Sum256(r.Data)
	h.Set(pipeline.HeaderMsgID, "dlq:"+r.Stage+":"+r.Source+":"+r.URL+":"+hex.EncodeToString(sum[:8]))
	h.Set(pipeline.HeaderDLQStage, r.Stage)
	h.Set(pipeline.HeaderDLQReason, cleanReason(r.Reason))
	h.Set(pipeline.HeaderOriginalSubject, "")
	h.Set(pipeline.HeaderAttempts, "1")
	return b.publishData(ctx, pipeline.DLQSubject(r.Stage, r.Source), h, r.Data)
}
