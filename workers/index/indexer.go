// Package index is the index stage: it writes tagged and translated stories
// to the search index and passes them on unchanged, so the runner publishes
// them to polywire.indexed.<lang>.<source>.
//
// Concurrent calls are collected into batched search.Index.Upsert calls by
// one batcher goroutine; each call waits for the result of its batch.
package index

import (
	"cmp"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search"
)

// ErrClosed is returned by Stage after Close.
var ErrClosed = errors.New("index: indexer closed")

// Options configure an Indexer. Zero values take the defaults.
type Options struct {
	// BatchSize is the largest number of stories in one Upsert; default 100.
	BatchSize int
	// FlushInterval is the longest the first story of a batch waits for
	// others before the batch is written; default 200ms.
	FlushInterval time.Duration
	// Linger ends a batch early when no story arrived for this long; default
	// 2ms. With few concurrent callers (fewer than BatchSize) it keeps each
	// story from waiting the whole FlushInterval. Set it to FlushInterval or
	// more to always wait the full interval.
	Linger time.Duration
	// WriteTimeout bounds one Upsert; default 30s.
	WriteTimeout time.Duration
	Logger       *slog.Logger
}

func (o *Options) setDefaults() {
	if o.BatchSize <= 0 {
		o.BatchSize = 100
	}
	if o.FlushInterval <= 0 {
		o.FlushInterval = 200 * time.Millisecond
	}
	if o.Linger <= 0 {
		o.Linger = 2 * time.Millisecond
	}
	o.WriteTimeout = cmp.Or(o.WriteTimeout, 30*time.Second)
	o.Logger = cmp.Or(o.Logger, slog.New(slog.DiscardHandler))
}

// Indexer is the index stage. It is safe for concurrent use; Close it to
// flush pending stories and stop its goroutine.
type Indexer struct {
	idx  search.Index
	o    Options
	log  *slog.Logger
	reqs chan request
	quit chan struct{}
	done chan struct{}
	once sync.Once
	// onQueued, when set (tests), is called as the batcher takes a request.
	onQueued func()
}

type request struct {
	story  *pipeline.Story
	result chan error // buffered: the batcher never blocks on it
}

// New returns an Indexer writing to idx and starts its batcher.
func New(idx search.Index, o Options) *Indexer {
	o.setDefaults()
	x := &Indexer{
		idx: idx, o: o, log: o.Logger.With("stage", pipeline.StageIndex),
		reqs: make(chan request), quit: make(chan struct{}), done: make(chan struct{}),
	}
	go x.loop()
	return x
}

// Close stops accepting stories, writes the batch being collected and waits
// for the batcher to stop. It does not close the search index. Close is
// idempotent.
func (x *Indexer) Close() error {
	x.once.Do(func() { close(x.quit) })
	<-x.done
	return nil
}
