package bus_test

import (
	"context"
	"slices"
	"testing"

	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
)

func TestKVSurvivesRestart(t *testing.T) {
	o := bustest.Options(t)
	ctx := context.Background()
	b, err := bus.Open(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	kv, err := b.KeyValue(ctx, "fetch_seen", 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := kv.Put(ctx, "tass.abc", []byte("etag-1")); err != nil {
		t.Fatal(err)
	}
	if created, err := kv.Create(ctx, "tass.abc", []byte("other")); err != nil || created {
		t.Errorf("Create on an existing key = %v, %v; want false, nil", created, err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}

	b, err = bus.Open(ctx, o) // same DataDir
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	kv, err = b.KeyValue(ctx, "fetch_seen", 0)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		key   string
		want  string
		found bool
	}{
		{"kept across restart", "tass.abc", "etag-1", true},
		{"never written", "tass.zzz", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, ok, err := kv.Get(ctx, tc.key)
			if err != nil || ok != tc.found || string(v) != tc.want {
				t.Errorf("Get(%q) = %q, %v, %v; want %q, %v", tc.key, v, ok, err, tc.want, tc.found)
			}
		})
	}
	keys, err := kv.Keys(ctx)
	if err != nil || !slices.Equal(keys, []string{"tass.abc"}) {
		t.Errorf("Keys = %v, %v", keys, err)
	}
	if err := kv.Delete(ctx, "tass.abc"); err != nil {
		t.Fatal(err)
	}
	if keys, err := kv.Keys(ctx); err != nil || len(keys) != 0 {
		t.Errorf("Keys after delete = %v, %v; want none", keys, err)
	}
}
