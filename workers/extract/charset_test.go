package extract

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

var update = flag.Bool("update", false, "rewrite generated testdata fixtures")

const (
	ruHeadline = "Делегация Красноярского края посетила Токио"
	ruPara1    = "ТОКИО, 20 сентября. /ТАСС/. Делегация Красноярского края во главе с губернатором провела в Токио презентацию экономического и туристического потенциала региона."
	ruPara2    = "Годовой объем торговли между Красноярским краем и Японией составляет около $86 млн, сообщил корреспондент с места событий."
	jaHeadline = "クラスノヤルスク地方の代表団が東京を訪問"
	jaPara1    = "【東京共同】ロシア・クラスノヤルスク地方の代表団は二十日、東京で地域の経済と投資の可能性を紹介する説明会を開いた。"
	jaPara2    = "知事は、日本との貿易を拡大し、アルミニウムや木材の輸出を増やしたいと述べた。会場には多くの企業関係者が集まった。"
)

// charsetCase is one encoded fixture: the page is generated from UTF-8 by
// an x/text encoder (go test -run TestCharset -update) and committed as
// bytes, so the test reads what a server would send.
type charsetCase struct {
	name        string
	file        string
	contentType string
	enc         encoding.Encoding
	bom         []byte
	head        string // markup inside <head>, before the title
	headline    string
	paras       []string
	wantCharset string
}

var padding = "<style>" + strings.Repeat("/* layout rules that push the declaration past the first kilobyte */\n", 30) + "</style>\n"

var charsetCases = []charsetCase{
	{"windows-1251 from the HTTP header", "cp1251-header.html", "text/html; charset=windows-1251", charmap.Windows1251, nil, "", ruHeadline, []string{ruPara1, ruPara2}, "windows-1251"},
	{"windows-1251 meta after 1024 bytes", "cp1251-late-meta.html", "text/html", charmap.Windows1251, nil, padding + `<meta charset="windows-1251">`, ruHeadline, []string{ruPara1, ruPara2}, "windows-1251"},
	{"windows-1251 undeclared", "cp1251-undeclared.html", "", charmap.Windows1251, nil, "", ruHeadline, []string{ruPara1, ruPara2}, "windows-1251"},
	{"KOI8-R http-equiv", "koi8r-http-equiv.html", "", charmap.KOI8R, nil, `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">`, ruHeadline, []string{ruPara1, ruPara2}, "koi8-r"},
	{"KOI8-R undeclared", "koi8r-undeclared.html", "", charmap.KOI8R, nil, "", ruHeadline, []string{ruPara1, ruPara2}, "koi8-r"},
	{"Shift_JIS meta", "shiftjis-meta.html", "", japanese.ShiftJIS, nil, `<meta charset="Shift_JIS">`, jaHeadline, []string{jaPara1, jaPara2}, "shift_jis"},
	{"EUC-JP http-equiv", "eucjp-http-equiv.html", "", japanese.EUCJP, nil, `<meta http-equiv="content-type" content="text/html; charset=EUC-JP">`, jaHeadline, []string{jaPara1, jaPara2}, "euc-jp"},
	{"UTF-8 BOM beats a wrong header", "utf8-bom.html", "text/html; charset=windows-1251", encoding.Nop, []byte{0xEF, 0xBB, 0xBF}, "", ruHeadline, []string{ruPara1, ruPara2}, "utf-8"},
	{"UTF-16LE BOM", "utf16le-bom.html", "", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), []byte{0xFF, 0xFE}, "", jaHeadline, []string{jaPara1, jaPara2}, "utf-16le"},
	{"header beats meta", "cp1251-header-vs-meta.html", "text/html; charset=windows-1251", charmap.Windows1251, nil, `<meta charset="utf-8">`, ruHeadline, []string{ruPara1, ruPara2}, "windows-1251"},
}

func (c charsetCase) utf8Page() string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head>\n" + c.head + "\n<title>" + c.headline + "</title>\n</head>\n<body>\n")
	b.WriteString("<nav><a href=\"/\">Главная</a> <a href=\"/news\">Новости</a></nav>\n<article>\n<h1>" + c.headline + "</h1>\n")
	for _, p := range c.paras {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString("</article>\n</body></html>\n")
	return b.String()
}

func TestCharsetFixtures(t *testing.T) {
	for _, c := range charsetCases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join("testdata", "charset", c.file)
			if *update {
				writeEncoded(t, path, c)
			}
			page, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (generate with -update)", err)
			}
			res, err := Extract(page, PageOptions{URL: "https://example.test/a", ContentType: c.contentType})
			if err != nil {
				t.Fatal(err)
			}
			if res.Charset != c.wantCharset {
				t.Errorf("charset %q, want %q", res.Charset, c.wantCharset)
			}
			if want := strings.Join(c.paras, "\n\n"); res.Body != want {
				t.Errorf("body\n%q\nwant\n%q", res.Body, want)
			}
			if res.Headline != c.headline {
				t.Errorf("headline %q, want %q", res.Headline, c.headline)
			}
		})
	}
}

func writeEncoded(t *testing.T, path string, c charsetCase) {
	t.Helper()
	encoded, err := c.enc.NewEncoder().Bytes([]byte(c.utf8Page()))
	if err != nil {
		t.Fatalf("encoding %s: %v", c.file, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(append([]byte{}, c.bom...), encoded...), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestMetaCharsets(t *testing.T) {
	tests := []struct{ name, head, want string }{
		{"meta charset", `<meta charset="windows-1251">`, "windows-1251"},
		{"unquoted, upper case", `<META CHARSET=KOI8-R>`, "koi8-r"},
		{"http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">`, "shift_jis"},
		{"charset outside a meta tag is ignored", `<script>var charset="koi8-r";</script><meta charset="utf-8">`, "utf-8"},
		{"charset in text after a meta tag is ignored", `<meta name="x"> charset=koi8-r`, ""},
		{"none", `<title>x</title>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(metaCharsets([]byte(tt.head), 1), ",")
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
