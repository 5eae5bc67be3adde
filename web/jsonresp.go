package web

import (
	"encoding/json"
	"net/http"
)

// errorBody is the JSON body of every API error.
type errorBody struct {
	Error string `json:"error"`
}

// writeJSON writes v as JSON with the given status. Encoding happens before
// the header is written so that a failure can still become a 500.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":"encoding response failed"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}
