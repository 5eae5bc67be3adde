package fetch

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/httpx"
	"github.com/polywire/polywire/pipeline"
)

// Stage implements pipeline.Stage[*pipeline.FetchJob, *pipeline.RawItem]:
// it polls the job's source and returns a RawItem for every new or edited
// item (none when the feed is unchanged). A job for an unknown source, a
// body that is not a feed, 404/410 and other refusals are permanent errors;
// timeouts, 5xx, 429 (with its Retry-After) and retryable article page
// failures are retryable. See the package doc for how seen marks survive a
// failed publish. Safe for concurrent use.
func (f *Fetcher) Stage(ctx context.Context, job *pipeline.FetchJob) ([]*pipeline.RawItem, error) {
	src, ok := f.opts.Sources(job.Source)
	if !ok {
		return nil, pipeline.Permanentf("fetch: unknown source %q (removed from sources.yaml?)", job.Source)
	}
	if src.Disabled {
		f.log.Debug("source disabled; job dropped", "source", src.ID)
		return nil, nil
	}
	out, err := f.poll(ctx, src, job)
	if ctx.Err() == nil {
		f.recordHealth(ctx, src, out)
	}
	if err != nil {
		return nil, err
	}
	return out.raws, nil
}

func (f *Fetcher) poll(ctx context.Context, src config.Source, job *pipeline.FetchJob) (jobOutcome, error) {
	jobID := job.Meta().StoryID
	feedURL := firstNonEmpty(job.URL, src.URL)
	v, err := f.loadValidators(ctx, src.ID, jobID)
	if err != nil {
		return jobOutcome{err: err}, err
	}
	resp, err := f.client(src).GetWithHeaders(ctx, feedURL, v, src.Headers)
	if err != nil {
		err = fmt.Errorf("fetch: source %s: %w", src.ID, err)
		return jobOutcome{err: err}, err
	}
	if resp.NotModified {
		f.log.Debug("feed not modified", "source", src.ID, "url", feedURL)
		return jobOutcome{items: -1}, nil
	}
	emit, total, err := f.process(ctx, src, jobID, resp)
	if err != nil {
		return jobOutcome{err: err}, err
	}
	if err := f.saveValidators(ctx, src.ID, jobID, resp.Validators); err != nil {
		return jobOutcome{err: err}, err
	}
	f.log.Debug("feed polled", "source", src.ID, "url", feedURL, "items", total, "new", len(emit))
	return jobOutcome{items: total, new: len(emit), raws: emit}, nil
}

// process parses the feed, selects new and edited items, fetches their
// pages and writes their seen marks.
func (f *Fetcher) process(ctx context.Context, src config.Source, jobID string, resp *httpx.Response) ([]*pipeline.RawItem, int, error) {
	feed, err := parseFeed(resp.Body, resp.ContentType(), src.ID, resp.FinalURL)
	if err != nil {
		return nil, 0, err
	}
	cands := f.candidates(src, feed, resp.FinalURL)
	emit, marks, err := f.selectNew(ctx, src.ID, jobID, cands)
	if err != nil {
		return nil, 0, err
	}
	if err := f.attachPages(ctx, src, resp.FinalURL, emit, true); err != nil {
		return nil, 0, fmt.Errorf("fetch: source %s: %w", src.ID, err)
	}
	if err := f.writeMarks(ctx, src.ID, emit, marks); err != nil {
		return nil, 0, err
	}
	return raws(emit), len(cands), nil
}

func (f *Fetcher) candidates(src config.Source, feed *gofeed.Feed, base string) []*candidate {
	ic := f.itemContext(src, base)
	ic.feed = feed
	out := make([]*candidate, 0, len(feed.Items))
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		c := ic.build(it)
		if c.raw.Story.DateProblem != "" {
			f.log.Debug("item date not understood", "source", src.ID, "story_id", c.raw.Story.ID, "date", c.raw.Story.DateProblem)
		}
		out = append(out, c)
	}
	return out
}

