package web

import (
	"net/url"
	"strconv"

	"golang.org/x/text/language"
)

// searchParams are the parameters the search page reads and carries in its
// links, in the order they appear in URLs.
var searchParams = []string{"q", "language", "region", "person", "org", "source", "from", "to", "size"}

// links builds the URLs of one page: every link keeps the current search
// and, when it was given explicitly, the UI language.
type links struct {
	search url.Values // current search parameters, page excluded
	lang   string     // explicit UI language or ""
}

func newLinks(query url.Values, c choice) links {
	l := links{search: url.Values{}}
	for _, k := range searchParams {
		if v := query.Get(k); v != "" {
			l.search.Set(k, v)
		}
	}
	if c.Explicit {
		l.lang = c.Tag.String()
	}
	return l
}

func (l links) encode(path string, v url.Values) string {
	if l.lang != "" {
		v.Set("lang", l.lang)
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

func (l links) clone() url.Values {
	v := make(url.Values, len(l.search)+2)
	for k, vs := range l.search {
		v[k] = append([]string(nil), vs...)
	}
	return v
}

// With is the current search with key set to value (page back to 1).
func (l links) With(key, value string) string {
	v := l.clone()
	v.Set(key, value)
	return l.encode("/", v)
}

// Without is the current search without key (page back to 1).
func (l links) Without(key string) string {
	v := l.clone()
	v.Del(key)
	return l.encode("/", v)
}

// Page is the current search at page n.
func (l links) Page(n int) string {
	v := l.clone()
	if n > 1 {
		v.Set("page", strconv.Itoa(n))
	}
	return l.encode("/", v)
}

// Home is the empty search.
func (l links) Home() string { return l.encode("/", url.Values{}) }

// Story links to a story page.
func (l links) Story(id string) string {
	return l.encode("/stories/"+url.PathEscape(id), url.Values{})
}

// inLanguage is the current page's path and query with lang set to tag.
func inLanguage(u *url.URL, tag language.Tag) string {
	v := u.Query()
	v.Del("lang")
	v.Set("lang", tag.String())
	return u.EscapedPath() + "?" + v.Encode()
}

// Lang is the explicit UI language carried by links, or "".
func (l links) Lang() string { return l.lang }

// Clear is the current text search without any filter.
func (l links) Clear() string {
	v := url.Values{}
	if q := l.search.Get("q"); q != "" {
		v.Set("q", q)
	}
	return l.encode("/", v)
}
