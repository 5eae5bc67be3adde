package bus

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"runtime/debug"
	"time"

	"github.com/polywire/polywire/pipeline"
)

// The runner wraps every stage as
//
//	observe (Debug log, latency) → Recover → Timeout → Spec.Middleware… → Fn
//
// so a panic anywhere below observe becomes a permanent error and the
// latency covers the whole call.

// Recover turns a panic in the stage into a permanent error (the message is
// dead-lettered) and logs the stack at Error.
func Recover[In, Out any](log *slog.Logger) pipeline.Middleware[In, Out] {
	return func(next pipeline.Stage[In, Out]) pipeline.Stage[In, Out] {
		return func(ctx context.Context, in In) (outs []Out, err error) {
			defer func() {
				if r := recover(); r != nil {
					log.Error("stage panicked", append(metaAttrs(in),
						"panic", fmt.Sprint(r), "stack", string(debug.Stack()))...)
					outs, err = nil, pipeline.Permanentf("panic: %v", r)
				}
			}()
			return next(ctx, in)
		}
	}
}

// Timeout bounds one call of the stage; d <= 0 means no bound. A stage that
// runs out of time returns a retryable error (it honours ctx).
func Timeout[In, Out any](d time.Duration) pipeline.Middleware[In, Out] {
	return func(next pipeline.Stage[In, Out]) pipeline.Stage[In, Out] {
		if d <= 0 {
			return next
		}
		return func(ctx context.Context, in In) ([]Out, error) {
			ctx, cancel := context.WithTimeout(ctx, d)
			defer cancel()
			return next(ctx, in)
		}
	}
}

// observe logs each call at Debug and records its latency for stage.
func observe[In, Out any](log *slog.Logger, m *metrics, stage string) pipeline.Middleware[In, Out] {
	return func(next pipeline.Stage[In, Out]) pipeline.Stage[In, Out] {
		return func(ctx context.Context, in In) ([]Out, error) {
			start := time.Now()
			outs, err := next(ctx, in)
			took := time.Since(start)
			m.latency.WithLabelValues(stage).Observe(took.Seconds())
			if log.Enabled(ctx, slog.LevelDebug) {
				log.Debug("stage called", append(metaAttrs(in),
					"outputs", len(outs), "took", took, "failed", err != nil)...)
			}
			return outs, err
		}
	}
}

// metaAttrs returns the log attributes of a message, if v is one.
func metaAttrs(v any) []any {
	m, ok := v.(pipeline.Message)
	if !ok || m == nil {
		return nil
	}
	if rv := reflect.ValueOf(m); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return nil
	}
	meta := m.Meta()
	return []any{"story_id", meta.StoryID, "source", meta.Source, "url", meta.URL}
}
