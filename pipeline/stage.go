// Package pipeline holds Polywire's message types (fetch job, raw item,
// Story), subject and header names, the stage contract and the two error
// classes. It imports no NATS: the bus package runs stages, the workers
// packages implement them.
package pipeline

import "context"

// Stage is one step of the pipeline: a plain function of its input message.
//
// Zero outputs means the input is filtered (acked, nothing published); several
// outputs fan out. The runner publishes every output and acks the input only
// after JetStream acknowledged all publishes. A nil error with outputs means
// success; an error means no output is published (see errors.go for the two
// error classes). A stage must honour ctx and must be safe for concurrent use.
type Stage[In, Out any] func(ctx context.Context, in In) ([]Out, error)

// Middleware wraps a stage (recover, timeout, logging, metrics).
type Middleware[In, Out any] func(Stage[In, Out]) Stage[In, Out]

// Chain applies middleware so that the first one listed is the outermost.
func Chain[In, Out any](s Stage[In, Out], mw ...Middleware[In, Out]) Stage[In, Out] {
	for i := len(mw) - 1; i >= 0; i-- {
		s = mw[i](s)
	}
	return s
}
