package gazetteer_test

import (
	"testing"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/workers/tag/gazetteer"
)

// TestYAMLBooleanLikeIDs: Norway's code NO must stay a string.
func TestYAMLBooleanLikeIDs(t *testing.T) {
	g, err := gazetteer.Load(config.DefaultGazetteer())
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := g.Place("NO"); !ok || p.Names.Canonical("en") != "Norway" {
		t.Errorf("NO = %+v", p)
	}
	if p, _ := g.Place("city:oslo"); p == nil || p.Parent != "NO" {
		t.Errorf("oslo = %+v", p)
	}
}
