package config

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Validate checks the whole configuration, sources included, and returns
// every problem joined (errors.Join) as *Problem values carrying file, line
// and field path when the config came from Load. nil means valid. Validate
// does not apply defaults: call it on a loaded config or fill every field.
func (c *Config) Validate() error {
	ps := &problems{pos: c.pos}
	return joinErrs(c.validateInto(ps))
}

func (c *Config) validate() []error {
	return c.validateInto(&problems{pos: c.pos})
}

func (c *Config) validateInto(ps *problems) []error {
	c.validateServer(ps)
	c.validatePipeline(ps)
	c.validateFetch(ps)
	c.validateSearch(ps)
	c.validateTranslate(ps)
	c.validateGazetteer(ps)
	validateSources(ps, c.Sources)
	return ps.list
}

func joinErrs(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return (&problems{list: errs}).err()
}

func (c *Config) validateServer(ps *problems) {
	if c.DataDir == "" {
		ps.add("data_dir", "e.g. ./data", "must not be empty")
	}
	checkListen(ps, "http.listen", c.HTTP.Listen, false)
	checkListen(ps, "nats.listen", c.NATS.Listen, true)
	if c.NATS.URL != "" {
		checkURL(ps, "nats.url", c.NATS.URL, []string{"nats", "tls", "ws", "wss"})
	}
	if c.NATS.MaxPayload < 1<<10 || c.NATS.MaxPayload > 64<<20 {
		ps.add("nats.max_payload", "8 MiB is recommended; at most 64 MiB", "%d bytes is out of range", c.NATS.MaxPayload)
	}
}

func checkListen(ps *problems, field, v string, offOK bool) {
	if offOK && v == "off" {
		return
	}
	if _, port, err := net.SplitHostPort(v); err != nil || port == "" {
		hint := "write host:port, e.g. 127.0.0.1:8080"
		if offOK {
			hint += `, or "off"`
		}
		ps.add(field, hint, "%q is not a listen address", v)
	}
}

func (c *Config) validatePipeline(ps *problems) {
	p := c.Pipeline
	if p.MaxAttempts < 1 {
		ps.add("pipeline.max_attempts", "at least 1", "%d attempts", p.MaxAttempts)
	}
	for i, b := range p.Backoff {
		if b <= 0 {
			ps.add(fmt.Sprintf("pipeline.backoff[%d]", i), "use a positive duration such as 5s", "%s is not positive", b.D())
		}
	}
	if p.Retention <= 0 {
		ps.add("pipeline.retention", "e.g. 720h", "%s is not positive", p.Retention.D())
	}
	if p.Concurrency < 1 || p.Concurrency > 256 {
		ps.add("pipeline.concurrency", "between 1 and 256", "%d is out of range", p.Concurrency)
	}
}

var meiliIndexRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,400}$`)

func (c *Config) validateSearch(ps *problems) {
	s := c.Search
	switch s.Backend {
	case "bleve":
	case "meilisearch":
		if s.Meilisearch.URL == "" {
			ps.add("search.meilisearch.url", "e.g. http://127.0.0.1:7700", "required when search.backend is meilisearch")
		} else {
			checkURL(ps, "search.meilisearch.url", s.Meilisearch.URL, []string{"http", "https"})
		}
	default:
		ps.add("search.backend", "use bleve or meilisearch", "unknown backend %q", s.Backend)
	}
	if !meiliIndexRE.MatchString(s.Meilisearch.Index) {
		ps.add("search.meilisearch.index", "letters, digits, - and _", "%q is not a valid index name", s.Meilisearch.Index)
	}
}

func (c *Config) validateTranslate(ps *problems) {
	t := c.Translate
	seen := map[string]bool{}
	for i, l := range t.Targets {
		f := fmt.Sprintf("translate.targets[%d]", i)
		checkLanguage(ps, f, l)
		if seen[l] {
			ps.add(f, "list each language once", "duplicate target %q", l)
		}
		seen[l] = true
	}
	checkURL(ps, "translate.apertium.url", t.Apertium.URL, []string{"http", "https"})
	if t.Apertium.Start != "auto" && t.Apertium.Start != "never" {
		ps.add("translate.apertium.start", "use auto or never", "unknown value %q", t.Apertium.Start)
	}
	if t.Apertium.Timeout <= 0 {
		ps.add("translate.apertium.timeout", "e.g. 60s", "%s is not positive", t.Apertium.Timeout.D())
	}
	if t.LibreTranslate.URL != "" {
		checkURL(ps, "translate.libretranslate.url", t.LibreTranslate.URL, []string{"http", "https"})
	}
	if t.LibreTranslate.Timeout <= 0 {
		ps.add("translate.libretranslate.timeout", "e.g. 60s", "%s is not positive", t.LibreTranslate.Timeout.D())
	}
}

func (c *Config) validateGazetteer(ps *problems) {
	for i, d := range c.GazetteerPaths() {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			ps.add(fmt.Sprintf("gazetteer_dirs[%d]", i), "paths are relative to polywire.yaml", "directory %s not found", d)
		}
	}
}

// checkURL reports a URL that does not parse, has another scheme or lacks
// a host.
func checkURL(ps *problems, field, raw string, schemes []string) *url.URL {
	u, err := url.Parse(raw)
	if err != nil {
		ps.add(field, "write an absolute URL", "%q is not a URL", raw)
		return nil
	}
	if !slices.Contains(schemes, u.Scheme) {
		ps.add(field, "use "+orList(schemes), "scheme %q not supported", u.Scheme)
		return nil
	}
	if u.Scheme != "file" && u.Host == "" {
		ps.add(field, "write an absolute URL such as https://example.org/rss.xml", "%q has no host", raw)
		return nil
	}
	return u
}

func orList(xs []string) string {
	if len(xs) == 1 {
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

// checkLanguage reports a language that is not a known ISO 639-1 code.
func checkLanguage(ps *problems, field, l string) {
	if !IsLanguage(l) {
		ps.add(field, `use a two-letter ISO 639-1 code such as "en", "ru" or "ja"`, "%q is not an ISO 639-1 language", l)
	}
}

// IsLanguage reports whether l is a known two-letter lower-case ISO 639-1
// code.
func IsLanguage(l string) bool {
	if len(l) != 2 || strings.ToLower(l) != l {
		return false
	}
	b, err := language.ParseBase(l)
	return err == nil && b.String() == l
}

func (c *Config) validateFetch(ps *problems) {
	f := c.Fetch
	if f.PerHostConcurrency < 1 || f.PerHostConcurrency > 64 {
		ps.add("fetch.per_host_concurrency", "between 1 and 64; 2 is polite", "%d is out of range", f.PerHostConcurrency)
	}
	if f.PerHostInterval < 0 {
		ps.add("fetch.per_host_interval", "e.g. 250ms", "%s is negative", f.PerHostInterval.D())
	}
	if f.Timeout < 0 {
		ps.add("fetch.timeout", "e.g. 30s", "%s is negative", f.Timeout.D())
	}
	if f.MaxBodyBytes < 1<<10 {
		ps.add("fetch.max_body_bytes", "at least 1 KiB; 16 MiB by default", "%d bytes is too small", f.MaxBodyBytes)
	}
	if f.MaxRedirects < 0 || f.MaxRedirects > 20 {
		ps.add("fetch.max_redirects", "between 0 and 20", "%d is out of range", f.MaxRedirects)
	}
}
