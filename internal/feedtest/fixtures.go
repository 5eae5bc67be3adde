package feedtest

// RSSFeed is an English RSS 2.0 feed with full content, categories, an
// author, an enclosure image and tracking parameters on one link. {{BASE}}
// is replaced by the server URL.
const RSSFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
<title>Test Wire</title>
<link>{{BASE}}/</link>
<description>Test wire stories</description>
<language>en-US</language>
<item>
  <title>Krasnoyarsk presents its potential in Tokyo</title>
  <link>{{BASE}}/news/1?utm_source=rss&amp;utm_medium=feed&amp;id=7</link>
  <guid isPermaLink="false">wire-0001</guid>
  <pubDate>Fri, 20 Sep 2019 14:05:00 +0300</pubDate>
  <dc:creator>Ivan Petrov</dc:creator>
  <category>Economy</category>
  <category>Japan</category>
  <description>The Krasnoyarsk Krai delegation met Japanese business.</description>
  <content:encoded><![CDATA[<p>TOKYO, September 20. /TASS/. A delegation of the Krasnoyarsk Krai led by Governor Alexander Uss presented the region's economic and investment potential to Japanese business in Tokyo. Trade between the region and Japan is about $86 million a year, the governor said, adding that the region is ready to offer projects in timber, mining and energy.</p><p>Russian Ambassador Mikhail Galuzin attended the presentation organised together with ROTOBO.</p>]]></content:encoded>
  <enclosure url="{{BASE}}/img/1.jpg" type="image/jpeg" length="1000"/>
</item>
<item>
  <title>Second story</title>
  <link>{{BASE}}/news/2</link>
  <guid isPermaLink="false">wire-0002</guid>
  <pubDate>Fri, 20 Sep 2019 15:00:00 GMT</pubDate>
  <description>Short.</description>
  <content:encoded><![CDATA[<p>The second story has a body that is long enough to count as the full text of a wire story, so no article page needs to be fetched for it. It goes on for a few sentences to make sure of that, mentioning Moscow and Tokyo, and then it ends with a quote from an official who said nothing of note at all on the day.</p>]]></content:encoded>
  <media:content url="{{BASE}}/img/2.jpg" medium="image"/>
</item>
</channel>
</rss>
`

// AtomFeed is an Atom 1.0 feed in Japanese.
const AtomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">
  <title>テスト通信</title>
  <id>urn:test:atom</id>
  <updated>2025-06-10T04:00:00+09:00</updated>
  <entry>
    <title>東京で選挙</title>
    <id>urn:test:atom:1</id>
    <link href="{{BASE}}/ja/1"/>
    <published>2025-06-10T04:00:00+09:00</published>
    <updated>2025-06-10T05:00:00+09:00</updated>
    <author><name>山田太郎</name></author>
    <summary>東京都で選挙が行われた。</summary>
    <content type="html">&lt;p&gt;東京都で選挙が行われた。投票率は前回を上回った。有権者は新しい知事を選んだ。選挙管理委員会によると、投票は全国で平穏に行われ、開票作業は深夜まで続いた。候補者たちは経済政策と防災対策を中心に論戦を繰り広げ、若い有権者の関心も高かったという。関係者は結果を受けて今後の都政運営について会見を開く予定である。&lt;/p&gt;</content>
  </entry>
</feed>
`

// JSONFeed is a JSON Feed 1.1 with one item carrying only a summary.
const JSONFeed = `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Test JSON",
  "language": "en",
  "items": [
    {"id": "json-1", "url": "{{BASE}}/article/1.html", "title": "JSON item",
     "summary": "Only a summary.", "date_published": "2025-06-10T04:00:00Z",
     "authors": [{"name": "A. Writer"}], "tags": ["World"], "image": "{{BASE}}/img/j.jpg"}
  ]
}
`

// CyrillicFeed is a Russian RSS feed; served as windows-1251 with the
// encoding declared in the prolog, and as KOI8-R announced only by the
// Content-Type header. {{ENC}} is the prolog's encoding declaration.
const CyrillicFeed = `<?xml version="1.0"{{ENC}}?>
<rss version="2.0">
<channel>
<title>Новости</title>
<link>{{BASE}}/</link>
<description>Новости региона</description>
<language>ru-RU</language>
<item>
  <title>В Токио представили потенциал Красноярского края</title>
  <link>{{BASE}}/ru/1</link>
  <guid>{{BASE}}/ru/1</guid>
  <pubDate>Пт, 20 сен 2019 14:05:00 MSK</pubDate>
  <description>Губернатор региона Александр Усс отметил, что товарооборот с Японией составляет 86 млн долларов в год. Делегация провела встречи с представителями японского бизнеса и обсудила проекты в лесной, горнодобывающей и энергетической отраслях. Встреча прошла при участии посла России в Японии Михаила Галузина и ассоциации РОТОБО.</description>
</item>
</channel>
</rss>
`

// SummaryFeed has items with a short description only: one links to an
// article page, one to a missing page, one to a private address.
const SummaryFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Summaries</title>
<link>{{BASE}}/</link>
<description>Summary-only feed</description>
<item>
  <title>Has a page</title>
  <link>{{BASE}}/article/1.html</link>
  <guid>sum-1</guid>
  <pubDate>Tue, 10 Jun 2025 04:00:00 JST</pubDate>
  <description>Short summary.</description>
</item>
<item>
  <title>Page is gone</title>
  <link>{{BASE}}/article/missing.html</link>
  <guid>sum-2</guid>
  <pubDate>10 июня 2025 12:30</pubDate>
  <description>Another short summary.</description>
</item>
</channel>
</rss>
`

// ArticlePage is an article page in windows-1251, declared by <meta>.
const ArticlePage = `<!DOCTYPE html>
<html><head><meta charset="windows-1251"><title>Статья</title></head>
<body><article><h1>Заголовок статьи</h1><p>ТОКИО, 20 сентября. /ТАСС/. Текст статьи.</p></article></body></html>
`

// BotChallenge is an HTML anti-bot page served with status 200.
const BotChallenge = `<!DOCTYPE html>
<html><head><title>Just a moment...</title></head>
<body><h1>Checking your browser before accessing the site.</h1>
<script>setTimeout(function(){location.reload()}, 5000)</script></body></html>
`

// ChineseFeed is a Simplified Chinese RSS feed dated in China Standard
// Time written as CST; served as GB18030 declared in the prolog or only in
// the Content-Type header. {{ENC}} is the prolog's encoding declaration.
const ChineseFeed = `<?xml version="1.0"{{ENC}}?>
<rss version="2.0">
<channel>
<title>新闻</title>
<link>{{BASE}}/</link>
<description>新闻</description>
<language>zh-CN</language>
<item>
  <title>东京举行经济合作论坛</title>
  <link>{{BASE}}/zh/1</link>
  <guid>zh-1</guid>
  <pubDate>Tue, 10 Jun 2025 12:00:00 CST</pubDate>
  <description>来自俄罗斯克拉斯诺亚尔斯克边疆区的代表团在东京介绍了该地区的经济和投资潜力。双方讨论了林业、矿业和能源领域的合作项目，并表示将继续扩大贸易往来。</description>
</item>
</channel>
</rss>
`
