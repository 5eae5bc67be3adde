package tag_test

import (
	"os"
	"sync"
	"testing"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/workers/tag"
	"github.com/polywire/polywire/workers/tag/gazetteer"
)

var (
	gazOnce sync.Once
	gaz     *gazetteer.Gazetteer
	gazErr  error
)

// defaultGazetteer loads the embedded gazetteer once per test binary.
func defaultGazetteer(tb testing.TB) *gazetteer.Gazetteer {
	tb.Helper()
	gazOnce.Do(func() { gaz, gazErr = gazetteer.Load(config.DefaultGazetteer()) })
	if gazErr != nil {
		tb.Fatalf("loading gazetteer: %v", gazErr)
	}
	return gaz
}

func newTagger(tb testing.TB) *tag.Tagger { return tag.New(defaultGazetteer(tb)) }

// seedDate is the seed story's publication day.
var seedDate = time.Date(2019, 9, 20, 14, 5, 0, 0, time.FixedZone("MSK", 3*3600))

func readFile(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func newTaggerFrom(g *gazetteer.Gazetteer) *tag.Tagger { return tag.New(g) }
