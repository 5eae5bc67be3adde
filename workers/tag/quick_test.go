package tag_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/workers/tag"
	"github.com/polywire/polywire/workers/tag/gazetteer"
)

func TestQuick(t *testing.T) {
	g, err := gazetteer.Load(config.DefaultGazetteer())
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile("/work/shared/data/seed/tass-krasnoyarsk-tokyo.txt")
	text := string(data)
	if i := strings.Index(text, "\n\nАвтор:"); i > 0 {
		text = text[:i]
	}
	r := tag.New(g).Tag(text, "ru", time.Date(2019, 9, 20, 0, 0, 0, 0, time.UTC))
	for _, m := range r.Entities {
		t.Logf("%s %q %d-%d %s %s %s %s %s", m.Type, m.Text, m.Start, m.End, m.ID, m.Name, m.Role, m.Office, m.To)
	}
	b, _ := json.MarshalIndent(r.People, "", " ")
	t.Log(string(b))
}
