package tag

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/polywire/polywire/pipeline"
)

// Document is one line of `polywire tag --jsonl` input.
type Document struct {
	ID   string `json:"id"`
	Lang string `json:"lang"`
	Text string `json:"text"`
	// Date resolves people's roles (RFC 3339 or YYYY-MM-DD); empty: today's
	// roles.
	Date string `json:"date,omitempty"`
}

// DocumentResult is one line of `polywire tag --jsonl` output.
type DocumentResult struct {
	ID       string             `json:"id"`
	Entities []pipeline.Mention `json:"entities"`
}

// TagDocument tags one document.
func (t *Tagger) TagDocument(d Document) DocumentResult {
	return DocumentResult{ID: d.ID, Entities: t.Tag(d.Text, d.Lang, parseDocDate(d.Date)).Entities}
}

func parseDocDate(s string) time.Time {
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if at, err := time.Parse(layout, s); err == nil {
			return at
		}
	}
	return time.Time{}
}

// maxLine bounds one JSONL input line (a document of a few MB).
const maxLine = 16 << 20

// TagJSONL reads Document lines from r and writes DocumentResult lines to w.
// A line that is not a document is logged and skipped (the rest goes on);
// the error reports the first such line together with read or write
// failures, which stop the run.
func (t *Tagger) TagJSONL(ctx context.Context, r io.Reader, w io.Writer, log *slog.Logger) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var firstBad error
	for line := 1; sc.Scan(); line++ {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("tag: jsonl line %d: %w", line, err)
		}
		var d Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			log.Warn("tag: skipping bad jsonl line", "line", line, "error", err)
			if firstBad == nil {
				firstBad = fmt.Errorf("tag: jsonl line %d: %w", line, err)
			}
			continue
		}
		if err := enc.Encode(t.TagDocument(d)); err != nil {
			return fmt.Errorf("tag: writing result of line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("tag: reading jsonl: %w", err)
	}
	return firstBad
}
