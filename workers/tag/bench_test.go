package tag_test

import (
	"strings"
	"testing"
)

// BenchmarkTagRussian tags the Russian seed story repeated to about 100 KB
// and reports throughput (MB/s).
func BenchmarkTagRussian(b *testing.B) {
	tg := newTagger(b)
	seed := readFile(b, "testdata/seed-ru.txt")
	text := strings.Repeat(seed+"\n\n", 100<<10/len(seed)+1)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		tg.Tag(text, "ru", seedDate)
	}
}

// BenchmarkTagJapanese does the same for the Japanese rendering.
func BenchmarkTagJapanese(b *testing.B) {
	tg := newTagger(b)
	seed := readFile(b, "testdata/seed-ja.txt")
	text := strings.Repeat(seed+"\n\n", 100<<10/len(seed)+1)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		tg.Tag(text, "ja", seedDate)
	}
}

// BenchmarkNewTagger measures the index build a hot reload (Swap) costs.
func BenchmarkNewTagger(b *testing.B) {
	g := defaultGazetteer(b)
	for b.Loop() {
		_ = newTaggerFrom(g)
	}
}
