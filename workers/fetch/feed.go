package fetch

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"regexp"
	"strings"

	"github.com/mmcdole/gofeed"
	"github.com/polywire/polywire/internal/httpx"
	"github.com/polywire/polywire/pipeline"
)

// ErrNotAFeed is returned (wrapped, permanent) for a body that is not RSS,
// Atom or JSON Feed: an HTML page, a bot challenge, garbage.
var ErrNotAFeed = errors.New("not a feed")

var (
	prologEncodingRE = regexp.MustCompile(`(?i)^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']`)
	titleRE          = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)
)

// parseFeed parses a feed body, minding the charset trap: gofeed honours an
// encoding declared in the XML prolog itself, so such a body goes in raw;
// otherwise a non-UTF-8 charset from the Content-Type header is applied
// first (decoding a declared body again would make mojibake).
func parseFeed(body []byte, contentType, source, url string) (*gofeed.Feed, error) {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	in, err := feedBytes(body, contentType)
	if err != nil {
		return nil, pipeline.Permanent(fmt.Errorf("fetch: source %s: decoding %s: %w", source, url, err))
	}
	p := gofeed.NewParser()
	p.RSSTranslator = &rssTranslator{}
	feed, err := p.Parse(bytes.NewReader(in))
	if err != nil {
		return nil, pipeline.Permanent(fmt.Errorf("fetch: source %s: %s: %w", source, url, describeNotAFeed(body, err)))
	}
	return feed, nil
}

func feedBytes(body []byte, contentType string) ([]byte, error) {
	if head := body[:min(len(body), 512)]; prologEncodingRE.Match(head) {
		return body, nil
	}
	label := headerCharset(contentType)
	if label == "" || label == "utf-8" || label == "utf8" || label == "us-ascii" {
		return body, nil
	}
	return httpx.DecodeLabel(body, label)
}

func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(params["charset"]))
}

// describeNotAFeed names what came instead of a feed, for the dead letter.
func describeNotAFeed(body []byte, err error) error {
	head := bytes.ToLower(body[:min(len(body), 1024)])
	switch {
	case len(bytes.TrimSpace(body)) == 0:
		return fmt.Errorf("%w: empty body", ErrNotAFeed)
	case bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html")):
		title := ""
		if m := titleRE.FindSubmatch(body[:min(len(body), 8192)]); m != nil {
			title = strings.Join(strings.Fields(string(m[1])), " ")
		}
		return fmt.Errorf("%w: got an HTML page (title %q; a bot challenge or a moved feed?)", ErrNotAFeed, title)
	case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
		return fmt.Errorf("%w: unrecognised content starting %q", ErrNotAFeed, snippet(body))
	default:
		return fmt.Errorf("%w: %v", ErrNotAFeed, err)
	}
}

func snippet(b []byte) string {
	s := strings.ToValidUTF8(string(b[:min(len(b), 40)]), "?")
	return strings.Join(strings.Fields(s), " ")
}
