package config

import "time"

// Default values applied by setDefaults to fields left empty.
const (
	DefaultDataDir         = "./data"
	DefaultHTTPListen      = "127.0.0.1:8080"
	DefaultNATSListen      = "127.0.0.1:4222"
	DefaultMaxPayload      = 8 << 20
	DefaultMaxAttempts     = 5
	DefaultRetention       = 720 * time.Hour
	DefaultConcurrency     = 2
	DefaultBackend         = "bleve"
	DefaultMeiliIndex      = "stories"
	DefaultApertiumURL     = "http://127.0.0.1:2737"
	DefaultApertiumStart   = "auto"
	DefaultApertiumTimeout = 60 * time.Second
	DefaultSourcesFile     = "sources.yaml"
	DefaultInterval        = 5 * time.Minute
	DefaultPages           = "auto"
	DefaultIdentity        = "guid"
	DefaultStaleAfter      = 24 * time.Hour

	DefaultPerHostConcurrency = 2
	DefaultPerHostInterval    = 250 * time.Millisecond
	DefaultFetchTimeout       = 30 * time.Second
	DefaultMaxBodyBytes       = 16 << 20
	DefaultMaxRedirects       = 5

	// DefaultLibreTranslateTimeout bounds one request to LibreTranslate.
	DefaultLibreTranslateTimeout = 60 * time.Second
)

// DefaultBackoff is the redelivery schedule of the runner.
func DefaultBackoff() []Duration {
	return []Duration{Duration(time.Second), Duration(5 * time.Second), Duration(30 * time.Second), Duration(2 * time.Minute)}
}

// DefaultTargets are the translation targets when none are configured:
// English, the common language of the editors, and Russian, the language of
// the agencies Polywire was built around. Add "ja" and others as engines
// for them become available.
func DefaultTargets() []string { return []string{"en", "ru"} }

// setDefaults fills every field left empty with its default, sources
// included.
func (c *Config) setDefaults() {
	setString(&c.DataDir, DefaultDataDir)
	setString(&c.HTTP.Listen, DefaultHTTPListen)
	setString(&c.NATS.Listen, DefaultNATSListen)
	setInt(&c.NATS.MaxPayload, DefaultMaxPayload)
	setInt(&c.Pipeline.MaxAttempts, DefaultMaxAttempts)
	if len(c.Pipeline.Backoff) == 0 {
		c.Pipeline.Backoff = DefaultBackoff()
	}
	setDuration(&c.Pipeline.Retention, DefaultRetention)
	setInt(&c.Pipeline.Concurrency, DefaultConcurrency)
	setString(&c.Search.Backend, DefaultBackend)
	setString(&c.Search.Meilisearch.Index, DefaultMeiliIndex)
	if c.Translate.Targets == nil {
		c.Translate.Targets = DefaultTargets()
	}
	setString(&c.Translate.Apertium.URL, DefaultApertiumURL)
	setString(&c.Translate.Apertium.Start, DefaultApertiumStart)
	setDuration(&c.Translate.Apertium.Timeout, DefaultApertiumTimeout)
	setDuration(&c.Translate.LibreTranslate.Timeout, DefaultLibreTranslateTimeout)
	setString(&c.SourcesFile, DefaultSourcesFile)
	setInt(&c.Fetch.PerHostConcurrency, DefaultPerHostConcurrency)
	setDuration(&c.Fetch.PerHostInterval, DefaultPerHostInterval)
	setDuration(&c.Fetch.Timeout, DefaultFetchTimeout)
	if c.Fetch.MaxBodyBytes == 0 {
		c.Fetch.MaxBodyBytes = DefaultMaxBodyBytes
	}
	setInt(&c.Fetch.MaxRedirects, DefaultMaxRedirects)
	for i := range c.Sources {
		c.Sources[i].setDefaults()
	}
}

// setDefaults fills a source's empty options.
func (s *Source) setDefaults() {
	setDuration(&s.Interval, DefaultInterval)
	setString(&s.Pages, DefaultPages)
	setString(&s.Identity.Field, DefaultIdentity)
	setDuration(&s.StaleAfter, DefaultStaleAfter)
}

func setString(p *string, v string) {
	if *p == "" {
		*p = v
	}
}

func setInt(p *int, v int) {
	if *p == 0 {
		*p = v
	}
}

func setDuration(p *Duration, v time.Duration) {
	if *p == 0 {
		*p = Duration(v)
	}
}
