package extract

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/extract/lang"
)

// Options configure an Extractor.
type Options struct {
	// Rules returns the extraction rules of a source id; nil means no
	// per-source rules.
	Rules func(source string) config.ExtractRules
	// Logger receives per-story events at Debug and problems at Warn; nil
	// discards them.
	Logger *slog.Logger
	// MaxBytes bounds page size (DefaultMaxBytes when 0).
	MaxBytes int
}

// Extractor is the extract stage. It is immutable and safe for concurrent
// use.
type Extractor struct {
	rules    func(string) config.ExtractRules
	log      *slog.Logger
	detect   *lang.Detector
	maxBytes int
}

// New returns an Extractor.
func New(o Options) *Extractor {
	e := &Extractor{rules: o.Rules, log: o.Logger, detect: lang.New(), maxBytes: o.MaxBytes}
	if e.rules == nil {
		e.rules = func(string) config.ExtractRules { return config.ExtractRules{} }
	}
	if e.log == nil {
		e.log = slog.New(slog.DiscardHandler)
	}
	e.log = e.log.With("stage", pipeline.StageExtract)
	return e
}

// Stage turns a raw item into one story. The body comes from the fetched
// page, else from the feed's HTML content, else the feed summary; a page
// that cannot be read falls back the same way. The feed's headline is kept
// unless empty (then the page's h1/og:title); published and updated times
// are taken from the page only when the feed had none. Language is the
// feed's declared language, else detected from the body, else "und". A
// story with no text at all is a permanent error; an empty-bodied story
// never leaves this stage.
func (e *Extractor) Stage(ctx context.Context, in *pipeline.RawItem) ([]*pipeline.Story, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if in == nil {
		return nil, pipeline.Permanentf("extract: nil raw item")
	}
	story := in.Story
	log := e.log.With("story_id", story.ID, "source", story.Source, "url", story.URL)
	res, reason := e.fromPage(in, log)
	source := "page"
	if res == nil || res.Body == "" {
		res, source = e.fallback(in, res)
	}
	if res.Body == "" && story.PubStatus == pipeline.PubStatusCanceled {
		// A kill often carries no text; it must still reach the index (which
		// removes the story) and the subscribers.
		story.Extraction = "kill: no article text"
		if story.Language == "" {
			story.Language = pipeline.LanguageUnknown
		}
		return []*pipeline.Story{&story}, nil
	}
	if res.Body == "" {
		return nil, pipeline.Permanentf("extract: no article text in %s: %s", story.URL, firstNonEmpty(reason, ReasonNoArticle))
	}
	e.fill(&story, in, res)
	if source != "page" && len(in.Page) > 0 {
		story.Extraction = fmt.Sprintf("%s; body from %s", firstNonEmpty(reason, ReasonNoArticle), source)
	}
	log.Debug("extracted", "language", story.Language, "body_runes", len([]rune(story.Body)), "reason", story.Extraction)
	return []*pipeline.Story{&story}, nil
}

// fallback fills the body from the feed content, else the feed summary,
// keeping the page's metadata when the page had any. It names the source of
// the body.
func (e *Extractor) fallback(in *pipeline.RawItem, page *Result) (*Result, string) {
	res := page
	if res == nil {
		res = &Result{}
	}
	if feed := e.fromFeed(in); feed != nil {
		if page == nil {
			return feed, "feed content"
		}
		res.Body, res.Dateline, res.Agency = feed.Body, feed.Dateline, feed.Agency
		return res, "feed content"
	}
	// Summaries may carry markup and entities too.
	res.Body = firstNonEmpty(fragmentText(in.Story.Summary, config.ExtractRules{}), collapse(in.Story.Summary))
	return res, "feed summary"
}

// fromPage extracts the fetched page; it returns nil and the reason when
// there is no page or it cannot be read.
func (e *Extractor) fromPage(in *pipeline.RawItem, log *slog.Logger) (*Result, string) {
	if len(in.Page) == 0 {
		return nil, "no page"
	}
	res, err := Extract(in.Page, PageOptions{
		URL:          firstNonEmpty(in.PageURL, in.Story.URL),
		ContentType:  pageContentType(in),
		Rules:        e.rules(firstNonEmpty(in.Rules, in.Story.Source)),
		FeedLanguage: in.FeedLanguage,
		MaxBytes:     e.maxBytes,
	})
	if err != nil {
		log.Warn("page unusable, falling back to the feed", "error", err)
		return nil, unwrapReason(err)
	}
	return res, res.Reason
}

// pageContentType tells Extract how the page bytes are encoded: the fetch
// stage decodes pages to UTF-8 unless PageCharset names another encoding.
// Bytes that are not valid UTF-8 despite that are sniffed.
func pageContentType(in *pipeline.RawItem) string {
	if in.PageCharset != "" {
		return "text/html; charset=" + in.PageCharset
	}
	if validUTF8(in.Page) {
		return "text/html; charset=utf-8"
	}
	return in.PageType
}

// fromFeed extracts the feed's HTML content. The content is the article
// itself, so nothing is chosen among candidates: boilerplate is removed and
// the rest rendered.
func (e *Extractor) fromFeed(in *pipeline.RawItem) *Result {
	content := strings.TrimSpace(in.FeedContent)
	if content == "" {
		return nil
	}
	body := fragmentText(content, e.rules(firstNonEmpty(in.Rules, in.Story.Source)))
	if body == "" {
		return nil
	}
	res := &Result{Body: body, Dateline: ParseDateline(body, in.Story.Published)}
	if res.Dateline != nil {
		res.Agency = CanonicalAgency(res.Dateline.Agency)
	}
	return res
}

// fill copies the extraction into the story following the precedence
// documented on Stage.
func (e *Extractor) fill(s *pipeline.Story, in *pipeline.RawItem, res *Result) {
	s.Body = res.Body
	s.Headline = firstNonEmpty(s.Headline, res.Headline)
	s.Byline = firstNonEmpty(s.Byline, res.Byline)
	s.Image = firstNonEmpty(s.Image, res.Image)
	if s.Published.IsZero() {
		s.Published = res.Published
	}
	if s.Updated.IsZero() {
		s.Updated = res.Updated
	}
	s.Dateline = res.Dateline
	if s.Dateline == nil && s.Body != "" {
		s.Dateline = ParseDateline(s.Body, s.Published)
	}
	if s.Dateline != nil && s.Dateline.Parsed == "" {
		s.Dateline.Parsed = resolveDate(s.Dateline.Date, s.Published)
	}
	if s.Dateline != nil && s.Dateline.Agency != "" {
		s.Agency = CanonicalAgency(s.Dateline.Agency)
	}
	s.Language = e.language(in, s)
	s.Extraction = ""
	if s.Schema == 0 {
		s.Schema = pipeline.SchemaVersion
	}
}

// language: the feed's declared language (or the one the fetch stage set
// from the source), else detected from the body and headline, else "und".
func (e *Extractor) language(in *pipeline.RawItem, s *pipeline.Story) string {
	if l := normalizeLang(in.FeedLanguage); l != "" {
		return l
	}
	if l := normalizeLang(s.Language); l != "" {
		return l
	}
	if l := e.detect.Detect(s.Headline + "\n\n" + s.Body); l != lang.Unknown {
		return l
	}
	return pipeline.LanguageUnknown
}

// unwrapReason turns an Extract error into a short reason for the story.
func unwrapReason(err error) string {
	for _, e := range []error{ErrEmpty, ErrBinary, ErrTooLarge, ErrTooDeep} {
		if errors.Is(err, e) {
			return e.Error()
		}
	}
	return fmt.Sprint(err)
}
