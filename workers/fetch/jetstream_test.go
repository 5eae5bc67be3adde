package fetch_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"syscall"
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

// TestFailingSourceEventAndDeadLetter runs a job for a source that answers
// with a bot-challenge page through the real runner: the job is
// dead-lettered with a reason that says so, the health record says
// failing, and a failing event is published on
// polywire.events.source.<source> (wired as cmd wires it).
func TestFailingSourceEventAndDeadLetter(t *testing.T) {
	ctx := context.Background()
	b := bustest.Open(t)
	kv, err := b.KeyValue(ctx, "polywire_fetch", 0)
	if err != nil {
		t.Fatal(err)
	}
	srv := feedtest.New()
	t.Cleanup(srv.Close)
	src := config.Source{ID: "botty", URL: srv.Link("/bot"), AllowPrivate: true}
	f := fetch.New(fetch.Options{
		Sources:       func(id string) (config.Source, bool) { return src, id == src.ID },
		Seen:          kv,
		PrivateClient: httpx.New(httpx.Options{AllowPrivate: true}),
		OnHealth: func(source string, old, new fetch.Health) {
			if ev, ok := fetch.NewHealthEvent(source, old, new); ok {
				if err := b.PublishEvent(ctx, source, ev); err != nil {
					t.Error(err)
				}
			}
		},
	})
	events := make(chan *nats.Msg, 4)
	sub, err := b.Conn().ChanSubscribe(pipeline.EventSubject("botty"), events)
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
	defer func() { cancel(); <-done }()
	if _, err := b.PublishJob(ctx, &pipeline.FetchJob{Source: "botty", Slot: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	var ev fetch.HealthEvent
	select {
	case m := <-events:
		if err := json.Unmarshal(m.Data, &ev); err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second): // bounds a hang only
		t.Fatal("no health event")
	}
	if ev.Event != fetch.EventFailing || ev.Source != "botty" || !strings.Contains(ev.Error, "Just a moment...") {
		t.Fatalf("event %+v", ev)
	}
	var dls []bus.DeadLetter
	for range 200 { // the dead letter is written after the stage returns
		if dls, err = b.DeadLetters(ctx, bus.DLQFilter{Stage: pipeline.StageFetch, Source: "botty"}); err != nil || len(dls) > 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if len(dls) != 1 || !strings.Contains(dls[0].Reason, "not a feed") {
		t.Fatalf("dead letters %+v, err %v", dls, err)
	}
	h, _, _ := fetch.ReadHealth(ctx, kv, "botty")
	if h.State != fetch.StateFailing || !strings.Contains(h.LastError, "HTML page") {
		t.Fatalf("health %+v", h)
	}
}

// BenchmarkStageWithJetStream is the fetch stage as it runs in production,
// minus the consumer: the seen marks in the JetStream KV bucket, and every
// raw item published to polywire.raw.<lang>.<source> with its Nats-Msg-Id,
// waiting for each PubAck. Each iteration polls a 200-item feed whose items
// are all new (fresh source id), so dedup looks up every item. Reports
// published items per second.
func BenchmarkStageWithJetStream(b *testing.B) {
	ctx := context.Background()
	bs := bustest.Open(b)
	kv, err := bs.KeyValue(ctx, "polywire_fetch", 0)
	if err != nil {
		b.Fatal(err)
	}
	srv := feedtest.New()
	defer srv.Close()
	feed := benchFeed(200)
	srv.Serve("/wire.xml", "application/rss+xml", feed)
	var mu sync.Mutex
	n := 0
	f := fetch.New(fetch.Options{
		Sources: func(id string) (config.Source, bool) {
			return config.Source{ID: id, URL: srv.Link("/wire.xml"), AllowPrivate: true, Pages: "never", TimeZone: "Europe/Moscow"}, true
		},
		Seen:          kv,
		PrivateClient: httpx.New(httpx.Options{AllowPrivate: true}),
	})
	published := 0
	cpu0 := cpuTime()
	for b.Loop() {
		mu.Lock()
		n++
		id := fmt.Sprintf("bench%d", n)
		mu.Unlock()
		items, err := f.Stage(ctx, &pipeline.FetchJob{Source: id, Slot: time.Unix(0, 0)})
		if err != nil || len(items) != 200 {
			b.Fatalf("items %d err %v", len(items), err)
		}
		for _, it := range items {
			if _, err := bs.PublishOutput(ctx, pipeline.KindRaw, pipeline.StageFetch, it); err != nil {
				b.Fatal(err)
			}
		}
		published += len(items)
	}
	b.ReportMetric(float64(published)/b.Elapsed().Seconds(), "items/s")
	b.ReportMetric(float64(published)/(cpuTime()-cpu0).Seconds(), "items/cpu-s")
}

// cpuTime is the process's user and system CPU time so far (the embedded
// server included).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchFeed is a wire-like RSS feed of n items with full text.
func benchFeed(n int) string {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title><link>https://x.org/</link><description>d</description><language>ru</language>`)
	body := strings.Repeat("Губернатор региона Александр Усс отметил рост товарооборота с Японией. ", 20)
	for i := range n {
		fmt.Fprintf(&sb, `<item><title>Новость %d</title><link>https://x.org/n/%d</link><guid>g-%d</guid><pubDate>Пт, 20 сен 2019 14:%02d:00 MSK</pubDate><description>Кратко</description><content:encoded><![CDATA[<p>%s</p>]]></content:encoded></item>`, i, i, i, i%60, body)
	}
	sb.WriteString(`</channel></rss>`)
	return sb.String()
}