// itemContext compiles the source's rules (identity and kill patterns,
// zone overrides) for the items of one document.
func (f *Fetcher) itemContext(src config.Source, base string) *itemContext {
	ic := &itemContext{src: src, feed: &gofeed.Feed{}, base: base, loc: location(src.TimeZone), now: f.opts.Now(), short: f.opts.ShortContent}
	ic.identity = f.compile(src.ID, "identity", src.Identity.Pattern)
	ic.kill = f.compile(src.ID, "kill", src.KillPattern)
	if len(src.Zones) > 0 {
		ic.zones = map[string]string{}
		for abbr, zone := range src.Zones {
			if off, ok := config.ZoneOffset(zone, ic.now); ok {
				ic.zones[strings.ToUpper(abbr)] = fmt.Sprintf("%+03d%02d", off/3600, abs(off%3600)/60)
			}
		}
	}
	return ic
}

func abs(n int) int { return max(n, -n) }

func (f *Fetcher) compile(source, what, pattern string) *regexp.Regexp {
	if pattern == "" {
		return nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		f.log.Warn("bad pattern ignored", "source", source, "pattern", what, "error", err)
	}
	return re
}

func location(name string) *time.Location {
	if name == "" {
		return time.UTC
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.UTC
	}
	return loc
}

func raws(cs []*candidate) []*pipeline.RawItem {
	out := make([]*pipeline.RawItem, len(cs))
	for i, c := range cs {
		out[i] = c.raw
	}
	return out
}

// httpMark is the feed's validators and the job that stored them.
type httpMark struct {
	httpx.Validators
	Job string `json:"job"`
}

// loadValidators returns the validators for a conditional GET, or none when
// the same job stored them: a redelivered job must see the full feed again.
func (f *Fetcher) loadValidators(ctx context.Context, source, job string) (httpx.Validators, error) {
	b, found, err := f.opts.Seen.Get(ctx, HTTPKeyPrefix+source)
	if err != nil {
		return httpx.Validators{}, fmt.Errorf("fetch: reading validators of %s: %w", source, err)
	}
	var m httpMark
	if !found || json.Unmarshal(b, &m) != nil || m.Job == job {
		return httpx.Validators{}, nil
	}
	return m.Validators, nil
}

func (f *Fetcher) saveValidators(ctx context.Context, source, job string, v httpx.Validators) error {
	b, _ := json.Marshal(httpMark{Validators: v, Job: job})
	if err := f.opts.Seen.Put(ctx, HTTPKeyPrefix+source, b); err != nil {
		return fmt.Errorf("fetch: writing validators of %s: %w", source, err)
	}
	return nil
}

// FetchURL fetches and parses one feed for the `polywire fetch` command:
// urlOrPath is an http(s) or file URL or a local path; src gives the source
// rules (id "cli" when empty). Every item is returned as version 1; no
// seen marks, validators or health are read or written, and article page
// failures of any kind are logged, not returned.
func (f *Fetcher) FetchURL(ctx context.Context, urlOrPath string, src config.Source) ([]*pipeline.RawItem, error) {
	if src.ID == "" {
		src.ID = "cli"
	}
	target := urlOrPath
	if !strings.Contains(target, "://") {
		abs, err := filepath.Abs(target)
		if err != nil {
			return nil, fmt.Errorf("fetch: resolving %s: %w", target, err)
		}
		target = "file://" + filepath.ToSlash(abs)
	}
	resp, err := f.client(src).GetWithHeaders(ctx, target, httpx.Validators{}, src.Headers)
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", urlOrPath, err)
	}
	feed, err := parseFeed(resp.Body, resp.ContentType(), src.ID, resp.FinalURL)
	if err != nil {
		return nil, err
	}
	cands := f.candidates(src, feed, resp.FinalURL)
	for _, c := range cands {
		c.raw.Story.Version = 1
		c.raw.Story.VersionCreated = versionCreated(&c.raw.Story, 1)
	}
	if err := f.attachPages(ctx, src, resp.FinalURL, cands, false); err != nil {
		return nil, err
	}
	return raws(cands), nil
}
