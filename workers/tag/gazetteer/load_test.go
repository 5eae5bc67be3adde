package gazetteer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/workers/tag/gazetteer"
)

func TestLoadDefault(t *testing.T) {
	g, err := gazetteer.Load(config.DefaultGazetteer())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	counts := map[string]int{}
	for _, p := range g.Places() {
		counts[p.Type]++
		if p.Type == gazetteer.PlaceRegion && strings.HasPrefix(p.ID, "RU-") {
			counts["RU-"]++
		}
		if strings.HasPrefix(p.ID, "JP-") {
			counts["JP-"]++
		}
	}
	tests := []struct {
		name string
		got  int
		min  int
	}{
		{"countries", counts["country"], 249},
		{"russian federal subjects without contested", counts["RU-"], 83},
		{"japanese prefectures", counts["JP-"], 47},
		{"cities", counts["city"], 50},
		{"people", len(g.People()), 30},
		{"organisations", len(g.Orgs()), 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got < tt.min {
				t.Errorf("got %d, want at least %d", tt.got, tt.min)
			}
		})
	}
	kya, ok := g.Place("RU-KYA")
	if !ok || kya.Code != "RU-KYA" || kya.Names.Canonical("ru") != "Красноярский край" || kya.Parent != "RU" {
		t.Errorf("RU-KYA = %+v", kya)
	}
}

func TestRoleAt(t *testing.T) {
	g, err := gazetteer.Load(config.DefaultGazetteer())
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	tests := []struct {
		name, person, at, role, office, to string
	}{
		{"abe in second term", "person:shinzo-abe", "2019-09-20", "prime minister", "JP", ""},
		{"abe after his last term", "person:shinzo-abe", "2021-01-01", "", "", ""},
		{"medvedev as prime minister", "person:dmitry-medvedev", "2015-06-01", "prime minister", "RU", ""},
		{"galuzin envoy", "person:mikhail-galuzin", "2019-09-20", "ambassador", "RU", "JP"},
		{"putin as prime minister", "person:vladimir-putin", "2010-01-01", "prime minister", "RU", ""},
		{"uss governor", "person:alexander-uss", "2019-09-20", "governor", "RU-KYA", ""},
		{"until is exclusive", "person:shinzo-abe", "2020-09-16", "", "", ""},
		{"chelyabinsk 2019", "person:alexey-teksler", "2019-09-20", "governor", "RU-CHE", ""},
		{"belgorod before gladkov", "person:vyacheslav-gladkov", "2019-09-20", "", "", ""},
		{"belgorod predecessor", "person:yevgeny-savchenko", "2019-09-20", "governor", "RU-BEL", ""},
		{"sevastopol under its ISO code", "person:mikhail-razvozhayev", "2024-01-01", "governor", "UA-40", ""},
		{"uk prime minister 2019", "person:theresa-may", "2019-03-01", "prime minister", "GB", ""},
		{"month-level date", "person:alexander-khinshtein", "2024-12-01", "governor", "RU-KRS", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := g.Person(tt.person)
			if !ok {
				t.Fatalf("no %s", tt.person)
			}
			r, _ := p.RoleAt(day(tt.at))
			if r.Role != tt.role || r.Office != tt.office || r.To != tt.to {
				t.Errorf("RoleAt(%s) = %+v, want %s %s %s", tt.at, r, tt.role, tt.office, tt.to)
			}
		})
	}
}

