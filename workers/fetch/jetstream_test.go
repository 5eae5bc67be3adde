package fetch_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/feedtest"
	"github.com/polywire/polywire/internal/httpx"
	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
	"github.com/polywire/polywire/workers/fetch"
)

// TestWithJetStream runs the fetcher against the real embedded bus: its KV
// bucket as the Store (key syntax, redelivery semantics) and the runner
// publishing raw items from a scheduled job.
func TestWithJetStream(t *testing.T) {
	ctx := context.Background()
	b := bustest.Open(t)
	kv, err := b.KeyValue(ctx, "polywire_fetch", 0)
	if err != nil {
		t.Fatal(err)
	}
	srv := feedtest.New()
	t.Cleanup(srv.Close)
	src := config.Source{ID: "wire", URL: srv.Link("/etag.xml"), AllowPrivate: true, Pages: "auto", Identity: config.Identity{Field: "guid"}}
	f := fetch.New(fetch.Options{
		Sources:       func(id string) (config.Source, bool) { return src, id == src.ID },
		Seen:          kv,
		PrivateClient: httpx.New(httpx.Options{AllowPrivate: true}),
	})
	slot := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	job := func(min int) *pipeline.FetchJob {
		return &pipeline.FetchJob{Source: "wire", Slot: slot.Add(time.Duration(min) * time.Minute)}
	}

	t.Run("seen marks in the KV bucket", func(t *testing.T) {
		steps := []struct {
			name string
			job  *pipeline.FetchJob
			want int
		}{
			{"first poll", job(0), 2},
			{"next slot (304)", job(5), 0},
			{"first job redelivered", job(0), 2},
		}
		for _, st := range steps {
			items, err := f.Stage(ctx, st.job)
			if err != nil || len(items) != st.want {
				t.Fatalf("%s: %d items, err %v; want %d", st.name, len(items), err, st.want)
			}
		}
		h, found, err := fetch.ReadHealth(ctx, kv, "wire")
		if err != nil || !found || h.Items != 2 {
			t.Fatalf("health %+v found %v err %v", h, found, err)
		}
	})

	t.Run("runner publishes raw items", func(t *testing.T) {
		src.URL = srv.Link("/atom.xml")
		var mu sync.Mutex
		var subjects []string
		got := make(chan struct{}, 10)
		sub, err := b.Conn().Subscribe("polywire.raw.>", func(m *nats.Msg) {
			mu.Lock()
			subjects = append(subjects, m.Subject)
			mu.Unlock()
			got <- struct{}{}
		})
		if err != nil {
			t.Fatal(err)
		}
		defer sub.Unsubscribe()
		rctx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() {
			done <- bus.Run(rctx, b, bus.Spec[pipeline.FetchJob, pipeline.RawItem]{
				Stage: pipeline.StageFetch, Input: pipeline.SubjectJobs + ".>", OutputKind: pipeline.KindRaw, Fn: f.Stage})
		}()
		if _, err := b.PublishJob(ctx, job(60)); err != nil {
			t.Fatal(err)
		}
		select {
		case <-got:
		case <-time.After(20 * time.Second): // bounds a hang only
			t.Fatal("no raw item published")
		}
		cancel()
		<-done
		mu.Lock()
		defer mu.Unlock()
		if subjects[0] != "polywire.raw.ja.wire" {
			t.Fatalf("subject %s", subjects[0])
		}
	})
}
