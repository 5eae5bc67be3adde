package feedtest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// ETag is the entity tag of /etag.xml.
const ETag = `"v1"`

// Server is a local feed server. Routes are exact paths; Handle adds or
// replaces one. It is safe for concurrent use.
type Server struct {
	*httptest.Server
	mu     sync.Mutex
	routes map[string]http.HandlerFunc
	hits   map[string]int
	// release unblocks /slow handlers when the server closes.
	release chan struct{}
	once    sync.Once
}

// New starts a server on a loopback port with the standard routes.
func New() *Server {
	s := &Server{routes: map[string]http.HandlerFunc{}, hits: map[string]int{}, release: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	s.addRoutes()
	return s
}

// Close releases blocked handlers and stops the server.
func (s *Server) Close() {
	s.once.Do(func() { close(s.release) })
	s.Server.Close()
}

// Handle sets the handler of path.
func (s *Server) Handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[path] = h
}

// Hits returns how many requests path received.
func (s *Server) Hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// Link returns the absolute URL of path on this server.
func (s *Server) Link(path string) string { return s.URL + path }

// Fill replaces {{BASE}} in a fixture by the server URL.
func (s *Server) Fill(fixture string) string { return strings.ReplaceAll(fixture, "{{BASE}}", s.URL) }

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	h, ok := s.routes[r.URL.Path]
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	h(w, r)
}

func (s *Server) addRoutes() {
	s.Handle("/rss.xml", s.text("application/rss+xml", RSSFeed))
	s.Handle("/atom.xml", s.text("application/atom+xml", AtomFeed))
	s.Handle("/feed.json", s.text("application/feed+json", JSONFeed))
	s.Handle("/summary.xml", s.text("application/rss+xml", SummaryFeed))
	s.Handle("/cp1251.xml", s.encoded("application/rss+xml", charmap.Windows1251, ` encoding="windows-1251"`))
	s.Handle("/koi8.xml", s.encoded("application/rss+xml; charset=koi8-r", charmap.KOI8R, ""))
	s.Handle("/article/1.html", s.page(ArticlePage))
	s.Handle("/etag.xml", s.conditional())
	s.Handle("/bot", s.text("text/html; charset=utf-8", BotChallenge))
	s.Handle("/500", status(http.StatusInternalServerError, ""))
	s.Handle("/410", status(http.StatusGone, ""))
	s.Handle("/429", status(http.StatusTooManyRequests, "120"))
	s.Handle("/slow", s.slow)
	s.Handle("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	s.Handle("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/rss.xml", http.StatusMovedPermanently)
	})
	s.Handle("/truncated.xml", s.truncated)
	s.Handle("/gzip.xml", s.compressed("gzip"))
	s.Handle("/br.xml", s.compressed("br"))
	s.Handle("/ninjs.json", s.text("application/json", Agency(NinjsItem, "usable", "", "Tokyo elects a new governor")))
	s.Handle("/ninjs1.json", s.text("application/json", Ninjs1Item))
	s.Handle("/newsml.xml", s.text("application/vnd.iptc.g2.newsitem+xml", Agency(NewsMLItem, "stat:usable", "", "El Gobierno aprueba el presupuesto")))
	s.Handle("/newsmessage.xml", s.text("application/xml", NewsMessage))
	s.Handle("/status.xml", s.text("application/rss+xml", Agency(StatusFeed, "usable", "", "Status item")))
	s.Handle("/gb18030.xml", s.encoded("application/rss+xml", simplifiedchinese.GB18030, ` encoding="GB18030"`, ChineseFeed))
	s.Handle("/gb18030-header.xml", s.encoded("application/rss+xml; charset=gb18030", simplifiedchinese.GB18030, "", ChineseFeed))
	s.Handle("/cache.xml", s.cached())
	s.Handle("/html-as-xml", s.text("application/rss+xml", BotChallenge))
	s.Handle("/big.xml", s.big)
}

// Serve sets path to answer contentType and body (with {{BASE}} filled).
func (s *Server) Serve(path, contentType, body string) { s.Handle(path, s.text(contentType, body)) }

// cached serves RSSFeed fresh for ten minutes (Cache-Control and Expires).
func (s *Server) cached() http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=600")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, s.Fill(RSSFeed))
	}
}

// big streams an endless feed: only a body limit stops it.
func (s *Server) big(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>`)
	chunk := strings.Repeat("<item><title>x</title><description>filler filler filler</description></item>", 100)
	for r.Context().Err() == nil {
		if _, err := fmt.Fprint(w, chunk); err != nil {
			return
		}
	}
}

func (s *Server) text(contentType, fixture string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		fmt.Fprint(w, s.Fill(fixture))
	}
}

func (s *Server) encoded(contentType string, enc encoding.Encoding, decl string, fixture ...string) http.HandlerFunc {
	feed := CyrillicFeed
	if len(fixture) > 0 {
		feed = fixture[0]
	}
	return func(w http.ResponseWriter, _ *http.Request) {
		body := strings.ReplaceAll(s.Fill(feed), "{{ENC}}", decl)
		out, err := enc.NewEncoder().String(body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", contentType)
		fmt.Fprint(w, out)
	}
}

func (s *Server) page(html string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		out, _ := charmap.Windows1251.NewEncoder().String(html)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, out)
	}
}

func (s *Server) conditional() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", ETag)
		w.Header().Set("Last-Modified", "Fri, 20 Sep 2019 12:00:00 GMT")
		if r.Header.Get("If-None-Match") == ETag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, s.Fill(RSSFeed))
	}
}

func status(code int, retryAfter string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		http.Error(w, http.StatusText(code), code)
	}
}

// slow holds the request until the client gives up or the server closes.
func (s *Server) slow(w http.ResponseWriter, r *http.Request) {
	select {
	case <-r.Context().Done():
	case <-s.release:
	case <-time.After(time.Minute):
	}
}

// truncated promises more bytes than it sends, then drops the connection.
func (s *Server) truncated(w http.ResponseWriter, _ *http.Request) {
	body := s.Fill(RSSFeed)
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Header().Set("Content-Length", fmt.Sprint(len(body)))
	fmt.Fprint(w, body[:len(body)/2])
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			conn.Close()
		}
	}
}

func (s *Server) compressed(enc string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		var buf bytes.Buffer
		switch enc {
		case "gzip":
			zw := gzip.NewWriter(&buf)
			fmt.Fprint(zw, s.Fill(RSSFeed))
			zw.Close()
		case "br":
			bw := brotli.NewWriter(&buf)
			fmt.Fprint(bw, s.Fill(RSSFeed))
			bw.Close()
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", enc)
		w.Write(buf.Bytes())
	}
}
