package web

import (
	"errors"
	"net/http"
	"slices"

	"github.com/polywire/polywire/search"
)

// newLayout prepares the parts every page shares for request r.
func (s *server) newLayout(r *http.Request) layout {
	c := s.langs.pick(r)
	t := newTranslator(s.bundle, c.Tag, s.opts.Names)
	l := layout{T: t, Lang: t.lang, Links: newLinks(r.URL.Query(), c), Status: http.StatusOK}
	for _, tag := range s.langs.tags {
		l.Switch = append(l.Switch, langLink{
			Name: languageSelf(tag), Code: tag.String(), URL: inLanguage(r.URL, tag), Current: tag == c.Tag,
		})
	}
	return l
}

// searchPage serves GET /: the form, results, facets and pager. A bad
// parameter renders the form with the error and status 400.
func (s *server) searchPage(w http.ResponseWriter, r *http.Request) {
	p := &searchPage{layout: s.newLayout(r), Form: r.URL.Query()}
	p.Title = p.T.T("nav_search")
	p.Sources = s.sourceOptions(p.Form.Get("source"))
	p.Status = s.runSearch(r, p)
	p.activeFilters(p.Form) // after the search: labels use names from the hits
	s.render(w, r, "search", p.Status, p)
}

// sourceOptions lists the configured sources for the filter, plus the
// current one when it is not configured (a story from a removed source), so
// that submitting the form keeps the filter. nil means a free-text field.
func (s *server) sourceOptions(current string) []string {
	if s.opts.Sources == nil {
		return nil
	}
	opts := slices.Clone(s.opts.Sources())
	if current != "" && !slices.Contains(opts, current) {
		opts = append(opts, current)
	}
	return opts
}

// runSearch parses the page's parameters and searches, filling p; it
// returns the status of the page.
func (s *server) runSearch(r *http.Request, p *searchPage) int {
	q, err := parseQuery(p.Form)
	if err != nil {
		param := "?"
		var pe *ParamError
		if errors.As(err, &pe) {
			param = pe.Param
		}
		p.Error = p.T.T("error_param", "Param", param)
		if param == "from" || param == "to" {
			p.ErrHint = p.T.T("error_param_date")
		}
		return http.StatusBadRequest
	}
	res, err := s.search(r.Context(), q)
	if err != nil {
		p.Error = p.T.T("error_search")
		return statusOf(err)
	}
	p.fill(p.Form, res)
	return http.StatusOK
}

// storyPage serves GET /stories/{id}.
func (s *server) storyPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	p := &storyPage{layout: s.newLayout(r)}
	st, err := s.opts.Index.Get(r.Context(), id)
	switch {
	case errors.Is(err, search.ErrNotFound):
		s.errorPage(w, r, p.layout, http.StatusNotFound, p.T.T("error_story_not_found"))
	case err != nil:
		s.logFailure(r.Context(), "web: reading story failed", err, "story_id", id)
		s.errorPage(w, r, p.layout, statusOf(err), p.T.T("error_search"))
	default:
		p.Title = st.Headline
		p.fill(st)
		s.render(w, r, "story", http.StatusOK, p)
	}
}

func (s *server) notFoundPage(w http.ResponseWriter, r *http.Request) {
	l := s.newLayout(r)
	s.errorPage(w, r, l, http.StatusNotFound, l.T.T("error_page_not_found"))
}

func (s *server) errorPage(w http.ResponseWriter, r *http.Request, l layout, status int, msg string) {
	l.Status, l.Error, l.Title = status, msg, msg
	s.render(w, r, "error", status, l)
}
