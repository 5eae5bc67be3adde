package bus

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// KV is a JetStream key-value bucket, persisted in the store (it survives
// restarts of the embedded server). Safe for concurrent use.
type KV struct {
	kv     jetstream.KeyValue
	bucket string
}

// KeyValue opens or creates bucket with the given TTL (0: entries never
// expire); an existing bucket's TTL is updated. Bucket names use A-Z, a-z,
// 0-9, '-' and '_'.
func (b *Bus) KeyValue(ctx context.Context, bucket string, ttl time.Duration) (*KV, error) {
	kv, err := b.js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket: bucket, TTL: ttl, History: 1, Storage: jetstream.FileStorage})
	if err != nil {
		return nil, fmt.Errorf("bus: opening kv bucket %s: %w", bucket, err)
	}
	return &KV{kv: kv, bucket: bucket}, nil
}

// Get returns the value of key and whether it exists (a deleted or expired
// key does not).
func (k *KV) Get(ctx context.Context, key string) ([]byte, bool, error) {
	e, err := k.kv.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrKeyDeleted) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("bus: kv %s get %s: %w", k.bucket, key, err)
	}
	return e.Value(), true, nil
}

// Put stores v under key, replacing any value.
func (k *KV) Put(ctx context.Context, key string, v []byte) error {
	if _, err := k.kv.Put(ctx, key, v); err != nil {
		return fmt.Errorf("bus: kv %s put %s: %w", k.bucket, key, err)
	}
	return nil
}

// Create stores v under key only if key is absent; it reports whether it
// did. Use it for "first one wins" marks such as seen items.
func (k *KV) Create(ctx context.Context, key string, v []byte) (bool, error) {
	_, err := k.kv.Create(ctx, key, v)
	if errors.Is(err, jetstream.ErrKeyExists) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("bus: kv %s create %s: %w", k.bucket, key, err)
	}
	return true, nil
}

// Delete removes key; deleting an absent key is not an error.
func (k *KV) Delete(ctx context.Context, key string) error {
	if err := k.kv.Delete(ctx, key); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
		return fmt.Errorf("bus: kv %s delete %s: %w", k.bucket, key, err)
	}
	return nil
}

// Keys lists the live keys (empty, not an error, for an empty bucket).
func (k *KV) Keys(ctx context.Context) ([]string, error) {
	keys, err := k.kv.Keys(ctx)
	if errors.Is(err, jetstream.ErrNoKeysFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("bus: kv %s keys: %w", k.bucket, err)
	}
	return keys, nil
}
