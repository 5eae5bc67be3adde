package bus_test

import (
	"errors"
	"testing"

	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
)

// TestDataDirLocked: a second embedded server on the same data directory
// would corrupt the store, so it is refused until the first one closes.
func TestDataDirLocked(t *testing.T) {
	o := bustest.Options(t)
	first, err := bus.Open(t.Context(), o)
	if err != nil {
		t.Fatal(err)
	}
	if second, err := bus.Open(t.Context(), o); !errors.Is(err, bus.ErrDataDirInUse) {
		if second != nil {
			second.Close()
		}
		t.Fatalf("second open on the same data dir: %v, want ErrDataDirInUse", err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := bus.Open(t.Context(), o)
	if err != nil {
		t.Fatalf("reopening after Close: %v", err)
	}
	again.Close()
}
