// Package config holds Polywire's typed configuration: polywire.yaml (the
// process), sources.yaml (the feeds admins add) and the gazetteer files, with
// embedded defaults, strict parsing (unknown keys are errors), validation that
// reports every problem with its file and field, and hot reload.
package config

import "time"

// Config is polywire.yaml.
type Config struct {
	// DataDir holds the embedded NATS store and the Bleve index.
	DataDir   string          `yaml:"data_dir"`
	HTTP      HTTPConfig      `yaml:"http"`
	NATS      NATSConfig      `yaml:"nats"`
	Pipeline  PipelineConfig  `yaml:"pipeline"`
	Search    SearchConfig    `yaml:"search"`
	Translate TranslateConfig `yaml:"translate"`
	// SourcesFile is sources.yaml, relative to polywire.yaml's directory.
	SourcesFile string `yaml:"sources_file"`
	// GazetteerDirs are extra gazetteer directories loaded after the
	// embedded defaults, relative to polywire.yaml's directory.
	GazetteerDirs []string `yaml:"gazetteer_dirs"`

	// Fetch tunes the outbound HTTP client shared by all sources.
	Fetch FetchConfig `yaml:"fetch"`

	// Sources is filled from SourcesFile by Load.
	Sources []Source `yaml:"-"`
	// Path is the file Config was loaded from ("" for embedded defaults).
	Path string `yaml:"-"`

	// pos locates fields in the files they were read from, for Problems.
	pos positions
}

// HTTPConfig is the editors' UI and API listener.
type HTTPConfig struct {
	Listen string `yaml:"listen"` // default 127.0.0.1:8080
}

// NATSConfig selects the embedded server or an external one.
type NATSConfig struct {
	// URL of an external server; empty runs the embedded server.
	URL string `yaml:"url"`
	// Listen is the embedded server's loopback listener for subscribers
	// (default 127.0.0.1:4222); "off" disables it.
	Listen string `yaml:"listen"`
	// MaxPayload of the embedded server in bytes (default 8 MiB).
	MaxPayload int `yaml:"max_payload"`
}

// FetchConfig is the politeness and safety policy of the fetcher's HTTP
// client, shared across sources: limits per host apply to all sources and
// article pages on that host together.
type FetchConfig struct {
	// PerHostConcurrency bounds simultaneous requests to one host (default 2).
	PerHostConcurrency int `yaml:"per_host_concurrency"`
	// PerHostInterval is the least time between the starts of two requests
	// to one host (default 250ms).
	PerHostInterval Duration `yaml:"per_host_interval"`
	// Timeout bounds one request, body included (default 30s).
	Timeout Duration `yaml:"timeout"`
	// MaxBodyBytes bounds a decoded response body (default 16 MiB).
	MaxBodyBytes int64 `yaml:"max_body_bytes"`
	// MaxRedirects bounds redirects per request (default 5).
	MaxRedirects int `yaml:"max_redirects"`
}

// PipelineConfig tunes the runner.
type PipelineConfig struct {
	// MaxAttempts before a message is dead-lettered (default 5).
	MaxAttempts int `yaml:"max_attempts"`
	// Backoff delays between attempts (default 1s, 5s, 30s, 2m).
	Backoff []Duration `yaml:"backoff"`
	// Retention of stage messages, raw items included, for replay (default 720h).
	Retention Duration `yaml:"retention"`
	// Concurrency per stage (default 2).
	Concurrency int `yaml:"concurrency"`
}

// SearchConfig selects the index backend.
type SearchConfig struct {
	Backend     string            `yaml:"backend"` // bleve (default) or meilisearch
	Meilisearch MeilisearchConfig `yaml:"meilisearch"`
}

// MeilisearchConfig is the Meilisearch backend.
type MeilisearchConfig struct {
	URL    string `yaml:"url"`
	APIKey string `yaml:"api_key"`
	Index  string `yaml:"index"` // default "stories"
}

