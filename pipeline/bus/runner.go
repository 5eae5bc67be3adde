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
// consumer cannot be set up. Each of the s.Concurrency workers pulls one
// message only when it is free (see docs/bus.md for why not Consume).
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

// fetchWait is the lifetime of one pull request: an idle worker asks again
// this often, and a pull request lost on the way costs at most this long.
const fetchWait = 5 * time.Second

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
	var wg sync.WaitGroup
	for range r.spec.Concurrency {
		wg.Go(func() { r.work(ctx, cons) })
	}
	wg.Wait()
	return nil
}

// work is one worker: it pulls a single message whenever it is free and
// handles it. Pulling only when free means no message waits in a client
// buffer while its ack timer runs, however slow the stage.
func (r *runner[In, Out]) work(ctx context.Context, cons jetstream.Consumer) {
	for ctx.Err() == nil {
		r.waitWhilePaused(ctx)
		fctx, cancel := context.WithTimeout(ctx, fetchWait)
		batch, err := cons.Fetch(1, jetstream.FetchContext(fctx))
		if err == nil {
			for m := range batch.Messages() {
				if ctx.Err() != nil {
					_ = m.Nak() // arrived as we stopped: let another worker have it
					continue
				}
				r.handle(ctx, m)
			}
			err = batch.Error()
		}
		cancel()
		if err != nil && ctx.Err() == nil && !errors.Is(err, context.DeadlineExceeded) {
			r.log.Warn("fetch failed", "error", err)
			sleep(ctx, r.bus.backoff(1, nil))
		}
	}
}

// waitWhilePaused holds the worker while the store is unavailable.
func (r *runner[In, Out]) waitWhilePaused(ctx context.Context) {
	if wait := time.Until(time.Unix(0, r.pausedUntil.Load())); wait > 0 {
		sleep(ctx, wait)
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

func (r *runner[In, Out]) pause(d time.Duration) {
	r.pausedUntil.Store(time.Now().Add(d).UnixNano())
}
