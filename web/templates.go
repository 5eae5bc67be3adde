package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
)

//go:embed templates/*.html
var templateFS embed.FS

// pageTemplates holds one template set per page, each sharing the layout.
type pageTemplates struct {
	sets map[string]*template.Template
}

var pageNames = []string{"search", "story", "error"}

func parsePages() (*pageTemplates, error) {
	p := &pageTemplates{sets: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := template.New("layout.html").ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: parsing template %s: %w", name, err)
		}
		p.sets[name] = t
	}
	return p, nil
}

// render executes page into a buffer first, so that a template failure
// becomes a clean 500 instead of half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, name string, status int, data any) {
	var buf bytes.Buffer
	if err := s.pages.sets[name].Execute(&buf, data); err != nil {
		s.log.ErrorContext(r.Context(), "web: rendering page failed", "page", name, "error", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}
