package httpx

import (
	"context"
	"strings"
	"sync"
	"time"
)

// hostLimits bounds requests per host: at most per at once, and starts at
// least gap apart. Slots of idle hosts are forgotten, so memory follows the
// number of hosts being fetched, not the number ever fetched.
type hostLimits struct {
	per int
	gap time.Duration

	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	sem   chan struct{}
	next  time.Time // earliest start of the next request
	users int       // waiting or running requests
}

func newHostLimits(per int, gap time.Duration) *hostLimits {
	return &hostLimits{per: per, gap: gap, hosts: map[string]*hostSlot{}}
}

// acquire waits for a slot on host and for its spacing; release must be
// called once the response body has been read.
func (l *hostLimits) acquire(ctx context.Context, host string) (release func(), err error) {
	host = strings.ToLower(host)
	l.mu.Lock()
	s := l.hosts[host]
	if s == nil {
		s = &hostSlot{sem: make(chan struct{}, l.per)}
		l.hosts[host] = s
	}
	s.users++
	l.mu.Unlock()
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		l.done(host, s)
		return nil, ctx.Err()
	}
	if err := l.space(ctx, s); err != nil {
		<-s.sem
		l.done(host, s)
		return nil, err
	}
	return func() { <-s.sem; l.done(host, s) }, nil
}

// space waits until the host's next start time and books the one after.
func (l *hostLimits) space(ctx context.Context, s *hostSlot) error {
	if l.gap <= 0 {
		return nil
	}
	l.mu.Lock()
	now := time.Now()
	start := now
	if s.next.After(now) {
		start = s.next
	}
	s.next = start.Add(l.gap)
	l.mu.Unlock()
	if wait := start.Sub(now); wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

func (l *hostLimits) done(host string, s *hostSlot) {
	l.mu.Lock()
	defer l.mu.Unlock()
	s.users--
	if s.users == 0 && !time.Now().Before(s.next) {
		delete(l.hosts, host)
	}
	if len(l.hosts) > 4096 { // idle hosts whose spacing has passed
		now := time.Now()
		for h, o := range l.hosts {
			if o.users == 0 && !now.Before(o.next) {
				delete(l.hosts, h)
			}
		}
	}
}

// size is the number of hosts tracked (tests).
func (l *hostLimits) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.hosts)
}