func TestRoleAtUndatedDoesNotOverrideDated(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	p := gazetteer.Person{ID: "person:x", Roles: []gazetteer.Role{
		{Role: "senator", Office: "RU"},
		{Role: "governor", Office: "RU-KYA", From: day("2018-01-12"), Until: day("2023-05-10")},
	}}
	tests := []struct{ name, at, want string }{
		{"dated role covers the date", "2019-09-20", "governor"},
		{"only the undated role covers the date", "2024-01-01", "senator"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := p.RoleAt(day(tt.at))
			if !ok || r.Role != tt.want {
				t.Errorf("RoleAt(%s) = %q, %v; want %q", tt.at, r.Role, ok, tt.want)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"unknown key", "people:\n  - id: person:x\n    nmes: {en: [X]}\n", "bad.yaml:3: field nmes not found"},
		{"bad date", "places:\n  - {id: JP, type: country, names: {en: [Japan]}}\npeople:\n  - id: person:x\n    names: {en: [X]}\n    roles:\n      - {role: mayor, office: JP, from: 2020-13-01}\n", "bad.yaml:7: role from"},
		{"unknown office", "people:\n  - id: person:x\n    names: {en: [X]}\n    roles:\n      - {role: mayor, office: ZZ}\n", `bad.yaml:5: person person:x: role mayor: "ZZ" is not a known place code`},
		{"bad region id", "places:\n  - {id: RU_KYA, type: region, names: {en: [K]}}\n", `bad.yaml:2: id "RU_KYA": a region id is ISO 3166-2`},
		{"bad type", "places:\n  - {id: JP, type: nation, names: {en: [Japan]}}\n", `bad.yaml:2: place JP: type "nation" is not country, region, city or area`},
		{"unknown parent", "places:\n  - {id: city:x, type: city, parent: QQ, names: {en: [X]}}\n", `parent "QQ" is not a known place`},
		{"no names", "orgs:\n  - {id: org:x}\n", "bad.yaml:2: org org:x: no names"},
		{"syntax", "places: [\n", "bad.yaml"},
		{"until before from", "places:\n  - {id: JP, type: country, names: {en: [Japan]}}\npeople:\n  - id: person:x\n    names: {en: [X]}\n    roles:\n      - {role: mayor, office: JP, from: 2020-01-01, until: 2019-01-01}\n", "is not before until"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := gazetteer.Load(fstest.MapFS{"bad.yaml": {Data: []byte(tt.file)}})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestLoadOverride(t *testing.T) {
	base := fstest.MapFS{"a.yaml": {Data: []byte("places:\n  - {id: JP, type: country, names: {en: [Japan]}}\npeople:\n  - id: person:x\n    names: {en: [X Y]}\n    roles: [{role: mayor, office: JP}]\n")}}
	admin := fstest.MapFS{"b.yaml": {Data: []byte("places:\n  - {id: JP, names: {en: [Nippon], ru: [Япония]}}\npeople:\n  - id: person:x\n    roles: [{role: governor, office: JP}]\n")}}
	g, err := gazetteer.Load(base, admin)
	if err != nil {
		t.Fatal(err)
	}
	jp, _ := g.Place("JP")
	if got := strings.Join(jp.Names["en"], ","); got != "Japan,Nippon" || jp.Type != "country" || jp.Names.Canonical("ru") != "Япония" {
		t.Errorf("JP after override = %+v", jp)
	}
	x, _ := g.Person("person:x")
	if len(x.Roles) != 1 || x.Roles[0].Role != "governor" {
		t.Errorf("roles after override = %+v", x.Roles)
	}
}

func TestLoadDirs(t *testing.T) {
	dir := t.TempDir()
	file := "people:\n  - id: person:new-governor\n    names: {ru: [Иван Новиков]}\n    roles:\n      - {role: governor, office: RU-QQQ}\n"
	if err := os.WriteFile(filepath.Join(dir, "officials.yaml"), []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := gazetteer.LoadDirs(config.DefaultGazetteer(), dir)
	want := filepath.Join(dir, "officials.yaml") + `:5: person person:new-governor: role governor: "RU-QQQ" is not a known place code`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
	if err := os.WriteFile(filepath.Join(dir, "officials.yaml"), []byte(strings.Replace(file, "RU-QQQ", "RU-KYA", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.LoadDirs(config.DefaultGazetteer(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := g.Person("person:new-governor"); !ok || p.Roles[0].Office != "RU-KYA" {
		t.Errorf("person = %+v", p)
	}
}
