package libretranslate

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/translate"
)

type translateRequest struct {
	Q      string `json:"q"`
	Source string `json:"source"`
	Target string `json:"target"`
	Format string `json:"format"`
	APIKey string `json:"api_key,omitempty"`
}

type translateResponse struct {
	TranslatedText *string `json:"translatedText"`
}

// post translates one chunk with POST /translate from the server's source
// code c[0] to its target code c[1].
func (e *Engine) post(ctx context.Context, c [2]string, chunk string) (string, error) {
	source, target := c[0], c[1]
	u := e.base + "/translate"
	body, err := json.Marshal(translateRequest{Q: chunk, Source: source, Target: target, Format: "text", APIKey: e.apiKey})
	if err != nil {
		return "", fmt.Errorf("libretranslate: encoding request: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("libretranslate: translating %s→%s at %s: %w", source, target, u, err)
	}
	req.Header.Set("Content-Type", "application/json")
	var out translateResponse
	if err := e.do(req, &out); err != nil {
		return "", fmt.Errorf("libretranslate: translating %s→%s at %s: %w", source, target, u, err)
	}
	if out.TranslatedText == nil {
		return "", fmt.Errorf("libretranslate: translating %s→%s at %s: answer without translatedText: %w", source, target, u, translate.ErrUnavailable)
	}
	return *out.TranslatedText, nil
}

// do sends req and decodes a 200 JSON answer into v.
func (e *Engine) do(req *http.Request, v any) error {
	resp, err := translate.SendHTTP(e.client, req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return classify(resp)
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxResponse)).Decode(v); err != nil {
		return fmt.Errorf("decoding answer: %w", err)
	}
	return nil
}

// classify maps LibreTranslate's error answers ({"error": "..."}): 429 and
// 5xx are retryable (with Retry-After when given), other 4xx (bad request,
// invalid API key, text over the limit) permanent.
func classify(resp *http.Response) error {
	msg := resp.Status
	var body struct {
		Error string `json:"error"`
	}
	if json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&body) == nil && body.Error != "" {
		msg += ": " + body.Error
	}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		err := fmt.Errorf("%w: %s", translate.ErrUnavailable, msg)
		if d := retryAfter(resp.Header.Get("Retry-After")); d > 0 {
			return pipeline.RetryAfter(err, d)
		}
		return err
	case resp.StatusCode >= 400:
		return pipeline.Permanentf("rejected: %s", msg)
	default:
		return fmt.Errorf("%w: unexpected %s", translate.ErrUnavailable, msg)
	}
}

func retryAfter(h string) time.Duration {
	if s, err := strconv.Atoi(strings.TrimSpace(h)); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	return 0
}
