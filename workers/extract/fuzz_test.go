package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/polywire/polywire/pipeline"
)

// FuzzExtract checks that no input makes Extract panic or return both a
// result and an error, and that a result is always valid UTF-8 text.
func FuzzExtract(f *testing.F) {
	seeds := []string{
		"",
		"<html><body><p>Hello, world. This is a short paragraph of text.</p></body></html>",
		"<meta charset=koi8-r><p>\xf0\xd2\xc9\xd7\xc5\xd4, \xcd\xc9\xd2</p>",
		"<div><div><div><p>unclosed",
		"ТОКИО, 20 сентября. /ТАСС/. Текст.",
		"TOKYO (Reuters) - text",
		`<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","author":[{"name":"a"},"b"]}</script>`,
		"\xff\xfe<\x00p\x00>\x00",
		"<table><tr><td><p>a<td>b</table><form><p>x</form>",
	}
	for _, s := range seeds {
		f.Add([]byte(s), "")
	}
	f.Add([]byte("<p>x</p>"), "text/html; charset=shift_jis")
	if files, _ := filepath.Glob("testdata/charset/*.html"); len(files) > 0 {
		for _, file := range files[:3] {
			if b, err := os.ReadFile(file); err == nil {
				f.Add(b, "")
			}
		}
	}
	// Whole pages with furniture: teaser cards, photo blocks, digests,
	// about boxes, every dateline style.
	golden, _ := filepath.Glob("testdata/golden/*.html")
	for _, file := range golden {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b, "")
		}
	}
	f.Fuzz(func(t *testing.T, page []byte, contentType string) {
		res, err := Extract(page, PageOptions{URL: "https://example.test/", ContentType: contentType, MaxBytes: 1 << 20})
		if err != nil {
			if res != nil {
				t.Fatalf("result with error %v", err)
			}
			return
		}
		for _, s := range []string{res.Body, res.Headline, res.Byline, res.Image, res.Canonical} {
			if !validUTF8([]byte(s)) {
				t.Fatalf("invalid UTF-8 in result: %q", s)
			}
		}
		if res.Body == "" && res.Reason == "" {
			t.Fatal("empty body without a reason")
		}
	})
}

// FuzzStageFeedContent runs the stage on arbitrary feed content and
// summaries: a story comes out with a body, or a permanent error, never a
// panic or an empty body.
func FuzzStageFeedContent(f *testing.F) {
	for _, s := range []string{"<p>TOKYO (Reuters) - Text.</p>", "plain text", "<div><p>a</div>", "&lt;p&gt;escaped&lt;/p&gt;", ""} {
		f.Add(s, "summary")
	}
	e := New(Options{})
	f.Fuzz(func(t *testing.T, content, summary string) {
		in := &pipeline.RawItem{Story: pipeline.Story{Headline: "h", Summary: summary}, FeedContent: content}
		out, err := e.Stage(context.Background(), in)
		if err != nil {
			if !pipeline.IsPermanent(err) {
				t.Fatalf("non-permanent error %v", err)
			}
			return
		}
		if len(out) != 1 || out[0].Body == "" {
			t.Fatalf("got %d stories, body %q", len(out), out[0].Body)
		}
	})
}
