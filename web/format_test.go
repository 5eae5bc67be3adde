package web

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestHighlight(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Tokyo", "Tokyo"},
		{"mark kept", "in <mark>Tokyo</mark> today", "in <mark>Tokyo</mark> today"},
		{"meilisearch em becomes mark", "in <em>Tokyo</em>", "in <mark>Tokyo</mark>"},
		{"bleve-escaped text is not double-escaped", "Tom &amp; <mark>Jerry</mark> &lt;b&gt;", "Tom &amp; <mark>Jerry</mark> &lt;b&gt;"},
		{"raw markup escaped", `<script>x</script> <mark>a</mark> <b onclick="y">`, "&lt;script&gt;x&lt;/script&gt; <mark>a</mark> &lt;b onclick=&#34;y&#34;&gt;"},
		{"escaped markup stays text", "&lt;mark&gt;no&lt;/mark&gt;", "&lt;mark&gt;no&lt;/mark&gt;"},
		{"unclosed mark closed", "<mark>open", "<mark>open</mark>"},
		{"stray close dropped", "a</mark>b", "ab"},
		{"nested open ignored", "<mark>a<mark>b</mark>c", "<mark>ab</mark>c"},
		{"attributes on mark are not markers", `<mark class="x">a</mark>`, "&lt;mark class=&#34;x&#34;&gt;a"},
		{"upper case", "<MARK>a</MARK>", "<mark>a</mark>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(highlight(tt.in)); got != tt.want {
				t.Errorf("highlight(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzHighlight checks that whatever a backend returns, the only markup in
// the output is balanced, attribute-free <mark> elements.
func FuzzHighlight(f *testing.F) {
	for _, s := range []string{"a <mark>b</mark>", "<em>x</em>&amp;", "<script>", "</mark><mark>", "&lt;&#0;<"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := string(highlight(s))
		opens, closes := strings.Count(out, "<mark>"), strings.Count(out, "</mark>")
		if opens != closes {
			t.Fatalf("unbalanced marks in %q", out)
		}
		rest := strings.ReplaceAll(strings.ReplaceAll(out, "<mark>", ""), "</mark>", "")
		if strings.ContainsAny(rest, "<>\"'") {
			t.Fatalf("markup survived: %q → %q", s, out)
		}
	})
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"one", "one line", []string{"one line"}},
		{"blank lines split", "a\n\nb\n \nc", []string{"a", "b", "c"}},
		{"single newline kept", "a\nb", []string{"a\nb"}},
		{"CRLF", "a\r\n\r\nb", []string{"a", "b"}},
		{"extra blank lines dropped", "\n\n\na\n\n\n\nb\n\n", []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paragraphs(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFormatTimeKeepsOffset(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	if got := formatTime(time.Date(2019, 9, 20, 14, 5, 0, 0, msk)); got != "2019-09-20 14:05 +03:00" {
		t.Errorf("got %q", got)
	}
	if got := formatTime(time.Time{}); got != "" {
		t.Errorf("zero time shown as %q", got)
	}
}

func TestHumanizeID(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"person slug", "person:aleksandr-shemelev", "Aleksandr Shemelev"},
		{"city slug", "city:new-york", "New York"},
		{"code unchanged", "RU-KYA", "RU-KYA"},
		{"empty slug", "person:", "person:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := humanizeID(tt.in); got != tt.want {
				t.Errorf("humanizeID(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
