package web

import (
	"context"
	"errors"
	"net/http"

	"github.com/polywire/polywire/search"
)

// apiSearch serves GET /api/search.
func (s *server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	res, err := s.search(r.Context(), q)
	if err != nil {
		writeError(w, statusOf(err), "search failed")
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// search runs q and fills the nil slices of the result, so that the JSON
// always has arrays and objects where clients expect them.
func (s *server) search(ctx context.Context, q search.Query) (*search.Result, error) {
	res, err := s.opts.Index.Search(ctx, q)
	if err != nil {
		s.logFailure(ctx, "web: search failed", err)
		return nil, err
	}
	if res == nil {
		res = &search.Result{}
	}
	res.Page, res.Size = q.Page, q.Size
	if res.Hits == nil {
		res.Hits = []search.Hit{}
	}
	for i := range res.Hits {
		h := &res.Hits[i]
		if h.Places == nil {
			h.Places = []string{}
		}
		if h.People == nil {
			h.People = []search.PersonRef{}
		}
	}
	if res.Facets == nil {
		res.Facets = map[string][]search.FacetValue{}
	}
	return res, nil
}

// apiStory serves GET /api/stories/{id}.
func (s *server) apiStory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	st, err := s.opts.Index.Get(r.Context(), id)
	switch {
	case errors.Is(err, search.ErrNotFound):
		writeError(w, http.StatusNotFound, "story not found: "+id)
	case err != nil:
		s.logFailure(r.Context(), "web: reading story failed", err, "story_id", id)
		writeError(w, statusOf(err), "reading story failed")
	default:
		writeJSON(w, http.StatusOK, st)
	}
}

func (s *server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, "no such endpoint: "+r.Method+" "+r.URL.Path)
}

// healthz serves GET /healthz.
func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	if s.opts.Health != nil {
		if err := s.opts.Health(r.Context()); err != nil {
			s.log.WarnContext(r.Context(), "web: unhealthy", "error", err)
			writeJSON(w, http.StatusServiceUnavailable,
				map[string]string{"status": "unavailable", "error": err.Error()})
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// statusOf maps a backend error to a status: a request whose client went
// away or ran out of time is not the server's fault.
func statusOf(err error) int {
	if errors.Is(err, context.DeadlineExceeded) {
		return http.StatusGatewayTimeout
	}
	if errors.Is(err, context.Canceled) {
		return 499 // client closed request; nobody reads it anyway
	}
	return http.StatusInternalServerError
}

// logFailure logs a backend error at Error, or at Debug when the client
// canceled the request.
func (s *server) logFailure(ctx context.Context, msg string, err error, attrs ...any) {
	attrs = append(attrs, "error", err)
	if errors.Is(err, context.Canceled) {
		s.log.DebugContext(ctx, msg, attrs...)
		return
	}
	s.log.ErrorContext(ctx, msg, attrs...)
}
