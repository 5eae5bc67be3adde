package fetch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/httpx"
	"github.com/polywire/polywire/pipeline"
)

// robots.txt (RFC 9309) is honoured for article pages, not for the feeds an
// admin configured; a source with ignore_robots skips it (licensed
// content).
const (
	robotsTTL      = time.Hour
	robotsErrorTTL = 5 * time.Minute
	robotsAgent    = "polywire"
)

// robotsCache keeps one rule set per scheme://host; concurrent pages of a
// host wait for one robots.txt request. Safe for concurrent use.
type robotsCache struct {
	mu sync.Mutex
	m  map[string]*robotsEntry
}

// robotsMaxHosts is the cache size above which expired entries are
// dropped, so memory follows the hosts in use, not every host ever linked.
const robotsMaxHosts = 4096

// sweep drops expired entries when the cache is large; mu must be held.
func (c *robotsCache) sweep(now time.Time) {
	if len(c.m) < robotsMaxHosts {
		return
	}
	for k, e := range c.m {
		if e.stale(now) {
			delete(c.m, k)
		}
	}
}

// robotsEntry is filled once, then done is closed.
type robotsEntry struct {
	done    chan struct{}
	rules   *robotsRules
	expires time.Time
}

func (e *robotsEntry) stale(now time.Time) bool {
	select {
	case <-e.done:
		return now.After(e.expires)
	default:
		return false // being loaded
	}
}

// robotsCheck returns nil when the page at u may be fetched for src, else
// a permanent error saying why not.
func (f *Fetcher) robotsCheck(ctx context.Context, src config.Source, u *url.URL) error {
	if src.IgnoreRobots || (u.Scheme != "http" && u.Scheme != "https") {
		return nil
	}
	key := u.Scheme + "://" + u.Host
	now := f.opts.Now()
	f.robots.mu.Lock()
	e, ok := f.robots.m[key]
	if !ok || e.stale(now) {
		e = &robotsEntry{done: make(chan struct{})}
		if f.robots.m == nil {
			f.robots.m = map[string]*robotsEntry{}
		}
		f.robots.sweep(now)
		f.robots.m[key] = e
		f.robots.mu.Unlock()
		e.rules, e.expires = f.loadRobots(ctx, src, key, now)
		close(e.done)
	} else {
		f.robots.mu.Unlock()
	}
	select {
	case <-e.done:
	case <-ctx.Done():
		return ctx.Err()
	}
	switch {
	case e.rules.unreachable != nil:
		return pipeline.Permanentf("fetch: page %s skipped: robots.txt of %s unreachable for now: %w", u, key, e.rules.unreachable)
	case !e.rules.allowed(u.EscapedPath()):
		return pipeline.Permanentf("fetch: page %s: disallowed by robots.txt (set ignore_robots for licensed content)", u)
	}
	return nil
}

// loadRobots fetches robots.txt: a 4xx means no rules (allow all); a
// server or network error means disallow all for a short while (RFC 9309
// §2.3.1.4), so the item goes on with its feed content.
func (f *Fetcher) loadRobots(ctx context.Context, src config.Source, base string, now time.Time) (*robotsRules, time.Time) {
	resp, err := f.client(src).Get(ctx, base+"/robots.txt", httpx.Validators{})
	var se *httpx.StatusError
	switch {
	case err == nil:
		return parseRobots(resp.Body, robotsAgent), now.Add(robotsTTL)
	case errors.As(err, &se) && se.Status >= 400 && se.Status < 500 && se.Status != 429:
		return &robotsRules{}, now.Add(robotsTTL)
	case pipeline.IsPermanent(err):
		return &robotsRules{}, now.Add(robotsTTL)
	default:
		f.log.Debug("robots.txt unreachable; pages of the host skipped for now", "url", base+"/robots.txt", "error", err)
		return &robotsRules{unreachable: err}, now.Add(robotsErrorTTL)
	}
}

// robotsRules are the rules of the group that applies to our agent.
type robotsRules struct {
	rules []robotsRule
	// unreachable is why robots.txt could not be read; it disallows all.
	unreachable error
}

type robotsRule struct {
	allow   bool
	pattern string
}

// allowed applies the longest matching rule; on a tie Allow wins; no match
// allows.
func (r *robotsRules) allowed(path string) bool {
	if r.unreachable != nil {
		return false
	}
	if path == "" {
		path = "/"
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, path) {
			continue
		}
		if n := len(rule.pattern); n > best || (n == best && rule.allow) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch matches path against a pattern with * (any run) and a final
// $ (end of path).
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for _, p := range parts[1:] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	if !anchored {
		return true
	}
	last := parts[len(parts)-1]
	return rest == "" || (len(parts) > 1 && strings.HasSuffix(path, last))
}

// parseRobots keeps the rules of the groups naming agent, or else of the
// "*" groups.
func parseRobots(body []byte, agent string) *robotsRules {
	var mine, star []robotsRule
	var agents []string
	inRules := false
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		key, val, ok := robotsLine(sc.Text())
		if !ok {
			continue
		}
		switch key {
		case "user-agent":
			if inRules {
				agents, inRules = nil, false
			}
			agents = append(agents, strings.ToLower(val))
		case "allow", "disallow":
			inRules = true
			if val == "" {
				continue // "Disallow:" with no path allows everything
			}
			r := robotsRule{allow: key == "allow", pattern: val}
			for _, a := range agents {
				switch {
				case a == "*":
					star = append(star, r)
				case strings.Contains(agent, a) || strings.Contains(a, agent):
					mine = append(mine, r)
				}
			}
		}
	}
	if mine != nil {
		return &robotsRules{rules: mine}
	}
	return &robotsRules{rules: star}
}

func robotsLine(line string) (key, val string, ok bool) {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	key, val, ok = strings.Cut(line, ":")
	return strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(val), ok
}
