package bus

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/polywire/polywire/pipeline"
)

// Replay republishes every retained message of kind (e.g. "raw") stored at
// or after since (zero: all) to its own subject, so the stage consuming that
// kind processes it again. Each copy gets the header Polywire-Replay (one
// token per call) and the Nats-Msg-Id <original id>:<token>; the runner
// appends the token to its outputs' ids, so reprocessed outputs pass the
// duplicate window. Only messages present when Replay starts are copied. It
// returns how many it republished.
func (b *Bus) Replay(ctx context.Context, kind string, since time.Time) (int, error) {
	token := "replay-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	subject := pipeline.SubjectRoot + "." + pipeline.Token(kind) + ".>"
	n := 0
	err := b.scan(ctx, StreamStories, subject, since, func(m *jetstream.RawStreamMsg) (bool, error) {
		if _, err := b.publishRaw(ctx, replayMsg(m, token)); err != nil {
			return false, err
		}
		n++
		return true, nil
	})
	if err != nil {
		return n, fmt.Errorf("bus: replaying %s: %w", kind, err)
	}
	return n, nil
}

func replayMsg(m *jetstream.RawStreamMsg, token string) *nats.Msg {
	h := nats.Header{}
	for k, v := range m.Header {
		if !strings.HasPrefix(k, "Nats-") {
			h[k] = v
		}
	}
	id := m.Header.Get(pipeline.HeaderMsgID)
	if id == "" {
		id = "seq-" + strconv.FormatUint(m.Sequence, 10)
	}
	if prev := m.Header.Get(HeaderReplay); prev != "" {
		id = strings.TrimSuffix(id, ":"+prev)
	}
	h.Set(HeaderReplay, token)
	h.Set(pipeline.HeaderMsgID, id+":"+token)
	return &nats.Msg{Subject: m.Subject, Header: h, Data: m.Data}
}

// scan calls fn for each message of stream matching subject, stored at or
// after since, oldest first, up to the last message present when scan
// starts; fn returns false to stop.
func (b *Bus) scan(ctx context.Context, stream, subject string, since time.Time,
	fn func(*jetstream.RawStreamMsg) (bool, error)) error {
	s, err := b.js.Stream(ctx, stream)
	if err != nil {
		return fmt.Errorf("opening stream %s: %w", stream, err)
	}
	// The subject filter makes the server count matching messages, so an
	// empty selection returns at once instead of waiting for a fetch.
	info, err := s.Info(ctx, jetstream.WithSubjectFilter(subject))
	if err != nil {
		return fmt.Errorf("reading stream %s: %w", stream, err)
	}
	last := info.State.LastSeq
	if info.State.Msgs == 0 || len(info.State.Subjects) == 0 {
		return nil
	}
	cfg := jetstream.OrderedConsumerConfig{FilterSubjects: []string{subject},
		DeliverPolicy: jetstream.DeliverAllPolicy}
	if !since.IsZero() {
		cfg.DeliverPolicy, cfg.OptStartTime = jetstream.DeliverByStartTimePolicy, &since
	}
	cons, err := s.OrderedConsumer(ctx, cfg)
	if err != nil {
		return fmt.Errorf("reading stream %s: %w", stream, err)
	}
	return scanBatches(cons, last, fn)
}

func scanBatches(cons jetstream.Consumer, last uint64, fn func(*jetstream.RawStreamMsg) (bool, error)) error {
	for {
		batch, err := cons.Fetch(256, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			return err
		}
		got := 0
		for m := range batch.Messages() {
			got++
			md, err := m.Metadata()
			if err != nil {
				return err
			}
			if md.Sequence.Stream > last {
				return nil
			}
			raw := &jetstream.RawStreamMsg{Subject: m.Subject(), Sequence: md.Sequence.Stream,
				Header: m.Headers(), Data: m.Data(), Time: md.Timestamp}
			if more, err := fn(raw); err != nil || !more {
				return err
			}
			if md.NumPending == 0 || md.Sequence.Stream == last {
				return nil
			}
		}
		if err := batch.Error(); err != nil {
			return err
		}
		if got == 0 {
			return nil
		}
	}
}
