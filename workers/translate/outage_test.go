package translate

import (
	"testing"
	"time"
)

func TestOutages(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	o := newOutages()
	steps := []struct {
		name string
		at   time.Duration
		ok   bool
		want time.Duration
	}{
		{"first failure starts an outage", 0, false, 0},
		{"failures within the quiet window add up", 2 * time.Minute, false, 2 * time.Minute},
		{"and again", 4 * time.Minute, false, 4 * time.Minute},
		{"a long quiet starts a new outage", time.Hour, false, 0},
		{"still counting", time.Hour + time.Minute, false, time.Minute},
		{"success ends it", time.Hour + 2*time.Minute, true, 0},
		{"next failure starts afresh", time.Hour + 3*time.Minute, false, 0},
	}
	for _, s := range steps {
		if s.ok {
			o.ok("e|es→en")
			continue
		}
		if got := o.fail("e|es→en", t0.Add(s.at)); got != s.want {
			t.Fatalf("%s: outage %v, want %v", s.name, got, s.want)
		}
	}
	if got := o.fail("other", t0.Add(2*time.Hour)); got != 0 {
		t.Fatalf("another key shares the outage: %v", got)
	}
}
