package translate

import (
	"context"
	"fmt"
	"strings"

	"github.com/polywire/polywire/pipeline"
)

// TranslateFunc translates one chunk of plain text (one or more paragraphs
// separated by blank lines) with one request to an engine.
type TranslateFunc func(ctx context.Context, chunk string) (string, error)

// Chunked translates text with fn in requests of at most limit bytes and
// reassembles the result so that the paragraph structure of the input is
// kept exactly: paragraphs are packed into chunks joined by "\n\n"; when an
// engine merges or splits paragraphs of a chunk, that chunk is translated
// again paragraph by paragraph; a paragraph longer than limit is cut at
// sentence ends and its translated pieces rejoined with the whitespace they
// were cut at. The whitespace between paragraphs, and before and after the
// text, is copied from the input. Blank text is returned as is without
// calling fn. An empty translation of a non-blank chunk is a permanent
// ErrEmptyTranslation. limit <= 0 means no limit.
func Chunked(ctx context.Context, text string, limit int, fn TranslateFunc) (string, error) {
	lead, segs := splitParagraphs(text)
	if len(segs) == 0 {
		return text, nil
	}
	if limit <= 0 {
		limit = len(text)
	}
	out := make([]string, len(segs))
	for _, b := range batches(segs, limit) {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		if err := translateBatch(ctx, segs, b, limit, fn, out); err != nil {
			return "", err
		}
	}
	var sb strings.Builder
	sb.WriteString(lead)
	for i, s := range segs {
		sb.WriteString(out[i])
		sb.WriteString(s.sep)
	}
	return sb.String(), nil
}

// batch is a run of paragraph indexes [from, to) sent in one request.
type batch struct{ from, to int }

// batches packs consecutive paragraphs into requests of at most limit bytes;
// a paragraph over the limit is a batch of its own.
func batches(segs []segment, limit int) []batch {
	var out []batch
	cur, size := batch{}, 0
	for i, s := range segs {
		add := len(s.text)
		if i > cur.from {
			add += 2 // the "\n\n" joining it to the previous paragraph
		}
		if i > cur.from && size+add > limit {
			out = append(out, cur)
			cur, size, add = batch{from: i}, 0, len(s.text)
		}
		cur.to, size = i+1, size+add
	}
	return append(out, cur)
}

func translateBatch(ctx context.Context, segs []segment, b batch, limit int, fn TranslateFunc, out []string) error {
	if b.to-b.from == 1 {
		t, err := translateParagraph(ctx, segs[b.from].text, limit, fn)
		out[b.from] = t
		return err
	}
	texts := make([]string, 0, b.to-b.from)
	for _, s := range segs[b.from:b.to] {
		texts = append(texts, s.text)
	}
	t, err := call(ctx, strings.Join(texts, "\n\n"), fn)
	if err != nil {
		return err
	}
	if parts := splitBlank(t); len(parts) == len(texts) {
		copy(out[b.from:b.to], parts)
		return nil
	}
	for i := b.from; i < b.to; i++ { // the engine changed the paragraphing
		if out[i], err = translateParagraph(ctx, segs[i].text, limit, fn); err != nil {
			return err
		}
	}
	return nil
}

// translateParagraph translates one paragraph, in pieces when it is longer
// than limit.
func translateParagraph(ctx context.Context, p string, limit int, fn TranslateFunc) (string, error) {
	var sb strings.Builder
	for _, piece := range splitLong(p, limit) {
		t, err := call(ctx, piece.text, fn)
		if err != nil {
			return "", err
		}
		sb.WriteString(t)
		sb.WriteString(piece.sep)
	}
	return sb.String(), nil
}

func call(ctx context.Context, chunk string, fn TranslateFunc) (string, error) {
	t, err := fn(ctx, chunk)
	if err != nil {
		return "", err
	}
	t = strings.TrimSpace(t)
	if t == "" {
		return "", pipeline.Permanent(fmt.Errorf("translate: %d bytes in: %w", len(chunk), ErrEmptyTranslation))
	}
	return t, nil
}
