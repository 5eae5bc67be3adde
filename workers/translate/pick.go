package translate

import (
	"context"
	"errors"
	"fmt"
	"slices"
)

// pick returns the first engine that lists p. When none does, the error
// wraps ErrNoEngine if every engine answered, or the engines' listing errors
// (retryable: an engine that cannot be asked may well serve the pair).
func (t *Translator) pick(ctx context.Context, p Pair) (Engine, error) {
	var errs []error
	for _, e := range t.engines {
		pairs, err := e.Pairs(ctx)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: listing pairs: %w", e.Name(), err))
			continue
		}
		if slices.Contains(pairs, p) {
			return e, nil
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("translate: %s: %w", p, errors.Join(errs...))
	}
	return nil, fmt.Errorf("translate: %s: %w", p, ErrNoEngine)
}