// TranslateConfig lists target languages and engines. Engines are asked in
// a fixed order, Apertium first, then LibreTranslate: a pair goes to the
// first engine that lists it.
type TranslateConfig struct {
	// Targets are ISO 639-1 languages every story is translated into
	// (a story is not translated into its own language).
	Targets        []string             `yaml:"targets"`
	Apertium       ApertiumConfig       `yaml:"apertium"`
	LibreTranslate LibreTranslateConfig `yaml:"libretranslate"`
}

// ApertiumConfig is the Apertium APY engine.
type ApertiumConfig struct {
	URL string `yaml:"url"` // default http://127.0.0.1:2737
	// Start: "auto" (default) starts apertium-apy when installed and nothing
	// answers at URL; "never" does not.
	Start   string   `yaml:"start"`
	Timeout Duration `yaml:"timeout"`
}

// LibreTranslateConfig is a LibreTranslate server Polywire uses but does
// not start.
type LibreTranslateConfig struct {
	// URL of the server; empty (the default) disables the engine.
	URL string `yaml:"url"`
	// APIKey is sent with every request when set (servers started with
	// --api-keys require one).
	APIKey string `yaml:"api_key"`
	// Timeout bounds one HTTP request (default 60s).
	Timeout Duration `yaml:"timeout"`
}

// Source is one feed an admin configured in sources.yaml.
type Source struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	// URL of the feed: http(s):// or file://.
	URL string `yaml:"url"`
	// Language declared for the source when the feed does not say (ISO 639-1).
	Language string `yaml:"language"`
	// Agency is the originating agency when the source does not say
	// (a TASS feed: "TASS").
	Agency string `yaml:"agency"`
	// TimeZone resolves dates without a zone (IANA name, e.g. Europe/Moscow).
	TimeZone string `yaml:"timezone"`
	// Interval between polls (default 5m); MinInterval/MaxInterval bound
	// adaptive polling.
	Interval    Duration `yaml:"interval"`
	MinInterval Duration `yaml:"min_interval"`
	MaxInterval Duration `yaml:"max_interval"`
	// Pages: "auto" fetches the article page when the feed carries only a
	// summary (default), "always", or "never".
	Pages string `yaml:"pages"`
	// Identity selects what makes an item the same item: "guid" (default),
	// "link", with an optional regexp Pattern whose first group is the id.
	Identity Identity `yaml:"identity"`
	// AllowPrivate permits requests to loopback/private addresses (local
	// feeds, the demo).
	AllowPrivate bool `yaml:"allow_private"`
	// IgnoreRobots skips robots.txt for licensed content.
	IgnoreRobots bool `yaml:"ignore_robots"`
	// StaleAfter marks the source stale when it answers but publishes
	// nothing new for longer (default 24h).
	StaleAfter Duration `yaml:"stale_after"`
	// Extract holds per-source extraction rules.
	Extract ExtractRules `yaml:"extract"`
	// Headers are extra request headers.
	Headers map[string]string `yaml:"headers"`
	// Zones maps time-zone abbreviations to an IANA zone or a numeric
	// offset for this source's dates, overriding the built-in table
	// (CST is -0600 by default; a Chinese source says CST: Asia/Shanghai).
	Zones map[string]string `yaml:"zones"`
	// KillPattern is a regexp on the headline that marks an item as a kill
	// (pubstatus canceled), for feeds that announce kills in the title,
	// e.g. '^(KILL|WITHDRAWN|ИЗЪЯТИЕ)\b'.
	KillPattern string `yaml:"kill_pattern"`
	// Disabled sources are not polled.
	Disabled bool `yaml:"disabled"`
}

// Identity is a source's item identity rule.
type Identity struct {
	Field   string `yaml:"field"`   // guid (default) or link
	Pattern string `yaml:"pattern"` // optional regexp; group 1 is the identity
}

// ExtractRules are CSS selectors applied with goquery before the generic
// extraction: Drop removes matching nodes, Keep (when set) restricts the
// body to matching nodes.
type ExtractRules struct {
	Keep []string `yaml:"keep"`
	Drop []string `yaml:"drop"`
}

// Duration is a time.Duration written as "90s", "5m", "1h30m" in YAML.
type Duration time.Duration

// D returns d as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// UnmarshalText parses a Go duration string.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// MarshalText writes d as a Go duration string.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }
