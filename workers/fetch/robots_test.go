package fetch

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/polywire/polywire/config"
)

const robotsFixture = `# comments are ignored
User-agent: *
Disallow: /private/
Allow: /private/open$
Disallow: /*.pdf$

User-agent: BadBot
User-agent: OtherBot
Disallow: /

User-agent: Polywire
Disallow: /article/
Allow: /article/public/
`

func TestRobotsRules(t *testing.T) {
	tests := []struct {
		name, agent, path string
		want              bool
	}{
		{"our group wins over *", "polywire", "/private/x", true},
		{"our disallow", "polywire", "/article/1.html", false},
		{"longer allow wins", "polywire", "/article/public/1.html", true},
		{"star group for others", "somebot", "/private/x", false},
		{"anchored allow", "somebot", "/private/open", true},
		{"anchored allow does not extend", "somebot", "/private/open/more", false},
		{"wildcard with end anchor", "somebot", "/files/a.pdf", false},
		{"wildcard anchor not at end", "somebot", "/files/a.pdf.html", true},
		{"grouped agents", "otherbot", "/anything", false},
		{"no rule matches", "somebot", "/news/1", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := parseRobots([]byte(robotsFixture), tc.agent).allowed(tc.path); got != tc.want {
				t.Fatalf("allowed(%s) for %s = %v", tc.path, tc.agent, got)
			}
		})
	}
	t.Run("empty disallow allows all", func(t *testing.T) {
		if !parseRobots([]byte("User-agent: *\nDisallow:\n"), "polywire").allowed("/x") {
			t.Fatal("disallowed")
		}
	})
}

func TestRobotsHonouredForPages(t *testing.T) {
	tests := []struct {
		name         string
		robots       func(w http.ResponseWriter, r *http.Request)
		ignoreRobots bool
		wantPage     bool
	}{
		{"disallowed", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, robotsFixture) }, false, false},
		{"disallowed but ignore_robots", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, robotsFixture) }, true, true},
		{"robots.txt missing", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }, false, true},
		{"robots.txt server error", func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "x", 500) }, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			h.srv.Handle("/robots.txt", tc.robots)
			h.add("r", "/summary.xml", func(s *config.Source) { s.IgnoreRobots = tc.ignoreRobots })
			items, err := h.f.Stage(context.Background(), job("r", 0))
			if err != nil {
				t.Fatal(err)
			}
			want(t, len(items), 2, "items are emitted either way")
			want(t, len(items[0].Page) > 0, tc.wantPage, "page fetched")
			h.run(t, job("r", 0)) // redelivery: robots.txt comes from the cache
			if tc.ignoreRobots {
				want(t, h.srv.Hits("/robots.txt"), 0, "robots.txt requests")
			} else {
				want(t, h.srv.Hits("/robots.txt"), 1, "robots.txt requests")
			}
		})
	}
}
