package extract

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestExtractBadInput(t *testing.T) {
	article := "<p>" + strings.Repeat("The council approved the budget after a long debate, officials said. ", 5) + "</p>"
	tests := []struct {
		name     string
		page     []byte
		maxBytes int
		wantErr  error
		// wantBody is a substring the body must contain ("" = must be empty).
		wantBody   string
		wantReason string
	}{
		{name: "empty", page: nil, wantErr: ErrEmpty},
		{name: "white space only", page: []byte(" \n\t "), wantErr: ErrEmpty},
		{name: "NUL bytes", page: []byte("<html>\x00\x01\x02binary"), wantErr: ErrBinary},
		{name: "PNG", page: []byte("\x89PNG\r\n\x1a\nrest"), wantErr: ErrBinary},
		{name: "gzip", page: []byte("\x1f\x8b\x08\x00rest"), wantErr: ErrBinary},
		{name: "too large", page: bytes.Repeat([]byte("a"), 2048), maxBytes: 1024, wantErr: ErrTooLarge},
		{name: "truncated HTML", page: []byte("<html><body><article>" + article + "<p>The vote was 7 to 2 and the mayor signed it, her office said in a stat"), wantBody: "The council approved"},
		{name: "plain text, no markup", page: []byte(strings.Repeat("Officials said the bridge will reopen in May, after repairs. ", 4)), wantBody: "bridge will reopen"},
		{name: "no article: navigation only", page: []byte(`<html><body><nav><a href="/a">Home</a><a href="/b">News</a></nav><ul><li><a href="/c">Sport</a></li></ul></body></html>`), wantReason: ReasonNoArticle},
		{name: "no article: only a title", page: []byte(`<html><head><title>Login</title></head><body><form><input name=user><input type=password></form></body></html>`), wantReason: ReasonNoArticle},
		{name: "unclosed tags everywhere", page: []byte("<div><div><p>" + strings.Repeat("<b><i><span>Parliament passed the law on Tuesday, a spokesman said. ", 50)), wantBody: "Parliament passed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(tt.page, PageOptions{URL: "https://example.test/x", MaxBytes: tt.maxBytes})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantBody == "" && res.Body != "" {
				t.Errorf("body %q, want empty", head(res.Body, 200))
			}
			if !strings.Contains(res.Body, tt.wantBody) {
				t.Errorf("body %q does not contain %q", head(res.Body, 200), tt.wantBody)
			}
			if res.Reason != tt.wantReason {
				t.Errorf("reason %q, want %q", res.Reason, tt.wantReason)
			}
		})
	}
}

// TestExtractDeepNesting feeds pages nested 100 000 elements deep: the
// parser refuses more than 512 open elements, so the page is flattened and
// its text still comes out.
func TestExtractDeepNesting(t *testing.T) {
	const depth = 100_000
	tests := []struct{ name, open, close string }{
		{"divs", "<div>", "</div>"},
		{"divs with stray end tags", "<div><span>", "</b></div>"},
		{"nested lists", "<ul><li>", "</li></ul>"},
		{"nested tables", "<table><tr><td>", "</td></tr></table>"},
		{"formatting and blocks", "<b><div>", "</div></b>"},
		{"unclosed", "<div><section>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("<html><body><article><p>The regional court ruled on Monday that the election results stand, its press service said.</p>")
			b.WriteString(strings.Repeat(tt.open, depth))
			b.WriteString("<p>Observers from three parties said the count was fair, and the commission agreed.</p>")
			b.WriteString(strings.Repeat(tt.close, depth))
			b.WriteString("</article></body></html>")
			res, err := Extract([]byte(b.String()), PageOptions{MaxBytes: 4 << 20})
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"The regional court ruled", "Observers from three parties"} {
				if !strings.Contains(res.Body, want) {
					t.Errorf("body lacks %q: %q", want, head(res.Body, 300))
				}
			}
		})
	}
}

// TestExtractLargePage extracts a 10 MB page when the limit allows it and
// refuses it under the default limit.
func TestExtractLargePage(t *testing.T) {
	para := "<p>" + strings.Repeat("Exports of aluminium and timber rose again, the ministry said. ", 4) + "</p>\n"
	var b strings.Builder
	b.WriteString("<html><body><article>")
	for b.Len() < 10<<20 {
		b.WriteString(para)
	}
	b.WriteString("</article></body></html>")
	page := []byte(b.String())
	if _, err := Extract(page, PageOptions{}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("default limit: err = %v, want ErrTooLarge", err)
	}
	res, err := Extract(page, PageOptions{MaxBytes: 16 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Body) < 9<<20 {
		t.Errorf("body has %d bytes, want most of the page", len(res.Body))
	}
}
