package translate

import (
	"sync"
	"time"
)

// outages remembers since when each engine/pair has been failing with
// retryable errors; one success ends the outage.
type outages struct {
	mu    sync.Mutex
	since map[string]time.Time
}

func newOutages() *outages { return &outages{since: map[string]time.Time{}} }

// fail records a failure at now and returns how long the outage has lasted.
func (o *outages) fail(key string, now time.Time) time.Duration {
	o.mu.Lock()
	defer o.mu.Unlock()
	s, ok := o.since[key]
	if !ok {
		o.since[key] = now
		return 0
	}
	return now.Sub(s)
}

func (o *outages) ok(key string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	delete(o.since, key)
}
