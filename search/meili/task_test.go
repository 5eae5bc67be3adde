package meili

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/meilisearch/meilisearch-go"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/search/meili/meilitest"
)

func openTest(t *testing.T, srv meilitest.Server, index string) *Index {
	t.Helper()
	x, err := Open(context.Background(), Options{URL: srv.URL, APIKey: srv.Key, Index: index})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = x.Close() })
	return x
}

func TestFailedTaskIsReported(t *testing.T) {
	srv := meilitest.Start(t)
	ctx := context.Background()

	t.Run("document rejected by the task", func(t *testing.T) {
		x := openTest(t, srv, meilitest.IndexName(t))
		// Meilisearch accepts the request and checks document ids in the task.
		err := x.add(ctx, []map[string]any{{fieldID: "bad id!"}})
		var te *TaskError
		if !errors.As(err, &te) || te.Code != "invalid_document_id" || !strings.Contains(te.Message, "bad id!") {
			t.Fatalf("add = %v, want a TaskError invalid_document_id quoting the id", err)
		}
		if !pipeline.IsPermanent(err) {
			t.Errorf("add = %v, want permanent", err)
		}
	})
	t.Run("existing index with another primary key", func(t *testing.T) {
		name := meilitest.IndexName(t)
		c := meilisearch.New(srv.URL, meilisearch.WithAPIKey(srv.Key))
		ti, err := c.CreateIndex(ctx, &meilisearch.IndexConfig{Uid: name, PrimaryKey: "uid"})
		if err != nil {
			t.Fatalf("CreateIndex: %v", err)
		}
		if _, err := c.WaitForTask(ctx, ti.TaskUID, 0); err != nil {
			t.Fatalf("WaitForTask: %v", err)
		}
		_, err = Open(ctx, Options{URL: srv.URL, APIKey: srv.Key, Index: name})
		if err == nil || !strings.Contains(err.Error(), `primary key "uid"`) {
			t.Errorf("Open = %v, want a primary key error", err)
		}
	})
}
