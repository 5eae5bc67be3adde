// Package web serves the editors' UI and the JSON API over a search.Index.
//
// Routes (see docs/api.md for parameters and response shapes):
//
//	GET /api/search        search.Result as JSON; bad parameters → 400 {"error"}
//	GET /api/stories/{id}  the pipeline.Story as JSON; unknown id → 404 {"error"}
//	GET /healthz           200 {"status":"ok"} or 503 {"status":"unavailable","error"}
//	GET /metrics           Prometheus exposition (only when Options.Gatherer is set)
//	GET /                  the search page (server-rendered HTML, no JavaScript)
//	GET /stories/{id}      a story page
//
// The UI speaks the languages of the locales package; it picks one from the
// lang query parameter, else Accept-Language, else English, and links keep
// an explicit lang. Every response carries security headers (a
// Content-Security-Policy of default-src 'self' with inline styles allowed,
// X-Content-Type-Options: nosniff, …); HTML is produced with html/template so
// story text, even hostile, is always escaped.
//
// The handler sets no timeouts and no body limits of its own (it reads no
// request bodies): ReadHeaderTimeout, ReadTimeout, WriteTimeout and
// IdleTimeout are the job of the caller's http.Server. Request contexts are
// passed to the index, so a client that goes away cancels its search.
package web
