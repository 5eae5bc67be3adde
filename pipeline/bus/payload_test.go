package bus_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"testing"

	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/pipeline/bus"
	"github.com/polywire/polywire/pipeline/bus/bustest"
)

// TestLargePayloadRoundTrip sends pages through a stage that passes them on
// and checks the stage and a subscriber see the exact bytes, and how each
// size travels.
func TestLargePayloadRoundTrip(t *testing.T) {
	tests := []struct {
		name         string
		page         []byte
		wantEncoding string
		wantObject   bool
	}{
		{"small inline", []byte("<html>short</html>"), "", false},
		{"compressible 3 MB inline compressed", bytes.Repeat([]byte("<p>Токио, 20 сентября. /ТАСС/.</p>\n"), 80_000), bus.EncodingS2, false},
		{"random 20 MB through the object store", randomBytes(t, 20<<20), bus.EncodingS2, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := bustest.Open(t)
			out := subscribe(t, b.Conn(), "polywire.extracted.>")
			want := sha256.Sum256(tc.page)
			item := rawItem("big", 1, "ru", "tass")
			item.Page = tc.page
			if _, err := b.PublishOutput(context.Background(), pipeline.KindRaw, pipeline.StageFetch, item); err != nil {
				t.Fatal(err)
			}
			seen := make(chan [32]byte, 1)
			startStage(t, b, bus.Spec[pipeline.RawItem, pipeline.RawItem]{Stage: "extract", Input: "polywire.raw.>",
				OutputKind: pipeline.KindExtracted,
				Fn: func(_ context.Context, in *pipeline.RawItem) ([]*pipeline.RawItem, error) {
					seen <- sha256.Sum256(in.Page)
					return []*pipeline.RawItem{in}, nil
				}})
			m := receive(t, out)
			if got := <-seen; got != want {
				t.Error("stage saw different page bytes")
			}
			if got := m.Header.Get(pipeline.HeaderContentEncoding); got != tc.wantEncoding {
				t.Errorf("content encoding = %q, want %q", got, tc.wantEncoding)
			}
			if got := m.Header.Get(pipeline.HeaderObject) != ""; got != tc.wantObject {
				t.Errorf("object header present = %v, want %v", got, tc.wantObject)
			}
			checkDecodedPage(t, b, m.Header, m.Data, want)
		})
	}
}

func checkDecodedPage(t *testing.T, b *bus.Bus, h map[string][]string, data []byte, want [32]byte) {
	t.Helper()
	plain, err := b.DecodePayload(context.Background(), h, data)
	if err != nil {
		t.Fatal(err)
	}
	var item pipeline.RawItem
	if err := jsonUnmarshal(plain, &item); err != nil {
		t.Fatal(err)
	}
	if sha256.Sum256(item.Page) != want {
		t.Error("subscriber decoded different page bytes")
	}
}

func randomBytes(t *testing.T, n int) []byte {
	t.Helper()
	p := make([]byte, n)
	if _, err := rand.Read(p); err != nil {
		t.Fatal(err)
	}
	return p
}
