package bus_test

import (
	"encoding/json"
	"testing"
	"time"
)

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func jsonUnmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
