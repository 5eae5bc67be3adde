package translate

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/polywire/polywire/pipeline"
)

// upper is a stand-in engine for chunking tests: it upper-cases a chunk and
// records it.
type upper struct{ chunks []string }

func (u *upper) fn(_ context.Context, chunk string) (string, error) {
	u.chunks = append(u.chunks, chunk)
	return strings.ToUpper(chunk), nil
}

func TestChunkedKeepsLayout(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		limit  int
		want   string
		chunks int
	}{
		{"one paragraph", "hello world", 100, "HELLO WORLD", 1},
		{"paragraphs packed in one chunk", "one\n\ntwo\n\nthree", 100, "ONE\n\nTWO\n\nTHREE", 1},
		{"odd breaks and edges kept", "\n  one\n \n\n two\nlines\n\n\nthree \n", 100, "\n  ONE\n \n\n TWO\nLINES\n\n\nTHREE \n", 1},
		{"chunks at the limit", "aaaa\n\nbbbb\n\ncccc", 10, "AAAA\n\nBBBB\n\nCCCC", 2},
		{"long paragraph cut at sentences", "First one. Second one. Third one.", 12, "FIRST ONE. SECOND ONE. THIRD ONE.", 3},
		{"long word cut at runes", "ééééé", 3, "ÉÉÉÉÉ", 5},
		{"no limit", "a\n\nb", 0, "A\n\nB", 1},
		{"blank", " \n\n ", 10, " \n\n ", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := &upper{}
			got, err := Chunked(context.Background(), tc.in, tc.limit, u.fn)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Chunked = %q, want %q", got, tc.want)
			}
			if len(u.chunks) != tc.chunks {
				t.Errorf("%d requests %q, want %d", len(u.chunks), u.chunks, tc.chunks)
			}
			for _, c := range u.chunks {
				if tc.limit > 0 && len(c) > tc.limit {
					t.Errorf("chunk %q over the limit %d", c, tc.limit)
				}
			}
		})
	}
}

func TestChunkedFallsBackWhenEngineMergesParagraphs(t *testing.T) {
	var calls []string
	merge := func(_ context.Context, c string) (string, error) {
		calls = append(calls, c)
		return strings.ReplaceAll(strings.ToUpper(c), "\n\n", " "), nil
	}
	got, err := Chunked(context.Background(), "one\n\ntwo", 100, merge)
	if err != nil {
		t.Fatal(err)
	}
	if got != "ONE\n\nTWO" || len(calls) != 3 {
		t.Fatalf("got %q after %q, want ONE\\n\\nTWO after one merged call and two single ones", got, calls)
	}
}

func TestChunkedErrors(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name      string
		fn        TranslateFunc
		ctx       func() context.Context
		is        error
		permanent bool
	}{
		{"empty translation", func(context.Context, string) (string, error) { return " ", nil }, context.Background, ErrEmptyTranslation, true},
		{"engine error returned as is", func(context.Context, string) (string, error) { return "", boom }, context.Background, boom, false},
		{"cancelled", (&upper{}).fn, func() context.Context {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx
		}, context.Canceled, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Chunked(tc.ctx(), "one\n\ntwo", 100, tc.fn)
			if !errors.Is(err, tc.is) || pipeline.IsPermanent(err) != tc.permanent {
				t.Fatalf("err = %v, want %v (permanent %v)", err, tc.is, tc.permanent)
			}
		})
	}
}

func FuzzChunkedKeepsWhitespace(f *testing.F) {
	for _, s := range []string{"a\n\nb", "\n x. y. z \n\n\n w", "ééé\n \nü", ""} {
		f.Add(s, 4)
	}
	f.Fuzz(func(t *testing.T, in string, limit int) {
		id := func(_ context.Context, c string) (string, error) { return c, nil }
		got, err := Chunked(context.Background(), in, limit%64, id)
		if errors.Is(err, ErrEmptyTranslation) {
			return // a chunk that is only non-space invisible runes
		}
		if err != nil || got != in {
			t.Fatalf("identity Chunked(%q, %d) = %q, %v", in, limit%64, got, err)
		}
	})
}
