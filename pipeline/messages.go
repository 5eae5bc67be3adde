package pipeline

import "time"

// Meta is what the bus needs to route and label a message: the subject's
// language and source tokens and the Polywire-* headers.
type Meta struct {
	StoryID  string
	Version  int
	Source   string
	URL      string
	Language string
}

// Message is implemented by every type that travels between stages.
type Message interface {
	Meta() Meta
}

// FetchJob asks the fetch stage to poll one source. The scheduler publishes
// one per source and time slot; Slot makes the job's id, so two schedulers
// publishing the same slot produce one job.
type FetchJob struct {
	Source string    `json:"source"`
	Slot   time.Time `json:"slot"`
	// URL overrides the source's configured feed URL (used by `fetch`).
	URL string `json:"url,omitempty"`
}

// Meta implements Message.
func (j *FetchJob) Meta() Meta {
	return Meta{StoryID: "job-" + j.Source + "-" + j.Slot.UTC().Format("20060102T150405"), Version: 1, Source: j.Source, URL: j.URL, Language: LanguageUnknown}
}

// RawItem is what the fetch stage publishes for each new or edited feed item:
// the story as far as the feed tells it, plus the article page when one was
// fetched. Large pages travel compressed or through the object store; the bus
// takes care of that, stages see plain bytes.
type RawItem struct {
	Story Story `json:"story"`
	// FeedLanguage is the language the feed declared, if any.
	FeedLanguage string `json:"feed_language,omitempty"`
	// FeedContent is the item's HTML content or description from the feed.
	FeedContent string `json:"feed_content,omitempty"`
	// Page is the fetched article page (UTF-8 after charset decoding unless
	// PageCharset says otherwise), PageURL its final URL after redirects.
	Page        []byte `json:"page,omitempty"`
	PageURL     string `json:"page_url,omitempty"`
	PageType    string `json:"page_type,omitempty"`
	PageCharset string `json:"page_charset,omitempty"`
	// Rules names the per-source extraction rules to apply (source id).
	Rules string `json:"rules,omitempty"`
}

// Meta implements Message.
func (r *RawItem) Meta() Meta { return r.Story.Meta() }
