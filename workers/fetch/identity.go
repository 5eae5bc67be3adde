package fetch

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/polywire/polywire/config"
)

// trackingParams are query parameters that say where a click came from, not
// what it points to; CanonicalURL removes them (and any utm_*).
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gclsrc": true, "yclid": true, "ysclid": true,
	"msclkid": true, "mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true, "igshid": true,
	"ref_src": true, "cmpid": true, "at_medium": true, "at_campaign": true, "at_custom1": true,
	"at_custom2": true, "at_custom3": true, "at_custom4": true, "rss": true, "from_rss": true, "ocid": true,
}

// CanonicalURL resolves raw against base and normalises it: lower-case
// scheme and host, no default port, no fragment, tracking parameters
// (utm_*, fbclid, gclid, yclid, …) removed, the remaining parameters sorted.
// A raw that does not parse is returned trimmed.
func CanonicalURL(raw, base string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || raw == "" {
		return raw
	}
	if b, err := url.Parse(base); err == nil && base != "" {
		u = b.ResolveReference(u)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if (u.Scheme == "http" && u.Port() == "80") || (u.Scheme == "https" && u.Port() == "443") {
		u.Host = u.Hostname()
	}
	u.Fragment, u.RawFragment = "", ""
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(strings.ToLower(k), "utm_") || trackingParams[strings.ToLower(k)] {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// identityOf applies the source's identity rule to an item: its guid or its
// canonical link (each falling back to the other), narrowed by the rule's
// pattern (group 1, else the whole match) when it matches. re is the
// compiled pattern or nil.
func identityOf(src config.Source, re *regexp.Regexp, guid, link string) string {
	guid = strings.TrimSpace(guid)
	v := guid
	if src.Identity.Field == "link" || v == "" {
		v = link
	}
	if v == "" {
		v = guid
	}
	if re != nil {
		if m := re.FindStringSubmatch(v); m != nil {
			if len(m) > 1 && m[1] != "" {
				return m[1]
			}
			return m[0]
		}
	}
	return v
}
