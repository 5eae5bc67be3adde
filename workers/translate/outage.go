package translate

import (
	"sync"
	"time"
)

// outageQuiet ends an outage that has seen no failure for this long: an
// engine that failed once an hour ago and fails again now is having a new
// blip, not a long outage. It is longer than the runner's longest default
// backoff (2 min), so the redeliveries of one story stay in one outage.
const outageQuiet = 10 * time.Minute

// outages remembers since when each engine/pair has been failing with
// retryable errors; one success ends the outage.
type outages struct {
	mu   sync.Mutex
	byID map[string]outage
}

type outage struct{ since, last time.Time }

func newOutages() *outages { return &outages{byID: map[string]outage{}} }

// fail records a failure at now and returns how long the outage has lasted.
func (o *outages) fail(key string, now time.Time) time.Duration {
	o.mu.Lock()
	defer o.mu.Unlock()
	cur, ok := o.byID[key]
	if !ok || now.Sub(cur.last) > outageQuiet {
		cur.since = now
	}
	cur.last = now
	o.byID[key] = cur
	return now.Sub(cur.since)
}

func (o *outages) ok(key string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	delete(o.byID, key)
}
