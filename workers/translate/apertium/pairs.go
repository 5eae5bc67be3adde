package apertium

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/polywire/polywire/workers/translate"
)

// listPairsResponse is APY's GET /listPairs answer.
type listPairsResponse struct {
	ResponseData []struct {
		SourceLanguage string `json:"sourceLanguage"`
		TargetLanguage string `json:"targetLanguage"`
	} `json:"responseData"`
	ResponseStatus int `json:"responseStatus"`
}

// Pairs returns the pairs APY lists, in ISO 639-1 and sorted, from a cache
// refreshed every PairsTTL and after a failed translation. When a refresh
// fails and an older list is known, that list is returned (translations
// then fail with the server's own error); with no list at all the error is
// returned, retryable.
func (e *Engine) Pairs(ctx context.Context) ([]translate.Pair, error) {
	return e.core.Pairs(ctx)
}

func (e *Engine) fetchPairs(ctx context.Context) (map[translate.Pair]string, error) {
	u := e.base + "/listPairs"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("apertium: listing pairs %s: %w", u, err)
	}
	var body listPairsResponse
	if err := e.do(req, &body); err != nil {
		return nil, fmt.Errorf("apertium: listing pairs %s: %w", u, err)
	}
	codes := map[translate.Pair]string{}
	for _, d := range body.ResponseData {
		addPair(codes, d.SourceLanguage, d.TargetLanguage)
	}
	return codes, nil
}

// addPair records an APY pair under its ISO 639-1 form; codes without one
// are skipped, and a plain code wins over a variant ("eng" over "eng_US").
func addPair(codes map[translate.Pair]string, src, dst string) {
	from, ok1 := translate.ISO6391(src)
	to, ok2 := translate.ISO6391(dst)
	if !ok1 || !ok2 || from == to {
		return
	}
	p := translate.Pair{From: from, To: to}
	cand := src + "|" + dst
	if cur, ok := codes[p]; ok {
		cs, cd, _ := strings.Cut(cur, "|")
		if !(translate.PreferCode(cs, src) || translate.PreferCode(cd, dst)) {
			return
		}
	}
	codes[p] = cand
}

// decodeJSON reads an APY JSON answer of at most maxResponse bytes.
func decodeJSON(r *http.Response, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, maxResponse))
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("decoding answer: %w", err)
	}
	return nil
}
