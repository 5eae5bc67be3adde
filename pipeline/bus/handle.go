package bus

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/polywire/polywire/pipeline"
)

// settleTimeout bounds publishing outputs, dead letters and acks; it is not
// tied to the Run ctx so finished work survives a shutdown.
const settleTimeout = 30 * time.Second

// delivery is one message being handled.
type delivery struct {
	msg     jetstream.Msg
	seq     uint64
	attempt int
}

func (r *runner[In, Out]) handle(ctx context.Context, m jetstream.Msg) {
	md, err := m.Metadata()
	if err != nil {
		r.log.Error("message without jetstream metadata", "subject", m.Subject(), "error", err)
		_ = m.Term()
		return
	}
	d := delivery{msg: m, seq: md.Sequence.Stream, attempt: r.attempt(md)}
	r.bus.metrics.in.WithLabelValues(r.spec.Stage).Inc()
	if d.attempt > r.bus.opts.MaxAttempts {
		r.deadLetter(d, fmt.Errorf("no result after %d deliveries (crash or ack timeout)", d.attempt-1))
		return
	}
	stop := keepAlive(m, r.spec.AckWait/3)
	outs, err := r.process(ctx, m)
	stop()
	if err != nil && ctx.Err() != nil {
		_ = m.Nak() // shutting down: let another worker take it now
		return
	}
	if err != nil {
		r.fail(d, err)
		return
	}
	r.settle(ctx, d, outs)
}

// process decodes the input and calls the stage.
func (r *runner[In, Out]) process(ctx context.Context, m jetstream.Msg) ([]*Out, error) {
	data, err := r.bus.decodePayload(ctx, m.Headers(), m.Data())
	if err != nil {
		return nil, err
	}
	in := new(In)
	if err := json.Unmarshal(data, in); err != nil {
		return nil, pipeline.Permanentf("bus: decoding %s: %w", m.Subject(), err)
	}
	return r.fn(ctx, in)
}

// settle publishes the outputs and acks the input.
func (r *runner[In, Out]) settle(ctx context.Context, d delivery, outs []*Out) {
	pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), settleTimeout)
	defer cancel()
	if err := r.publishAll(pctx, d.msg, outs); err != nil {
		if IsStoreUnavailable(err) {
			r.storeUnavailable(d, err)
		} else {
			r.fail(d, err)
		}
		return
	}
	if err := d.msg.DoubleAck(pctx); err != nil {
		// Outputs are stored; a redelivery republishes them under the same
		// Nats-Msg-Id and the duplicate window absorbs them.
		r.log.Warn("ack failed", "subject", d.msg.Subject(), "error", err)
	}
	r.forget(d.seq)
}

func (r *runner[In, Out]) publishAll(ctx context.Context, in jetstream.Msg, outs []*Out) error {
	if r.spec.OutputKind == "" {
		return nil
	}
	for _, out := range outs {
		if out == nil {
			continue
		}
		msg, err := r.outputMsg(ctx, in, out)
		if err != nil {
			return err
		}
		if _, err := r.bus.publishRaw(ctx, msg); err != nil {
			return err
		}
		r.bus.metrics.out.WithLabelValues(r.spec.Stage).Inc()
	}
	return nil
}

// outputMsg builds the message for one output: subject from its meta,
// Nats-Msg-Id <id>:<version>:<stage>[:<replay>], Polywire-* headers.
func (r *runner[In, Out]) outputMsg(ctx context.Context, in jetstream.Msg, out *Out) (*nats.Msg, error) {
	data, err := json.Marshal(out)
	if err != nil {
		return nil, pipeline.Permanentf("bus: encoding output of %s: %w", r.spec.Stage, err)
	}
	meta := r.meta(out)
	h := metaHeaders(meta)
	id := pipeline.MsgID(meta.StoryID, meta.Version, r.spec.Stage)
	if replay := in.Headers().Get(HeaderReplay); replay != "" {
		id += ":" + replay
		h.Set(HeaderReplay, replay)
	}
	h.Set(pipeline.HeaderMsgID, id)
	h.Set(pipeline.HeaderCorrelationID, correlationID(in))
	body, err := r.bus.encodePayload(ctx, data, h)
	if err != nil {
		return nil, err
	}
	return &nats.Msg{Subject: pipeline.Subject(r.spec.OutputKind, meta.Language, meta.Source),
		Header: h, Data: body}, nil
}

// correlationID is the input's correlation id, else its message id, so all
// messages descending from one fetch job share one id.
func correlationID(in jetstream.Msg) string {
	h := in.Headers()
	if c := h.Get(pipeline.HeaderCorrelationID); c != "" {
		return c
	}
	if id := h.Get(pipeline.HeaderMsgID); id != "" {
		return id
	}
	if md, err := in.Metadata(); err == nil {
		return fmt.Sprintf("%s:%d", md.Stream, md.Sequence.Stream)
	}
	return ""
}

// keepAlive reports progress on m every interval until stop is called.
func keepAlive(m jetstream.Msg, interval time.Duration) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				_ = m.InProgress()
			}
		}
	}()
	return func() { close(done) }
}
