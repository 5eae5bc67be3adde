package fetch

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// g2Item is a NewsML-G2 newsItem, namespaces ignored (every element is
// matched by its local name).
type g2Item struct {
	GUID     string `xml:"guid,attr"`
	Version  string `xml:"version,attr"`
	Lang     string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ItemMeta struct {
		VersionCreated string   `xml:"versionCreated"`
		FirstCreated   string   `xml:"firstCreated"`
		Embargoed      string   `xml:"embargoed"`
		PubStatus      g2Code   `xml:"pubStatus"`
		Provider       g2Named  `xml:"provider"`
		Links          []g2Link `xml:"link"`
	} `xml:"itemMeta"`
	ContentMeta struct {
		Urgency        string    `xml:"urgency"`
		ContentCreated string    `xml:"contentCreated"`
		Located        []g2Named `xml:"located"`
		Creditline     []g2Text  `xml:"creditline"`
		Dateline       []g2Text  `xml:"dateline"`
		By             []g2Text  `xml:"by"`
		Headline       []g2Text  `xml:"headline"`
		Description    []g2Text  `xml:"description"`
		Language       []g2Code  `xml:"language"`
		Subject        []g2Named `xml:"subject"`
		Keyword        []g2Text  `xml:"keyword"`
		Embargoed      string    `xml:"embargoed"`
	} `xml:"contentMeta"`
	ContentSet struct {
		InlineXML  []g2Content `xml:"inlineXML"`
		InlineData []g2Data    `xml:"inlineData"`
	} `xml:"contentSet"`
}

type g2Code struct {
	QCode string `xml:"qcode,attr"`
	Tag   string `xml:"tag,attr"`
	Text  string `xml:",chardata"`
}

type g2Named struct {
	QCode   string   `xml:"qcode,attr"`
	Literal string   `xml:"literal,attr"`
	Names   []string `xml:"name"`
}

// name is the element's first name, else its literal, else its qcode
// without the scheme alias (nprov:AP → AP).
func (n g2Named) name() string {
	for _, s := range n.Names {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	code := n.QCode
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[i+1:]
	}
	return firstNonEmpty(n.Literal, code)
}

type g2Text struct {
	Role  string `xml:"role,attr"`
	Inner string `xml:",innerxml"`
}

type g2Link struct {
	Rel         string `xml:"rel,attr"`
	Href        string `xml:"href,attr"`
	ContentType string `xml:"contenttype,attr"`
}

type g2Data struct {
	ContentType string `xml:"contenttype,attr"`
	Text        string `xml:",chardata"`
}

type g2Content struct {
	ContentType string `xml:"contenttype,attr"`
	Inner       string `xml:",innerxml"`
}

// parseNewsML reads a NewsML-G2 newsItem, or the newsItems of a
// newsMessage. An encoding declared in the prolog is honoured.
func parseNewsML(body []byte) ([]*agencyItem, error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil, errors.New("newsml: no newsItem or newsMessage element")
		}
		if err != nil {
			return nil, fmt.Errorf("newsml: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "newsItem":
			var it g2Item
			if err := d.DecodeElement(&it, &se); err != nil {
				return nil, fmt.Errorf("newsml: %w", err)
			}
			return g2Items([]g2Item{it})
		case "newsMessage":
			var m struct {
				Items []g2Item `xml:"itemSet>newsItem"`
			}
			if err := d.DecodeElement(&m, &se); err != nil {
				return nil, fmt.Errorf("newsml: %w", err)
			}
			return g2Items(m.Items)
		default:
			return nil, fmt.Errorf("newsml: root element %s is not newsItem or newsMessage", se.Name.Local)
		}
	}
}

func g2Items(items []g2Item) ([]*agencyItem, error) {
	out := make([]*agencyItem, 0, len(items))
	for i := range items {
		if strings.TrimSpace(items[i].GUID) == "" {
			return nil, fmt.Errorf("newsml: newsItem %d has no guid", i)
		}
		out = append(out, items[i].item())
	}
	return out, nil
}

func (g *g2Item) item() *agencyItem {
	im, cm := &g.ItemMeta, &g.ContentMeta
	a := &agencyItem{
		uri: g.GUID, version: g.Version, versioned: im.VersionCreated,
		published: firstNonEmpty(im.FirstCreated, cm.ContentCreated, im.VersionCreated),
		embargo:   firstNonEmpty(im.Embargoed, cm.Embargoed), pubstatus: firstNonEmpty(im.PubStatus.QCode, im.PubStatus.Text),
		urgency: cm.Urgency, language: g.Lang,
		headline: g2Pick(cm.Headline, ""), summary: g2Pick(cm.Description, "summary"),
		byline: g2Pick(cm.By, ""), dateline: g2Pick(cm.Dateline, ""),
		agency: firstNonEmpty(g2Pick(cm.Creditline, ""), im.Provider.name()),
	}
	if len(cm.Language) > 0 {
		a.language = firstNonEmpty(cm.Language[0].Tag, a.language)
	}
	if len(cm.Located) > 0 {
		a.located = cm.Located[0].name()
	}
	for _, s := range cm.Subject {
		if len(s.Names) > 0 {
			a.keywords = append(a.keywords, s.Names[0])
		}
	}
	for _, k := range cm.Keyword {
		a.keywords = append(a.keywords, htmlText(k.Inner))
	}
	for _, l := range im.Links {
		if strings.HasPrefix(l.Href, "http") && (strings.HasSuffix(l.Rel, "canonical") || strings.HasSuffix(l.Rel, "seeAlso") || strings.Contains(l.ContentType, "html")) {
			a.link = firstNonEmpty(a.link, l.Href)
		}
	}
	for _, c := range g.ContentSet.InlineXML {
		a.bodyHTML = firstNonEmpty(a.bodyHTML, c.Inner)
	}
	for _, c := range g.ContentSet.InlineData {
		a.bodyText = firstNonEmpty(a.bodyText, strings.TrimSpace(c.Text))
	}
	return a
}

// g2Pick returns the text of the element with role (suffix match, e.g.
// drol:summary), else of the first one.
func g2Pick(ts []g2Text, role string) string {
	for _, t := range ts {
		if role != "" && strings.HasSuffix(t.Role, role) {
			return htmlText(t.Inner)
		}
	}
	for _, t := range ts {
		if s := htmlText(t.Inner); s != "" {
			return s
		}
	}
	return ""
}
