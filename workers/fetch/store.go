package fetch

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sync"
)

// Store is the fetcher's persistent memory: seen marks, HTTP validators and
// health, under the keys below. The bus's JetStream KV satisfies it.
// Implementations must be safe for concurrent use. Get reports found=false,
// not an error, for a missing key.
type Store interface {
	Get(ctx context.Context, key string) ([]byte, bool, error)
	Put(ctx context.Context, key string, v []byte) error
}

// Key prefixes. Keys use dots, not colons, because NATS KV keys allow only
// letters, digits and - _ = / . (source ids are already restricted to
// a-z 0-9 - _).
const (
	SeenKeyPrefix   = "seen."   // seen.<source>.<story id> → seen mark
	HTTPKeyPrefix   = "http."   // http.<source> → validators of the feed
	HealthKeyPrefix = "health." // health.<source> → Health JSON
)

var keyRE = regexp.MustCompile(`^[-/_=.a-zA-Z0-9]+$`)

// MemStore is an in-memory Store for tests and the CLI. It rejects keys a
// NATS KV bucket would reject, so tests catch bad keys too.
type MemStore struct {
	mu sync.Mutex
	m  map[string][]byte
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore { return &MemStore{m: map[string][]byte{}} }

// Get implements Store.
func (s *MemStore) Get(_ context.Context, key string) ([]byte, bool, error) {
	if !keyRE.MatchString(key) {
		return nil, false, fmt.Errorf("fetch: invalid store key %q", key)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[key]
	return slices.Clone(v), ok, nil
}

// Put implements Store.
func (s *MemStore) Put(_ context.Context, key string, v []byte) error {
	if !keyRE.MatchString(key) {
		return fmt.Errorf("fetch: invalid store key %q", key)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = slices.Clone(v)
	return nil
}

// Keys returns the stored keys, sorted.
func (s *MemStore) Keys() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Sorted(maps.Keys(s.m))
}
