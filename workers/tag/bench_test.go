package tag_test

import (
	"encoding/json"
	"flag"
	"os"
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

var newsCorpus = flag.String("news", "/work/shared/data/ner/dev.jsonl", "JSONL of {text} news documents for BenchmarkTagNews")

// BenchmarkTagNews tags every document of a news corpus (by default the
// factRuEval development set, 84 Russian documents) per iteration.
func BenchmarkTagNews(b *testing.B) {
	tg := newTagger(b)
	data, err := os.ReadFile(*newsCorpus)
	if err != nil {
		b.Skipf("news corpus: %v", err)
	}
	var texts []string
	size := 0
	for _, line := range strings.Split(string(data), "\n") {
		var d struct{ Text string }
		if json.Unmarshal([]byte(line), &d) == nil && d.Text != "" {
			texts = append(texts, d.Text)
			size += len(d.Text)
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			tg.Tag(t, "ru", seedDate)
		}
	}
}
