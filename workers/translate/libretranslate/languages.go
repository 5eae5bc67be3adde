package libretranslate

import (
	"context"
	"fmt"
	"net/http"

	"github.com/polywire/polywire/workers/translate"
)

// language is one entry of GET /languages.
type language struct {
	Code    string   `json:"code"`
	Name    string   `json:"name"`
	Targets []string `json:"targets"`
}

// Pairs returns every (language, target) the server lists, in ISO 639-1
// and sorted. Codes without an ISO 639-1 form ("zt") are skipped; region
// codes merge into their language ("pt-BR" → "pt", the plain code wins).
// The list is cached for PairsTTL and after a failed translation; when a
// refresh fails the last list is used, and with none the error is returned.
func (e *Engine) Pairs(ctx context.Context) ([]translate.Pair, error) {
	return e.core.Pairs(ctx)
}

func (e *Engine) fetchLanguages(ctx context.Context) (map[translate.Pair][2]string, error) {
	u := e.base + "/languages"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("libretranslate: listing languages %s: %w", u, err)
	}
	var langs []language
	if err := e.do(req, &langs); err != nil {
		return nil, fmt.Errorf("libretranslate: listing languages %s: %w", u, err)
	}
	codes := map[translate.Pair][2]string{}
	for _, l := range langs {
		for _, t := range l.Targets {
			addPair(codes, l.Code, t)
		}
	}
	return codes, nil
}

func addPair(codes map[translate.Pair][2]string, src, dst string) {
	from, ok1 := translate.ISO6391(src)
	to, ok2 := translate.ISO6391(dst)
	if !ok1 || !ok2 || from == to {
		return
	}
	p := translate.Pair{From: from, To: to}
	if cur, ok := codes[p]; ok && !translate.PreferCode(cur[0], src) && !translate.PreferCode(cur[1], dst) {
		return
	}
	codes[p] = [2]string{src, dst}
}
