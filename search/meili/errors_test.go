package meili_test

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search"
	"github.com/polywire/polywire/search/meili"
	"github.com/polywire/polywire/search/meili/meilitest"
	"github.com/polywire/polywire/search/searchtest"
)

func TestBackendErrors(t *testing.T) {
	srv := meilitest.Start(t)
	open := opener(srv)
	ctx := context.Background()

	t.Run("rejected document is a permanent error with the server's message", func(t *testing.T) {
		idx := open(t)
		bad := searchtest.Seed()
		bad.ID = "not a valid id!"
		err := idx.Upsert(ctx, []*pipeline.Story{bad})
		if err == nil || !pipeline.IsPermanent(err) || !strings.Contains(err.Error(), "invalid") {
			t.Errorf("Upsert(bad id) = %v, want a permanent error quoting Meilisearch", err)
		}
	})
	t.Run("reopening an index keeps its stories", func(t *testing.T) {
		name := meilitest.IndexName(t)
		first, err := meili.Open(ctx, meili.Options{URL: srv.URL, APIKey: srv.Key, Index: name})
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		if err := first.Upsert(ctx, []*pipeline.Story{searchtest.Seed()}); err != nil {
			t.Fatalf("Upsert: %v", err)
		}
		second, err := meili.Open(ctx, meili.Options{URL: srv.URL, APIKey: srv.Key, Index: name})
		if err != nil {
			t.Fatalf("second Open: %v", err)
		}
		if _, err := second.Get(ctx, searchtest.SeedID); err != nil {
			t.Errorf("Get after reopen: %v", err)
		}
	})
	t.Run("wrong key", func(t *testing.T) {
		_, err := meili.Open(ctx, meili.Options{URL: srv.URL, APIKey: "wrong-key-0123456789", Index: meilitest.IndexName(t)})
		if err == nil || pipeline.IsPermanent(err) {
			t.Errorf("Open with a wrong key = %v, want a retryable error", err)
		}
	})
	t.Run("server down", func(t *testing.T) {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		_, err = meili.Open(ctx, meili.Options{URL: "http://" + addr, Index: "stories"})
		if err == nil || pipeline.IsPermanent(err) {
			t.Errorf("Open against a closed port = %v, want a retryable error", err)
		}
	})
	t.Run("get unknown on empty index", func(t *testing.T) {
		if _, err := open(t).Get(ctx, "nothing"); !errors.Is(err, search.ErrNotFound) {
			t.Errorf("Get = %v, want ErrNotFound", err)
		}
	})
}
