// Package meili is the Meilisearch backend of search.Index (meilisearch-go
// v0.37, Meilisearch 1.21).
//
// Each story is one document keyed by story id: keyword attributes for
// filters and facets, per-language text attributes (headline_ru, body_ja, …)
// tokenised with the matching locale through localizedAttributes, the entity
// names, and the Story JSON as a non-searchable string for Get. Every write
// waits for its task and surfaces a failed task as an error.
//
// Version rule: Upsert reads the indexed versions of the batch's ids and
// drops stale stories before writing, under a per-Index mutex. Meilisearch
// has no conditional write, so two processes writing the same id can still
// race: the window is from one process's version read to the processing of
// its write task (usually milliseconds, at most the task queue's delay). Run
// one index worker per Meilisearch index, or accept that such a race can
// leave an older version until the next edit; within one process the rule
// holds strictly.
package meili

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"github.com/polywire/polywire/search"
)

// Options configure Open.
type Options struct {
	// URL of the server, e.g. http://127.0.0.1:7700.
	URL string
	// APIKey is the master key or a key allowed to manage the index.
	APIKey string
	// Index is the index uid; default "stories".
	Index string
	// Logger receives debug events (stale stories dropped); default discards.
	Logger *slog.Logger
	// TaskPoll is the interval between task status polls; default 20ms.
	TaskPoll time.Duration
}

// Index is a search.Index on Meilisearch, safe for concurrent use.
type Index struct {
	client meilisearch.ServiceManager
	idx    meilisearch.IndexManager
	log    *slog.Logger
	poll   time.Duration
	uid    string
	// mu makes version check and write atomic within this process.
	mu sync.Mutex
}

var _ search.Index = (*Index)(nil)

// Open connects to Meilisearch, creates the index (primary key id) when it
// does not exist and applies the settings, waiting for each task. A server
// that does not answer or a failed task is an error.
func Open(ctx context.Context, o Options) (*Index, error) {
	if o.URL == "" {
		return nil, fmt.Errorf("meili: opening index: no URL")
	}
	x := &Index{
		client: meilisearch.New(o.URL, meilisearch.WithAPIKey(o.APIKey)),
		log:    cmp.Or(o.Logger, slog.New(slog.DiscardHandler)),
		poll:   cmp.Or(o.TaskPoll, 20*time.Millisecond),
		uid:    cmp.Or(o.Index, "stories"),
	}
	x.log = x.log.With("index", x.uid)
	x.idx = x.client.Index(x.uid)
	if err := x.create(ctx); err != nil {
		return nil, err
	}
	if err := x.applySettings(ctx); err != nil {
		return nil, err
	}
	return x, nil
}

func (x *Index) create(ctx context.Context) error {
	ti, err := x.client.CreateIndex(ctx, &meilisearch.IndexConfig{Uid: x.uid, PrimaryKey: fieldID})
	if err != nil {
		return fmt.Errorf("meili: creating index %s: %w", x.uid, classify(err))
	}
	err = x.wait(ctx, ti, "creating index "+x.uid)
	if taskCode(err) != "index_already_exists" {
		return err
	}
	// An existing index must be keyed by story id, or every write fails.
	pk, err := x.idx.FetchPrimaryKey(ctx)
	if err != nil {
		return fmt.Errorf("meili: reading primary key of %s: %w", x.uid, classify(err))
	}
	if pk != nil && *pk != fieldID {
		return fmt.Errorf("meili: index %s has primary key %q, want %q", x.uid, *pk, fieldID)
	}
	return nil
}

// Close releases the client's idle connections; the server keeps the index.
func (x *Index) Close() error {
	x.client.Close()
	return nil
}
