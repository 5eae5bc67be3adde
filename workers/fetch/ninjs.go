package fetch

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// ninjsDoc is an IPTC ninjs item, versions 1.x (headline, body_text,
// body_html, byline) and 2.x (headlines, bodies, descriptions, by,
// infosources) read together; every field is optional but uri.
type ninjsDoc struct {
	URI             string        `json:"uri"`
	Version         flexString    `json:"version"`
	FirstCreated    string        `json:"firstcreated"`
	VersionCreated  string        `json:"versioncreated"`
	ContentCreated  string        `json:"contentcreated"`
	Embargoed       string        `json:"embargoed"`
	PubStatus       string        `json:"pubstatus"`
	Urgency         flexString    `json:"urgency"`
	Language        string        `json:"language"`
	Headline        string        `json:"headline"`
	Headlines       []ninjsText   `json:"headlines"`
	DescriptionText string        `json:"description_text"`
	Descriptions    []ninjsText   `json:"descriptions"`
	BodyText        string        `json:"body_text"`
	BodyHTML        string        `json:"body_html"`
	Bodies          []ninjsText   `json:"bodies"`
	Byline          string        `json:"byline"`
	By              string        `json:"by"`
	Located         string        `json:"located"`
	CopyrightHolder string        `json:"copyrightholder"`
	InfoSources     []ninjsSource `json:"infosources"`
	Subjects        []ninjsName   `json:"subjects"`
	Renditions      []ninjsLink   `json:"renditions"`
	Links           []ninjsLink   `json:"links"`
}

type ninjsText struct {
	Role        string `json:"role"`
	ContentType string `json:"contenttype"`
	Value       string `json:"value"`
}

type ninjsSource struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

type ninjsName struct {
	Name string `json:"name"`
}

type ninjsLink struct {
	Href        string `json:"href"`
	ContentType string `json:"contenttype"`
	Rel         string `json:"rel"`
}

// flexString accepts a JSON string or number (ninjs 1.x writes version and
// urgency as either).
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = flexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("want a string or a number, got %s", snippet(b))
	}
	*f = flexString(n.String())
	return nil
}

// parseNinjs reads one ninjs item or a JSON array of them. An item without
// uri is an error: uri is the one field the standard requires.
func parseNinjs(body []byte) ([]*agencyItem, error) {
	body = bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	var docs []ninjsDoc
	if len(body) > 0 && body[0] == '[' {
		if err := json.Unmarshal(body, &docs); err != nil {
			return nil, fmt.Errorf("ninjs: %w", err)
		}
	} else {
		var d ninjsDoc
		if err := json.Unmarshal(body, &d); err != nil {
			return nil, fmt.Errorf("ninjs: %w", err)
		}
		docs = []ninjsDoc{d}
	}
	out := make([]*agencyItem, 0, len(docs))
	for i := range docs {
		if strings.TrimSpace(docs[i].URI) == "" {
			return nil, fmt.Errorf("ninjs: item %d has no uri", i)
		}
		out = append(out, docs[i].item())
	}
	return out, nil
}

func (d *ninjsDoc) item() *agencyItem {
	a := &agencyItem{
		uri: d.URI, version: string(d.Version), published: firstNonEmpty(d.FirstCreated, d.ContentCreated, d.VersionCreated),
		versioned: d.VersionCreated, embargo: d.Embargoed, pubstatus: d.PubStatus, urgency: string(d.Urgency),
		language: d.Language, headline: firstNonEmpty(d.Headline, pickText(d.Headlines, "main")),
		summary: firstNonEmpty(d.DescriptionText, pickText(d.Descriptions, "summary")),
		byline:  firstNonEmpty(d.By, d.Byline), located: d.Located,
		agency: firstNonEmpty(d.originator(), d.CopyrightHolder),
	}
	a.bodyText, a.bodyHTML = d.BodyText, d.BodyHTML
	for _, b := range d.Bodies {
		if strings.Contains(b.ContentType, "html") {
			a.bodyHTML = firstNonEmpty(a.bodyHTML, b.Value)
		} else {
			a.bodyText = firstNonEmpty(a.bodyText, b.Value)
		}
	}
	for _, s := range d.Subjects {
		a.keywords = append(a.keywords, s.Name)
	}
	for _, l := range append(d.Links, d.Renditions...) {
		if l.Href != "" && (l.Rel == "" || l.Rel == "canonical" || strings.Contains(l.ContentType, "html")) && strings.HasPrefix(l.Href, "http") {
			a.link = firstNonEmpty(a.link, l.Href)
		}
	}
	if a.link == "" && (strings.HasPrefix(d.URI, "http://") || strings.HasPrefix(d.URI, "https://")) {
		a.link = d.URI
	}
	return a
}

// originator is the infosource that originated the content (role
// "originfo" or "source" in practice), else the first one named.
func (d *ninjsDoc) originator() string {
	first := ""
	for _, s := range d.InfoSources {
		if s.Name == "" {
			continue
		}
		r := strings.ToLower(s.Role)
		if strings.Contains(r, "origin") || r == "source" || strings.HasSuffix(r, ":source") {
			return s.Name
		}
		first = firstNonEmpty(first, s.Name)
	}
	return first
}

// pickText returns the value with role, else the first value.
func pickText(ts []ninjsText, role string) string {
	for _, t := range ts {
		if strings.EqualFold(t.Role, role) && t.Value != "" {
			return t.Value
		}
	}
	for _, t := range ts {
		if t.Value != "" {
			return t.Value
		}
	}
	return ""
}
