package bus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/polywire/polywire/pipeline"
)

// Spec describes one stage for Run.
type Spec[In, Out any] struct {
	// Stage names the durable consumer and the stage in metrics, logs,
	// output message ids and dead-letter subjects, e.g. "extract".
	Stage string
	// Input is the subject filter consumed, e.g. "polywire.raw.>" or
	// "polywire-jobs.fetch.>".
	Input string
	// OutputKind is the subject kind outputs go to: each output m is
	// published to pipeline.Subject(OutputKind, m.Meta().Language,
	// m.Meta().Source). "" makes the stage a sink: outputs are discarded.
	OutputKind string
	// Fn is the stage. It must be safe for concurrent use.
	Fn pipeline.Stage[*In, *Out]
	// Concurrency is how many messages are processed at once (default 1).
	Concurrency int
	// Timeout bounds one call of Fn (default 5m; negative: none).
	Timeout time.Duration
	// AckWait is how long the server waits for an ack before redelivering
	// (default 30s). The runner reports progress every AckWait/3 while Fn
	// runs, so long work is not redelivered.
	AckWait time.Duration
	// Middleware wraps Fn inside the runner's own middleware; the first
	// listed is the outermost.
	Middleware []pipeline.Middleware[*In, *Out]
}

func (s *Spec[In, Out]) setDefaults() error {
	if s.Stage == "" || s.Input == "" || s.Fn == nil {
		return fmt.Errorf("bus: spec needs Stage, Input and Fn (stage %q)", s.Stage)
	}
	if strings.ContainsAny(s.Stage, ".*> ") {
		return fmt.Errorf("bus: stage name %q must be one subject token", s.Stage)
	}
	if s.Concurrency <= 0 {
		s.Concurrency = 1
	}
	if s.Timeout == 0 {
		s.Timeout = 5 * time.Minute
	}
	if s.AckWait <= 0 {
		s.AckWait = 30 * time.Second
	}
	return nil
}

// Run consumes s.Input with the durable consumer s.Stage and runs s.Fn on
// every message until ctx is done; then it stops pulling, lets in-flight
// messages finish (their Fn ctx is cancelled, they are redelivered unless
// they had succeeded) and returns nil. It returns an error only when the
// consumer cannot be set up.
//
// Per message: undo payload encoding, decode JSON into a new In (failure:
// dead letter), call Fn, publish every output with Nats-Msg-Id
// <id>:<version>:<stage> and the Polywire-* headers (the correlation id and
// replay marker copied from the input), wait for every PubAck, then ack.
// Errors: retryable → NakWithDelay(max(Backoff[n-1], RetryDelay(err))) after
// the n-th attempt;
// permanent, panic or attempt ≥ MaxAttempts → dead letter, then Term. When
// the store refuses a publish, nothing is acked or dead-lettered: the
// message is redelivered later, the stage pauses, and the delivery does not
// count as an attempt.
//
// *In and *Out must implement pipeline.Message (checked at compile time).
func Run[In, Out any, PIn interface {
	*In
	pipeline.Message
}, POut interface {
	*Out
	pipeline.Message
}](ctx context.Context, b *Bus, s Spec[In, Out]) error {
	if err := s.setDefaults(); err != nil {
		return err
	}
	cons, err := b.consumer(ctx, s.Stage, s.Input, s.AckWait, s.Concurrency)
	if err != nil {
		return err
	}
	r := &runner[In, Out]{bus: b, spec: s, log: b.log.With("stage", s.Stage),
		uncounted: map[uint64]int{}}
	r.fn = r.wrap()
	r.meta = func(out *Out) pipeline.Meta { return POut(out).Meta() }
	return r.run(ctx, cons)
}

// consumer creates or updates the durable pull consumer of a stage.
func (b *Bus) consumer(ctx context.Context, stage, input string, ackWait time.Duration, n int) (jetstream.Consumer, error) {
	stream := streamFor(input)
	if stream == "" {
		return nil, fmt.Errorf("bus: input %q of stage %s is in no Polywire stream", input, stage)
	}
	cons, err := b.js.CreateOrUpdateConsumer(ctx, stream, jetstream.ConsumerConfig{
		Durable:       stage,
		FilterSubject: input,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       ackWait,
		MaxDeliver:    -1, // the runner counts attempts and dead-letters itself
		MaxAckPending: max(1000, 4*n),
		DeliverPolicy: jetstream.DeliverAllPolicy,
	})
	if err != nil {
		return nil, fmt.Errorf("bus: creating consumer %s on %s: %w", stage, input, err)
	}
	return cons, nil
}

