package apertium

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/polywire/polywire/workers/translate"
)

// translateResponse is APY's /translate answer.
type translateResponse struct {
	ResponseData struct {
		TranslatedText *string `json:"translatedText"`
	} `json:"responseData"`
	ResponseStatus int `json:"responseStatus"`
}

// post translates one chunk with POST /translate.
func (e *Engine) post(ctx context.Context, langpair, chunk string) (string, error) {
	form := url.Values{
		"langpair":    {langpair},
		"q":           {chunk},
		"markUnknown": {"no"},
		"format":      {"txt"},
	}
	u := e.base + "/translate"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		return "", fmt.Errorf("apertium: translating %s at %s: %w", langpair, u, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	var body translateResponse
	if err := e.do(req, &body); err != nil {
		return "", fmt.Errorf("apertium: translating %s at %s: %w", langpair, u, err)
	}
	if body.ResponseData.TranslatedText == nil {
		return "", fmt.Errorf("apertium: translating %s at %s: answer without translatedText: %w", langpair, u, translate.ErrUnavailable)
	}
	return *body.ResponseData.TranslatedText, nil
}

// do sends req and decodes a 200 answer into v; other answers become
// classified errors (see classify).
func (e *Engine) do(req *http.Request, v any) error {
	resp, err := translate.SendHTTP(e.client, req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return classify(resp)
	}
	return decodeJSON(resp, v)
}
