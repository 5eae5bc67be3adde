package bus

import (
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/polywire/polywire/pipeline"
)

// maxUncounted bounds the runner's memory of deliveries that did not count
// as attempts; past it the memory is cleared (attempts may then be
// over-counted, never under-counted into an endless loop).
const maxUncounted = 10000

// fail handles a stage (or decode, or output) error: retry later or dead
// letter.
func (r *runner[In, Out]) fail(d delivery, err error) {
	if pipeline.IsPermanent(err) || d.attempt >= r.bus.opts.MaxAttempts {
		r.deadLetter(d, err)
		return
	}
	delay := r.bus.backoff(d.attempt, err)
	r.logFailure(d, err, "retrying", "delay", delay)
	r.bus.metrics.retried.WithLabelValues(r.spec.Stage).Inc()
	if nerr := d.msg.NakWithDelay(delay); nerr != nil {
		r.log.Warn("nak failed", "subject", d.msg.Subject(), "error", nerr)
	}
}

// backoff is the delay before the next attempt after the attempt-th failed.
func (b *Bus) backoff(attempt int, err error) time.Duration {
	i := min(max(attempt-1, 0), len(b.opts.Backoff)-1)
	return max(b.opts.Backoff[i], pipeline.RetryDelay(err))
}

// deadLetter publishes the original message to the dead-letter subject and
// terminates it. If the dead letter cannot be stored the message is kept
// for later instead.
func (r *runner[In, Out]) deadLetter(d delivery, reason error) {
	ctx, cancel := settleContext()
	defer cancel()
	msg := deadLetterMsg(d.msg, r.spec.Stage, d.attempt, reason.Error())
	if _, err := r.bus.publishRaw(ctx, msg); err != nil {
		r.storeUnavailable(d, fmt.Errorf("dead-lettering: %w", err))
		return
	}
	r.logFailure(d, reason, "dead-lettered", "dlq_subject", msg.Subject)
	r.bus.metrics.dead.WithLabelValues(r.spec.Stage).Inc()
	if err := d.msg.Term(); err != nil {
		r.log.Warn("term failed", "subject", d.msg.Subject(), "error", err)
	}
	r.forget(d.seq)
}

// storeUnavailable keeps the message for later without counting the
// delivery, and pauses the stage.
func (r *runner[In, Out]) storeUnavailable(d delivery, err error) {
	delay := r.bus.backoff(2, nil)
	r.log.Warn("store unavailable, pausing", "subject", d.msg.Subject(), "delay", delay, "error", err)
	r.pause(delay)
	r.mu.Lock()
	if len(r.uncounted) >= maxUncounted {
		clear(r.uncounted)
	}
	r.uncounted[d.seq]++
	r.mu.Unlock()
	_ = d.msg.NakWithDelay(delay)
}

// attempt is the number of this delivery, not counting deliveries that
// ended in a store outage.
func (r *runner[In, Out]) attempt(md *jetstream.MsgMetadata) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return max(int(md.NumDelivered)-r.uncounted[md.Sequence.Stream], 1)
}

func (r *runner[In, Out]) forget(seq uint64) {
	r.mu.Lock()
	delete(r.uncounted, seq)
	r.mu.Unlock()
}

func (r *runner[In, Out]) logFailure(d delivery, err error, outcome string, extra ...any) {
	h := d.msg.Headers()
	r.log.Warn("stage failed", append([]any{"outcome", outcome,
		"source", h.Get(pipeline.HeaderSource), "url", h.Get(pipeline.HeaderURL),
		"story_id", h.Get(pipeline.HeaderStoryID), "attempt", d.attempt, "error", err}, extra...)...)
}
