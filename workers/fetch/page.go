package fetch

import (
	"context"
	"fmt"
	"mime"
	"net/url"
	"strings"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/httpx"
	"github.com/polywire/polywire/pipeline"
	"golang.org/x/sync/errgroup"
)

// wantsPage applies the source's pages rule.
func wantsPage(src config.Source, c *candidate) bool {
	switch src.Pages {
	case "never":
		return false
	case "always":
		return true
	default:
		return c.summaryOnly
	}
}

// attachPages fetches the article pages the candidates need, a few at a
// time. A retryable failure fails the job (it will be redelivered); a
// permanent one (404, not HTML, a refused address) is logged and the item
// goes on with its feed content only.
//
// With strict false (the CLI) every page failure is only logged.
func (f *Fetcher) attachPages(ctx context.Context, src config.Source, feedURL string, cands []*candidate, strict bool) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(pageWorkers)
	for _, c := range cands {
		if !wantsPage(src, c) || c.raw.Story.URL == "" {
			continue
		}
		g.Go(func() error {
			err := f.fetchPage(gctx, src, feedURL, c.raw)
			if err != nil && (pipeline.IsPermanent(err) || !strict) {
				f.log.Warn("article page unusable; keeping the feed content", "source", src.ID,
					"story_id", c.raw.Story.ID, "url", c.raw.Story.URL, "error", err)
				return nil
			}
			return err
		})
	}
	return g.Wait()
}

func (f *Fetcher) fetchPage(ctx context.Context, src config.Source, feedURL string, raw *pipeline.RawItem) error {
	link := raw.Story.URL
	u, err := url.Parse(link)
	if err != nil {
		return pipeline.Permanent(fmt.Errorf("fetch: page link %q: %w", link, err))
	}
	if !pageSchemeAllowed(src, u.Scheme) {
		return pipeline.Permanentf("fetch: page link %s: scheme %q not allowed for a feed link", link, u.Scheme)
	}
	if err := f.robotsCheck(ctx, src, u); err != nil {
		return err
	}
	resp, err := f.client(src).GetWithHeaders(ctx, link, httpx.Validators{}, sameHostHeaders(src, feedURL, u))
	if err != nil {
		return fmt.Errorf("fetch: page of %s: %w", raw.Story.ID, err)
	}
	mediaType, _, _ := mime.ParseMediaType(resp.ContentType())
	if mediaType != "" && mediaType != "text/html" && mediaType != "application/xhtml+xml" {
		return pipeline.Permanentf("fetch: page %s is %s, not HTML", link, mediaType)
	}
	body, _, err := httpx.DecodeHTML(resp.Body, resp.ContentType())
	if err != nil {
		return pipeline.Permanent(fmt.Errorf("fetch: page %s: %w", link, err))
	}
	raw.Page, raw.PageURL, raw.PageCharset = body, resp.FinalURL, "utf-8"
	raw.PageType = firstNonEmpty(mediaType, "text/html")
	return nil
}

// pageSchemeAllowed: feed-supplied links are hostile; only http(s), and
// file:// for sources that allow private access (local demo feeds).
func pageSchemeAllowed(src config.Source, scheme string) bool {
	return scheme == "http" || scheme == "https" || (scheme == "file" && src.AllowPrivate)
}

// sameHostHeaders sends the source's headers (API keys) only to the feed's
// own host, never to hosts a feed item names.
func sameHostHeaders(src config.Source, feedURL string, page *url.URL) map[string]string {
	fu, err := url.Parse(feedURL)
	if err != nil || !strings.EqualFold(fu.Host, page.Host) {
		return nil
	}
	return src.Headers
}
