package bus

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/polywire/polywire/pipeline"
)

// maxReasonLen bounds the Polywire-Dlq-Reason header.
const maxReasonLen = 1024

// ErrNotDeadLetter means a sequence does not hold a dead letter.
var ErrNotDeadLetter = errors.New("bus: no such dead letter")

// DeadLetter is one message in the dead-letter stream. Data is the original
// payload, decoded (decompressed, fetched from the object store).
type DeadLetter struct {
	Seq             uint64
	Subject         string
	Stage           string
	Source          string
	URL             string
	StoryID         string
	Reason          string
	Attempts        int
	OriginalSubject string
	Time            time.Time
	Data            []byte
}

// DLQFilter selects dead letters; empty fields match everything. Limit 0
// means no limit.
type DLQFilter struct {
	Stage, Source string
	Limit         int
}

func settleContext() (context.Context, func()) {
	return context.WithTimeout(context.Background(), settleTimeout)
}

// deadLetterMsg builds the dead letter of m: the original body and
// Polywire-* headers plus stage, reason, original subject and attempts. Its
// Nats-Msg-Id names the original stream position, so a message dead-lettered
// twice (a lost Term) is stored once.
func deadLetterMsg(m jetstream.Msg, stage string, attempts int, reason string) *nats.Msg {
	h := nats.Header{}
	for k, v := range m.Headers() {
		if !strings.HasPrefix(k, "Nats-") {
			h[k] = v
		}
	}
	source := h.Get(pipeline.HeaderSource)
	if source == "" {
		source = lastToken(m.Subject())
	}
	id := "dlq:" + stage + ":" + m.Subject()
	if md, err := m.Metadata(); err == nil {
		id = fmt.Sprintf("dlq:%s:%s:%d", stage, md.Stream, md.Sequence.Stream)
	}
	h.Set(pipeline.HeaderMsgID, id)
	h.Set(pipeline.HeaderDLQStage, stage)
	h.Set(pipeline.HeaderDLQReason, cleanReason(reason))
	h.Set(pipeline.HeaderOriginalSubject, m.Subject())
	h.Set(pipeline.HeaderAttempts, strconv.Itoa(attempts))
	return &nats.Msg{Subject: pipeline.DLQSubject(stage, source), Header: h, Data: m.Data()}
}

func lastToken(subject string) string {
	return subject[strings.LastIndexByte(subject, '.')+1:]
}

// cleanReason makes reason a safe one-line header value.
func cleanReason(reason string) string {
	reason = strings.Join(strings.Fields(reason), " ")
	if len(reason) > maxReasonLen {
		reason = strings.ToValidUTF8(reason[:maxReasonLen], "") + "…"
	}
	return reason
}

// DeadLetters lists dead letters oldest first.
func (b *Bus) DeadLetters(ctx context.Context, f DLQFilter) ([]DeadLetter, error) {
	subject := pipeline.SubjectDLQ + "." + tokenOrStar(f.Stage) + "." + tokenOrStar(f.Source)
	var out []DeadLetter
	err := b.scan(ctx, StreamDLQ, subject, time.Time{}, func(m *jetstream.RawStreamMsg) (bool, error) {
		dl, err := b.toDeadLetter(ctx, m)
		if err != nil {
			return false, err
		}
		out = append(out, *dl)
		return f.Limit <= 0 || len(out) < f.Limit, nil
	})
	if err != nil {
		return nil, fmt.Errorf("bus: listing dead letters: %w", err)
	}
	return out, nil
}

func tokenOrStar(s string) string {
	if s == "" {
		return "*"
	}
	return pipeline.Token(s)
}

// DeadLetter returns the dead letter at stream sequence seq
// (ErrNotDeadLetter when there is none).
func (b *Bus) DeadLetter(ctx context.Context, seq uint64) (*DeadLetter, error) {
	m, err := b.getDeadLetter(ctx, seq)
	if err != nil {
		return nil, err
	}
	return b.toDeadLetter(ctx, m)
}

func (b *Bus) getDeadLetter(ctx context.Context, seq uint64) (*jetstream.RawStreamMsg, error) {
	s, err := b.js.Stream(ctx, StreamDLQ)
	if err != nil {
		return nil, fmt.Errorf("bus: opening %s: %w", StreamDLQ, err)
	}
	m, err := s.GetMsg(ctx, seq)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return nil, fmt.Errorf("%w: seq %d", ErrNotDeadLetter, seq)
	}
	if err != nil {
		return nil, fmt.Errorf("bus: reading dead letter %d: %w", seq, err)
	}
	return m, nil
}

func (b *Bus) toDeadLetter(ctx context.Context, m *jetstream.RawStreamMsg) (*DeadLetter, error) {
	h := m.Header
	data, err := b.decodePayload(ctx, h, m.Data)
	if err != nil && !pipeline.IsPermanent(err) {
		return nil, err
	}
	attempts, _ := strconv.Atoi(h.Get(pipeline.HeaderAttempts))
	return &DeadLetter{Seq: m.Sequence, Subject: m.Subject, Stage: h.Get(pipeline.HeaderDLQStage),
		Source: h.Get(pipeline.HeaderSource), URL: h.Get(pipeline.HeaderURL),
		StoryID: h.Get(pipeline.HeaderStoryID), Reason: h.Get(pipeline.HeaderDLQReason),
		Attempts: attempts, OriginalSubject: h.Get(pipeline.HeaderOriginalSubject),
		Time: m.Time, Data: data}, nil
}

// ReplayDeadLetter republishes dead letter seq to its original subject with
// a fresh Nats-Msg-Id (the stage sees it as a new delivery with all its
// attempts), then deletes it from the dead-letter stream.
func (b *Bus) ReplayDeadLetter(ctx context.Context, seq uint64) error {
	m, err := b.getDeadLetter(ctx, seq)
	if err != nil {
		return err
	}
	orig := m.Header.Get(pipeline.HeaderOriginalSubject)
	if orig == "" {
		return fmt.Errorf("%w: seq %d has no %s", ErrNotDeadLetter, seq, pipeline.HeaderOriginalSubject)
	}
	h := nats.Header{}
	for k, v := range m.Header {
		if !strings.HasPrefix(k, "Polywire-Dlq-") && k != pipeline.HeaderOriginalSubject &&
			k != pipeline.HeaderAttempts && !strings.HasPrefix(k, "Nats-") {
			h[k] = v
		}
	}
	h.Set(pipeline.HeaderMsgID, fmt.Sprintf("dlq-replay:%d:%d", seq, time.Now().UnixNano()))
	if _, err := b.publishRaw(ctx, &nats.Msg{Subject: orig, Header: h, Data: m.Data}); err != nil {
		return fmt.Errorf("bus: replaying dead letter %d: %w", seq, err)
	}
	s, err := b.js.Stream(ctx, StreamDLQ)
	if err == nil {
		err = s.DeleteMsg(ctx, seq)
	}
	if err != nil {
		return fmt.Errorf("bus: deleting replayed dead letter %d: %w", seq, err)
	}
	return nil
}
