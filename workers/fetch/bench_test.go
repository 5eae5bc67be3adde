package fetch

import (
	"context"
	"fmt"
	"net/http"
	"strings"
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
	for b.Loop() {
		f := New(Options{Sources: func(string) (config.Source, bool) { return src, true }, PrivateClient: client})
		items, err := f.Stage(context.Background(), &pipeline.FetchJob{Source: "big", Slot: time.Unix(0, 0)})
		if err != nil || len(items) != 200 {
			b.Fatalf("items %d err %v", len(items), err)
		}
	}
}