// streamFor names the stream whose subjects contain subject ("" if none).
func streamFor(subject string) string {
	switch {
	case strings.HasPrefix(subject, pipeline.SubjectJobs):
		return StreamJobs
	case strings.HasPrefix(subject, pipeline.SubjectDLQ+"."):
		return StreamDLQ
	case strings.HasPrefix(subject, pipeline.SubjectRoot+".events."):
		return StreamEvents
	case strings.HasPrefix(subject, pipeline.SubjectRoot+"."):
		return StreamStories
	}
	return ""
}

// pullExpiry is the lifetime of each pull request of a stage's consumer.
const pullExpiry = 5 * time.Second

// stopTimeout bounds waiting for the consumer to close at shutdown.
const stopTimeout = 5 * time.Second

// runner is the state of one Run call.
type runner[In, Out any] struct {
	bus  *Bus
	spec Spec[In, Out]
	log  *slog.Logger
	fn   pipeline.Stage[*In, *Out]
	meta func(*Out) pipeline.Meta

	pausedUntil atomic.Int64 // unix nanos; store unavailable until then
	mu          sync.Mutex
	uncounted   map[uint64]int // stream seq → deliveries not counted as attempts
}

func (r *runner[In, Out]) wrap() pipeline.Stage[*In, *Out] {
	mw := []pipeline.Middleware[*In, *Out]{
		observe[*In, *Out](r.log, r.bus.metrics, r.spec.Stage),
		Recover[*In, *Out](r.log),
		Timeout[*In, *Out](r.spec.Timeout),
	}
	return pipeline.Chain(r.spec.Fn, append(mw, r.spec.Middleware...)...)
}

func (r *runner[In, Out]) run(ctx context.Context, cons jetstream.Consumer) error {
	msgs := make(chan jetstream.Msg)
	var wg sync.WaitGroup
	for range r.spec.Concurrency {
		wg.Go(func() {
			for m := range msgs {
				r.handle(ctx, m)
			}
		})
	}
	cc, err := cons.Consume(func(m jetstream.Msg) { r.dispatch(ctx, m, msgs) },
		jetstream.PullMaxMessages(r.spec.Concurrency),
		// A short pull expiry bounds a stall in nats.go v1.55 Consume: when a
		// message arrives before its pull goroutine has cleared
		// fetchInProgress, checkPending skips the next pull and nothing
		// retries it until the heartbeat monitor fires after 2×(expiry/2).
		// With the 30 s default about one run in twenty of 2000 messages
		// stalled for 30 s.
		jetstream.PullExpiry(pullExpiry),
		jetstream.ConsumeErrHandler(func(_ jetstream.ConsumeContext, err error) {
			if !errors.Is(err, jetstream.ErrNoHeartbeat) || ctx.Err() == nil {
				r.log.Warn("consume error", "error", err)
			}
		}))
	if err != nil {
		close(msgs)
		wg.Wait()
		return fmt.Errorf("bus: consuming %s for %s: %w", r.spec.Input, r.spec.Stage, err)
	}
	<-ctx.Done()
	r.stopConsuming(cc)
	close(msgs)
	wg.Wait()
	return nil
}

// stopConsuming drains cc (buffered messages reach dispatch, which naks
// them) when the server is reachable, and just stops it otherwise; either
// way it waits at most stopTimeout for the consumer to close.
func (r *runner[In, Out]) stopConsuming(cc jetstream.ConsumeContext) {
	if r.bus.nc.IsConnected() {
		cc.Drain()
	} else {
		cc.Stop()
	}
	select {
	case <-cc.Closed():
	case <-time.After(stopTimeout):
		cc.Stop()
		r.log.Warn("consumer did not close in time", "timeout", stopTimeout)
	}
}

// dispatch hands m to a free worker. While the store is unavailable it
// holds m (reporting progress) instead; after shutdown it naks m so another
// process can take it at once.
func (r *runner[In, Out]) dispatch(ctx context.Context, m jetstream.Msg, msgs chan<- jetstream.Msg) {
	r.waitWhilePaused(ctx, m)
	if ctx.Err() != nil {
		_ = m.Nak()
		return
	}
	// While every worker is busy the message waits here; keep its ack timer
	// from running out so it is not redelivered elsewhere meanwhile.
	tick := time.NewTicker(r.spec.AckWait / 3)
	defer tick.Stop()
	for {
		select {
		case msgs <- m:
			return
		case <-ctx.Done():
			_ = m.Nak()
			return
		case <-tick.C:
			_ = m.InProgress()
		}
	}
}

func (r *runner[In, Out]) waitWhilePaused(ctx context.Context, m jetstream.Msg) {
	for {
		wait := time.Until(time.Unix(0, r.pausedUntil.Load()))
		if wait <= 0 {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(min(wait, r.spec.AckWait/3)):
		}
		_ = m.InProgress()
	}
}

func (r *runner[In, Out]) pause(d time.Duration) {
	r.pausedUntil.Store(time.Now().Add(d).UnixNano())
}
