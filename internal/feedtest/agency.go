package feedtest

import "strings"

// NinjsItem is an IPTC ninjs 2.x text item from an agency, with an
// originating infosource, urgency and an HTML body. {{BASE}} is replaced by
// the server URL; {{STATUS}}, {{EMBARGO}} and {{HEADLINE}} by Agency.
const NinjsItem = `{
  "uri": "urn:newsml:test.agency:20250610:wire-0100",
  "type": "text",
  "version": "3",
  "firstcreated": "2025-06-10T04:00:00+09:00",
  "versioncreated": "2025-06-10T05:30:00+09:00",
  "pubstatus": "{{STATUS}}",
  {{EMBARGO}}
  "urgency": 2,
  "language": "en",
  "headlines": [{"role": "main", "value": "{{HEADLINE}}"}],
  "descriptions": [{"role": "summary", "value": "Voters in Tokyo chose a new governor."}],
  "bodies": [{"role": "main", "contenttype": "text/html",
    "value": "<p>TOKYO, June 10 (Kyodo) - Voters in Tokyo elected a new governor on Sunday.</p><p>Turnout was higher than at the last election.</p>"}],
  "by": "Taro Yamada",
  "located": "Tokyo",
  "copyrightholder": "Test Agency",
  "infosources": [{"name": "Kyodo", "role": "originfo"}],
  "subjects": [{"name": "Elections", "uri": "http://cv.iptc.org/newscodes/mediatopic/20000065"}],
  "links": [{"href": "{{BASE}}/wire/0100.html", "rel": "canonical", "contenttype": "text/html"}]
}
`

// Ninjs1Item is a ninjs 1.x item: flat headline, body_text, numeric
// version and urgency as a string.
const Ninjs1Item = `{
  "uri": "http://example.org/ninjs1/77",
  "version": 1,
  "versioncreated": "2019-09-20T14:05:00+03:00",
  "pubstatus": "usable",
  "urgency": "4",
  "language": "ru",
  "headline": "В Токио представили потенциал Красноярского края",
  "body_text": "ТОКИО, 20 сентября. /ТАСС/. Делегация Красноярского края представила потенциал региона.\n\nТоварооборот составляет 86 млн долларов.",
  "byline": "Иван Петров",
  "located": "Токио"
}
`

// NewsMLItem is a NewsML-G2 newsItem with an XHTML body, a dateline, a
// credit line and urgency. {{STATUS}} is a pubStatus qcode (stat:usable,
// stat:canceled), {{EMBARGO}} an optional <embargoed> element.
const NewsMLItem = `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:test.agency:20250610:g2-0007"
  version="2" standard="NewsML-G2" standardversion="2.29" conformance="power" xml:lang="es">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider qcode="nprov:TESTWIRE"/>
    <versionCreated>2025-06-10T12:30:00+02:00</versionCreated>
    <firstCreated>2025-06-10T12:00:00+02:00</firstCreated>
    {{EMBARGO}}
    <pubStatus qcode="{{STATUS}}"/>
    <link rel="irel:seeAlso" href="{{BASE}}/g2/0007.html" contenttype="text/html"/>
  </itemMeta>
  <contentMeta>
    <urgency>3</urgency>
    <located qcode="city:madrid"><name>Madrid</name></located>
    <creditline>EFE</creditline>
    <dateline>MADRID, 10 jun (EFE)</dateline>
    <by>María López</by>
    <headline>{{HEADLINE}}</headline>
    <description role="drol:summary">El Consejo de Ministros aprobó el proyecto.</description>
    <subject type="cpnat:abstract" qcode="medtop:20000587"><name>presupuesto</name></subject>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>El Gobierno aprueba el presupuesto</title></head>
      <body><p>MADRID, 10 jun (EFE).- El Consejo de Ministros aprobó este martes el proyecto de presupuestos.</p>
      <p>La ministra de Hacienda defendió las <b>cuentas</b> ante la prensa.</p></body></html>
    </inlineXML>
  </contentSet>
</newsItem>
`

// NewsMessage wraps two newsItems in a NewsML-G2 newsMessage.
const NewsMessage = `<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header><sent>2025-06-10T12:31:00Z</sent></header>
  <itemSet>
    <newsItem guid="urn:test:msg:1" version="1"><itemMeta><versionCreated>2025-06-10T12:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
      <contentMeta><headline>First</headline><language tag="en"/></contentMeta>
      <contentSet><inlineData contenttype="text/plain">First body.</inlineData></contentSet></newsItem>
    <newsItem guid="urn:test:msg:2" version="1"><itemMeta><versionCreated>2025-06-10T12:05:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
      <contentMeta><headline>Second</headline><language tag="en"/></contentMeta>
      <contentSet><inlineData contenttype="text/plain">Second body.</inlineData></contentSet></newsItem>
  </itemSet>
</newsMessage>
`

// StatusFeed is an RSS feed whose item carries the status conventions of
// docs/sources.md: pubstatus, embargoed, urgency and the originating
// agency in <source>. {{STATUS}} and {{EMBARGO}} as in NinjsItem.
const StatusFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Status wire</title>
<link>{{BASE}}/</link>
<description>Items with status</description>
<item>
  <title>{{HEADLINE}}</title>
  <link>{{BASE}}/st/1</link>
  <guid isPermaLink="false">st-1</guid>
  <pubDate>Tue, 10 Jun 2025 04:00:00 +0000</pubDate>
  <source url="https://tass.com/rss/v2.xml">TASS</source>
  <pubstatus>{{STATUS}}</pubstatus>
  {{EMBARGO}}
  <urgency>1</urgency>
  <description>A long enough description to count as the full text of an item on the wire, so that no page is needed for it at all, which keeps the test to the feed alone and nothing else whatsoever, really nothing, not even a page.</description>
</item>
</channel>
</rss>
`

// Agency fills an agency fixture's {{STATUS}}, {{EMBARGO}} (a time in RFC
// 3339, written as the format's embargo field; "" for none) and
// {{HEADLINE}}.
func Agency(fixture, status, embargo, headline string) string {
	e := ""
	if embargo != "" {
		switch {
		case strings.Contains(fixture, `"uri"`):
			e = `"embargoed": "` + embargo + `",`
		default:
			e = "<embargoed>" + embargo + "</embargoed>"
		}
	}
	r := strings.NewReplacer("{{STATUS}}", status, "{{EMBARGO}}", e, "{{HEADLINE}}", headline)
	return r.Replace(fixture)
}
