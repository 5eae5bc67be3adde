package fetch

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/feedtest"
	"github.com/polywire/polywire/internal/httpx"
	"github.com/polywire/polywire/pipeline"
)

// bigFeed is an RSS feed of n items shaped like a wire feed.
func bigFeed(n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big</title><link>https://x.org/</link><description>d</description><language>ru</language>`)
	body := strings.Repeat("Губернатор региона Александр Усс отметил рост товарооборота с Японией. ", 20)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>Новость %d</title><link>https://x.org/n/%d?utm_source=rss</link><guid>g-%d</guid><pubDate>Пт, 20 сен 2019 14:%02d:00 MSK</pubDate><category>Экономика</category><description>Кратко %d</description><content:encoded><![CDATA[<p>%s</p>]]></content:encoded></item>`, i, i, i, i%60, i, body)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// BenchmarkStage200Items measures one job over a 200-item feed from a
// loopback server: fetch, parse, dates, identity, seen marks (all new each
// iteration: a fresh store), no pages.
func BenchmarkStage200Items(b *testing.B) {
	srv := feedtest.New()
	defer srv.Close()
	feed := bigFeed(200)
	srv.Handle("/big.xml", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, feed) })
	src := config.Source{ID: "big", URL: srv.Link("/big.xml"), AllowPrivate: true, Pages: "never", TimeZone: "Europe/Moscow"}
	client := httpx.New(httpx.Options{AllowPrivate: true})
	b.SetBytes(int64(len(feed)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	defer func() {
		b.ReportMetric(float64(200*b.N)/b.Elapsed().Seconds(), "items/s")
		b.ReportMetric(float64(200*b.N)/(cpuTime()-cpu0).Seconds(), "items/cpu-s")
	}()
	for b.Loop() {
		f := New(Options{Sources: func(string) (config.Source, bool) { return src, true }, PrivateClient: client})
		items, err := f.Stage(context.Background(), &pipeline.FetchJob{Source: "big", Slot: time.Unix(0, 0)})
		if err != nil || len(items) != 200 {
			b.Fatalf("items %d err %v", len(items), err)
		}
	}
}

// BenchmarkPoll1000Sources polls 1,000 sources on one loopback server whose
// feeds have not changed: every poll is one conditional GET answered 304,
// and nothing is parsed. It reports polls per CPU-second (client and server
// share the process, so this is the cost of both), requests and parses per
// poll, and the heap in use after the run (memory stays bounded).
func BenchmarkPoll1000Sources(b *testing.B) {
	const n = 1000
	srv := feedtest.New()
	defer srv.Close()
	feed := bigFeed(5)
	etag := `"same"`
	srv.Handle("/s", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, feed)
	})
	sources := map[string]config.Source{}
	for i := range n {
		id := fmt.Sprintf("s%04d", i)
		sources[id] = config.Source{ID: id, URL: srv.Link("/s") + "?id=" + id, AllowPrivate: true, Pages: "never"}
	}
	f := New(Options{
		Sources:       func(id string) (config.Source, bool) { s, ok := sources[id]; return s, ok },
		PrivateClient: httpx.New(httpx.Options{AllowPrivate: true, PerHostConcurrency: 16}),
	})
	pollAll := func(round int) {
		slot := time.Unix(int64(round)*300, 0)
		jobs := make(chan string)
		var wg sync.WaitGroup
		for range 16 {
			wg.Go(func() {
				for id := range jobs {
					if _, err := f.Stage(context.Background(), &pipeline.FetchJob{Source: id, Slot: slot}); err != nil {
						b.Error(err)
					}
				}
			})
		}
		for id := range sources {
			jobs <- id
		}
		close(jobs)
		wg.Wait()
	}
	pollAll(0) // first poll: full feeds, seen marks and validators written
	hits0, parses0, cpu0 := srv.Hits("/s"), f.parses.Load(), cpuTime()
	round := 0
	for b.Loop() {
		round++
		pollAll(round)
	}
	polls := float64(n * round)
	b.ReportMetric(polls/(cpuTime()-cpu0).Seconds(), "polls/cpu-s")
	b.ReportMetric(float64(srv.Hits("/s")-hits0)/polls, "requests/poll")
	b.ReportMetric(float64(f.parses.Load()-parses0)/polls, "parses/poll")
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MiB")
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
