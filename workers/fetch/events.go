package fetch

import "time"

// Health event kinds.
const (
	EventFailing   = "failing"
	EventStale     = "stale"
	EventRecovered = "recovered"
)

// HealthEvent is the JSON published on polywire.events.source.<source>
// when a source's state changes (see docs/sources.md).
type HealthEvent struct {
	Source string `json:"source"`
	// Event is failing, stale or recovered.
	Event string    `json:"event"`
	From  string    `json:"from"`
	To    string    `json:"to"`
	Time  time.Time `json:"time"`
	// Error is the last error when Event is failing.
	Error  string `json:"error,omitempty"`
	Health Health `json:"health"`
}

// NewHealthEvent describes the change from old to new, or returns ok false
// when the change is not worth an event (a first success of a new source,
// or no change of state).
func NewHealthEvent(source string, old, new Health) (HealthEvent, bool) {
	if old.State == new.State {
		return HealthEvent{}, false
	}
	e := HealthEvent{Source: source, From: old.State, To: new.State, Time: new.LastAttempt, Health: new}
	switch new.State {
	case StateFailing:
		e.Event, e.Error = EventFailing, new.LastError
	case StateStale:
		e.Event = EventStale
	case StateOK:
		if old.State == "" || old.State == StateNever {
			return HealthEvent{}, false
		}
		e.Event = EventRecovered
	default:
		return HealthEvent{}, false
	}
	if e.From == "" {
		e.From = StateNever
	}
	return e, true
}
