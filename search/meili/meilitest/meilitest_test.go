package meilitest

import (
	"net/http"
	"testing"
)

func TestStartServesHealth(t *testing.T) {
	srv := Start(t)
	resp, err := http.Get(srv.URL + "/health")
	if err != nil {
		t.Fatalf("GET /health: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /health = %d, want 200", resp.StatusCode)
	}
	if IndexName(t) == IndexName(t) {
		t.Errorf("IndexName repeats")
	}
}
