// Package bleve is the embedded search backend: a Bleve v2 index on disk
// (or in memory) implementing search.Index.
//
// Text is analysed per language: headline_ru/body_ru with the Russian
// Snowball analyzer, _en and _es likewise, _cjk with CJK bigrams for ja, zh
// and ko, _std with the standard analyzer for other languages. A story's own
// text and each of its successful translations go to the fields of their
// language. Filters use keyword fields; the full Story JSON is stored for Get.
package bleve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bbolt "go.etcd.io/bbolt"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/search/internal/doc"
)

// Index is a search.Index on Bleve. It is safe for concurrent use; writes
// are serialised so that the version check and the write are atomic.
type Index struct {
	idx bleve.Index
	// mu serialises Upsert and Delete: read current versions, then write.
	mu sync.Mutex
}

var _ search.Index = (*Index)(nil)

// Open opens the index at path, creating it when it does not exist. An
// empty path gives an in-memory index (for tests and demos).
func Open(path string) (*Index, error) {
	var (
		idx bleve.Index
		err error
	)
	switch {
	case path == "":
		// Scorch keeps an index without a path in memory; it is much
		// faster than NewMemOnly's upsidedown store.
		idx, err = bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
	case exists(path):
		idx, err = openExisting(path)
	default:
		idx, err = bleve.New(path, newMapping())
		if err == nil {
			err = idx.SetInternal([]byte(mappingKey), []byte(mappingVersion))
		}
	}
	if err != nil {
		return nil, fmt.Errorf("bleve: opening index %s: %w", path, err)
	}
	return &Index{idx: idx}, nil
}

// The mapping version is stored in the index; an index written with another
// mapping is refused rather than queried with the wrong fields.
const (
	mappingKey     = "polywire.mapping"
	mappingVersion = "1"
)

// ErrMappingChanged is returned by Open for an index built with another
// field mapping: move it away and reindex (polywire replay).
var ErrMappingChanged = errors.New("index built with another field mapping")

// lockTimeout bounds the wait for an index another process holds open (a
// Bleve index on disk is single-process).
const lockTimeout = "3s"

// ErrInUse means another process holds the index open.
var ErrInUse = errors.New("bleve: index in use by another process (a running polywire: query it through its API)")

func openExisting(path string) (bleve.Index, error) {
	idx, err := bleve.OpenUsing(path, map[string]any{"bolt_timeout": lockTimeout})
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, ErrInUse
	}
	if err != nil {
		return nil, err
	}
	v, err := idx.GetInternal([]byte(mappingKey))
	if err == nil && string(v) != mappingVersion {
		err = fmt.Errorf("%w (found %q, want %q)", ErrMappingChanged, v, mappingVersion)
	}
	if err != nil {
		_ = idx.Close()
		return nil, err
	}
	return idx, nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// Close releases the index.
func (x *Index) Close() error {
	if err := x.idx.Close(); err != nil {
		return fmt.Errorf("bleve: closing index: %w", err)
	}
	return nil
}

// Get returns the indexed story, or search.ErrNotFound for an unknown,
// deleted or canceled story.
func (x *Index) Get(ctx context.Context, id string) (*pipeline.Story, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{doc.FieldStory}
	res, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("bleve: getting story %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, search.ErrNotFound
	}
	raw, ok := res.Hits[0].Fields[doc.FieldStory].(string)
	if !ok {
		return nil, search.ErrNotFound // a tombstone
	}
	return decodeStory(id, raw)
}

func decodeStory(id, raw string) (*pipeline.Story, error) {
	var s pipeline.Story
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return nil, fmt.Errorf("bleve: decoding stored story %s: %w", id, err)
	}
	return &s, nil
}

// Delete removes a story (and its tombstone); unknown ids are no error.
func (x *Index) Delete(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("bleve: deleting story %s: %w", id, err)
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if err := x.idx.Delete(id); err != nil {
		return fmt.Errorf("bleve: deleting story %s: %w", id, err)
	}
	return nil
}
