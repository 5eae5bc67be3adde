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
	if dir, ok := dropDir(feedURL); ok {
		return f.pollDir(ctx, src, jobID, dir)
	}
	v, err := f.loadValidators(ctx, src.ID, jobID)
	if err != nil {
		return jobOutcome{err: err, held: -1}, err
	}
	resp, err := f.client(src).GetWithHeaders(ctx, feedURL, v, src.Headers)
	if err != nil {
		err = fmt.Errorf("fetch: source %s: %w", src.ID, err)
		return jobOutcome{err: err, held: -1}, err
	}
	fresh := freshUntil(resp, f.opts.Now(), src)
	if resp.NotModified {
		f.log.Debug("feed not modified", "source", src.ID, "url", feedURL)
		out, err := f.emit(ctx, src, jobID, resp.FinalURL, nil)
		out.items, out.notBefore = -1, fresh
		return out, err
	}
	cands, err := f.parseDocument(src, resp.Body, resp.ContentType(), resp.FinalURL)
	if err != nil {
		return jobOutcome{err: err, held: -1}, err
	}
	out, err := f.emit(ctx, src, jobID, resp.FinalURL, cands)
	if err != nil {
		return out, err
	}
	if err := f.saveValidators(ctx, src.ID, jobID, resp.Validators); err != nil {
		return jobOutcome{err: err, held: -1}, err
	}
	out.notBefore = fresh
	f.log.Debug("feed polled", "source", src.ID, "url", feedURL, "items", out.items, "new", out.new)
	return out, nil
}

// parseDocument reads a feed (RSS, Atom, JSON Feed) or an agency document
// (ninjs, NewsML-G2) into candidates. A body that is none of these is a
// permanent error.
func (f *Fetcher) parseDocument(src config.Source, body []byte, contentType, base string) ([]*candidate, error) {
	f.parses.Add(1)
	ic := f.itemContext(src, base)
	var items []*agencyItem
	var err error
	switch sniffFormat(body) {
	case formatNinjs:
		items, err = parseNinjs(body)
	case formatNewsML:
		items, err = parseNewsML(body)
	default:
		feed, err := parseFeed(body, contentType, src.ID, base)
		if err != nil {
			return nil, err
		}
		return f.candidates(src, feed, base), nil
	}
	if err != nil {
		return nil, pipeline.Permanent(fmt.Errorf("fetch: source %s: %s: %w", src.ID, base, err))
	}
	out := make([]*candidate, 0, len(items))
	for _, a := range items {
		out = append(out, ic.agencyCandidate(a))
	}
	return out, nil
}

// emit selects new and edited candidates, holds the embargoed ones,
// releases held items whose embargo passed, fetches pages and writes the
// seen marks.
func (f *Fetcher) emit(ctx context.Context, src config.Source, jobID, base string, cands []*candidate) (jobOutcome, error) {
	fail := func(err error) (jobOutcome, error) { return jobOutcome{err: err, held: -1}, err }
	sel, marks, err := f.selectNew(ctx, src.ID, jobID, cands)
	if err != nil {
		return fail(err)
	}
	emb, err := f.loadEmbargoes(ctx, src.ID, jobID)
	if err != nil {
		return fail(err)
	}
	now := f.opts.Now()
	var send []*candidate
	for _, c := range sel {
		if embargoed(c, now) {
			if err := emb.hold(ctx, c); err != nil {
				return fail(err)
			}
			continue
		}
		emb.drop(c.raw.Story.ID)
		send = append(send, c)
	}
	released, err := emb.release(ctx, now)
	if err != nil {
		return fail(err)
	}
	if err := f.attachPages(ctx, src, base, append(send, released...), true); err != nil {
		return fail(fmt.Errorf("fetch: source %s: %w", src.ID, err))
	}
	if err := f.writeMarks(ctx, src.ID, sel, marks); err != nil {
		return fail(err)
	}
	if err := emb.save(ctx); err != nil {
		return fail(err)
	}
	send = append(send, released...)
	return jobOutcome{items: len(cands), new: len(send), raws: raws(send), held: emb.waiting(ctx)}, nil
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
	ic.zones = zoneRules(src, ic.loc, ic.now)
	return ic
}

// zoneRules maps zone abbreviations to offsets for a source: the
// abbreviations of its own timezone (Asia/Shanghai makes CST +0800,
// America/Chicago CST -0600 and CDT -0500), overridden by its zones option.
func zoneRules(src config.Source, loc *time.Location, now time.Time) map[string]string {
	out := map[string]string{}
	if loc != time.UTC {
		for _, m := range []time.Month{time.January, time.July} {
			name, off := time.Date(now.Year(), m, 1, 12, 0, 0, 0, loc).Zone()
			if zoneAbbrRE.MatchString(name) {
				out[name] = offsetString(off)
			}
		}
	}
	for abbr, zone := range src.Zones {
		if off, ok := config.ZoneOffset(zone, now); ok {
			out[strings.ToUpper(abbr)] = offsetString(off)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

var zoneAbbrRE = regexp.MustCompile(`^[A-Z]{2,5}$`)

func offsetString(off int) string {
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%c%02d%02d", sign, off/3600, off%3600/60)
}

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
	cands, err := f.readOnce(ctx, src, target)
	if err != nil {
		return nil, err
	}
	for _, c := range cands {
		c.raw.Story.Version = 1
		c.raw.Story.VersionCreated = versionCreated(&c.raw.Story, 1)
	}
	if err := f.attachPages(ctx, src, target, cands, false); err != nil {
		return nil, err
	}
	return raws(cands), nil
}

// readOnce reads every candidate at target: a feed or agency document, or
// every agency file of a drop directory.
func (f *Fetcher) readOnce(ctx context.Context, src config.Source, target string) ([]*candidate, error) {
	if dir, ok := dropDir(target); ok {
		cands, _, _, err := f.scanDir(ctx, src, dir, nil)
		return cands, err
	}
	resp, err := f.client(src).GetWithHeaders(ctx, target, httpx.Validators{}, src.Headers)
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", target, err)
	}
	return f.parseDocument(src, resp.Body, resp.ContentType(), resp.FinalURL)
}
