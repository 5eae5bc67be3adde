package extract

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// metaScanBytes is how far into the page a <meta charset> or http-equiv
// declaration is looked for. Browsers stop at 1024 bytes; real pages put
// kilobytes of scripts and styles first, so we look further.
const metaScanBytes = 64 << 10

var (
	charsetValueRe = regexp.MustCompile(`^charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)
	xmlEncodingRe  = regexp.MustCompile(`(?i)^\s*<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_:.\-]+)`)
)

// decodeToUTF8 returns page as UTF-8 and the name of the encoding it was
// decoded from. The order follows the HTML standard: a byte-order mark, the
// HTTP Content-Type charset, a <meta> or XML declaration, then a guess.
func decodeToUTF8(page []byte, contentType string) ([]byte, string) {
	enc, name, bomLen := fromBOM(page)
	if enc == nil {
		enc, name = fromContentType(contentType)
	}
	if enc == nil {
		enc, name = fromDeclaration(page)
	}
	if enc == nil {
		enc, name = guessEncoding(page)
	}
	page = page[bomLen:]
	if enc == encoding.Nop || name == "utf-8" {
		return validUTF8Text(page), "utf-8"
	}
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		return validUTF8Text(page), "utf-8"
	}
	return out, name
}

// validUTF8Text returns page itself when it is valid UTF-8 (most pages: no
// copy of a large page), else a copy with invalid bytes replaced by U+FFFD.
func validUTF8Text(page []byte) []byte {
	if utf8.Valid(page) {
		return page
	}
	return bytes.ToValidUTF8(page, []byte("\uFFFD"))
}

func fromBOM(page []byte) (encoding.Encoding, string, int) {
	switch {
	case bytes.HasPrefix(page, []byte{0xEF, 0xBB, 0xBF}):
		return encoding.Nop, "utf-8", 3
	case bytes.HasPrefix(page, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", 2
	case bytes.HasPrefix(page, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", 2
	}
	return nil, "", 0
}

func fromContentType(contentType string) (encoding.Encoding, string) {
	if contentType == "" {
		return nil, ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil, ""
	}
	return lookup(params["charset"])
}

func fromDeclaration(page []byte) (encoding.Encoding, string) {
	head := page
	if len(head) > metaScanBytes {
		head = head[:metaScanBytes]
	}
	if m := xmlEncodingRe.FindSubmatch(head); m != nil {
		if enc, name := lookup(string(m[1])); enc != nil {
			return enc, name
		}
	}
	for _, label := range metaCharsets(head, 4) {
		enc, name := lookup(label)
		if enc == nil {
			continue
		}
		// A page that says utf-16 in ASCII-compatible bytes is not
		// utf-16 (HTML standard, "prescan").
		if strings.HasPrefix(name, "utf-16") {
			return encoding.Nop, "utf-8"
		}
		return enc, name
	}
	return nil, ""
}

// metaCharsets returns up to n charset labels declared in <meta> tags of
// head, in order: <meta charset=…> and <meta http-equiv content="…;
// charset=…">. It looks for the word "charset" and checks that it sits in a
// meta tag, which is much cheaper than matching every tag.
func metaCharsets(head []byte, n int) []string {
	lower := bytes.ToLower(head)
	var out []string
	for from := 0; len(out) < n; {
		i := bytes.Index(lower[from:], []byte("charset"))
		if i < 0 {
			break
		}
		i += from
		from = i + len("charset")
		tag := bytes.LastIndexByte(lower[:i], '<')
		if tag < 0 || !bytes.HasPrefix(lower[tag:], []byte("<meta")) || bytes.IndexByte(lower[tag:i], '>') >= 0 {
			continue
		}
		if m := charsetValueRe.FindSubmatch(lower[i:min(len(lower), i+80)]); m != nil {
			out = append(out, string(m[1]))
		}
	}
	return out
}

func lookup(label string) (encoding.Encoding, string) {
	label = strings.TrimSpace(strings.Trim(label, `"'`))
	if label == "" {
		return nil, ""
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, ""
	}
	return enc, name
}

// guessEncoding handles undeclared pages: valid UTF-8 is UTF-8; otherwise
// Cyrillic single-byte text is told from Western text by where its high
// bytes fall (lower-case letters dominate prose: 0xE0–0xFF in windows-1251,
// 0xC0–0xDF in KOI8-R).
func guessEncoding(page []byte) (encoding.Encoding, string) {
	if utf8.Valid(page) {
		return encoding.Nop, "utf-8"
	}
	var low, high, other int
	for _, b := range page {
		switch {
		case b >= 0xE0:
			high++
		case b >= 0xC0:
			low++
		case b >= 0x80:
			other++
		}
	}
	letters := low + high
	if letters < 16 || other*4 > letters {
		return charmap.Windows1252, "windows-1252"
	}
	if high >= low {
		// Western text rarely has this many letters above 0xC0 in a
		// row of words; Cyrillic windows-1251 always does.
		if cyrillicRuns(page) {
			return charmap.Windows1251, "windows-1251"
		}
		return charmap.Windows1252, "windows-1252"
	}
	return charmap.KOI8R, "koi8-r"
}

// cyrillicRuns reports whether high bytes come in runs of three or more,
// as whole Cyrillic words do; Latin-1 accents come one at a time.
func cyrillicRuns(page []byte) bool {
	runs, run := 0, 0
	for _, b := range page {
		if b >= 0xC0 {
			run++
			if run == 3 {
				runs++
			}
			continue
		}
		run = 0
	}
	return runs >= 4
}

func validUTF8(b []byte) bool { return utf8.Valid(b) }
