package demo

import (
	"bytes"
	"html/template"
	"net/http"
	"strings"
)

// handler serves the corpus files, /robots.txt and an index page at /.
// Only GET and HEAD are allowed. Conditional requests (If-None-Match,
// If-Modified-Since) get 304 like a real site, and a WordPress permalink
// asked for without its trailing slash is redirected to it.
func (s *Server) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		s.route(rec, r)
		s.logger.Debug("demo request", "url", r.URL.String(), "method", r.Method, "status", rec.status)
	})
}

func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch p := r.URL.Path; {
	case p == "/":
		s.serveIndex(w, r)
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("User-agent: *\nAllow: /\n")) // a failed write is the client's loss
	case s.files[p] != nil:
		f := s.files[p]
		w.Header().Set("Content-Type", f.ctype)
		w.Header().Set("ETag", f.etag)
		w.Header().Set("Cache-Control", "max-age=60")
		http.ServeContent(w, r, "", f.modified, bytes.NewReader(f.body))
	case !strings.HasSuffix(p, "/") && s.files[p+"/"] != nil:
		http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
	default:
		http.NotFound(w, r)
	}
}

var indexTemplate = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Polywire demo feeds</title></head>
<body><h1>Polywire demo feeds</h1>
<p>{{len .Items}} stories in {{len .Sources}} feeds. Texts: see corpus/LICENSES.md.</p>
<ul>{{range .Sources}}<li><a href="{{.Feed}}">{{.Name}}</a> ({{.ID}}, {{.Format}}, {{.Language}}, {{.Charset}})</li>{{end}}</ul>
</body></html>
`))

func (s *Server) serveIndex(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if r.Method == http.MethodHead {
		return
	}
	if err := indexTemplate.Execute(w, s.man); err != nil {
		s.logger.Warn("demo index", "url", r.URL.String(), "error", err)
	}
}

// statusRecorder remembers the status code for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}
