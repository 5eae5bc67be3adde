package searchtest

import (
	"slices"
	"strings"
	"testing"

	"github.com/polywire/polywire/search"
)

func runReads(t *testing.T, idx search.Index) {
	t.Run("get round-trip", func(t *testing.T) { testRoundTrip(t, idx) })
	t.Run("get unknown", func(t *testing.T) { wantNotFound(t, idx, "0123456789abcdef01234567") })
	t.Run("text", func(t *testing.T) { testText(t, idx) })
	t.Run("filters", func(t *testing.T) { testFilters(t, idx) })
	t.Run("empty query newest first", func(t *testing.T) { testNewestFirst(t, idx) })
	t.Run("paging", func(t *testing.T) { testPaging(t, idx) })
	t.Run("facets", func(t *testing.T) { testFacets(t, idx) })
	t.Run("highlights", func(t *testing.T) { testHighlights(t, idx) })
	t.Run("hit summary", func(t *testing.T) { testHitSummary(t, idx) })
}

func testRoundTrip(t *testing.T, idx search.Index) {
	for _, want := range Corpus() {
		if got := get(t, idx, want.ID); jsonOf(t, got) != jsonOf(t, want) {
			t.Errorf("Get(%s) =\n%s\nwant\n%s", want.ID, jsonOf(t, got), jsonOf(t, want))
		}
	}
}

func testText(t *testing.T, idx search.Index) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"russian surname", "Усс", []string{SeedID}},
		{"russian genitive as written", "Красноярского", []string{SeedID}},
		{"russian two words", "Путин Владивосток", []string{PutinID}},
		{"russian case-insensitive", "токио", []string{SeedID}},
		{"english", "election", []string{EnglishID}},
		{"english in a translation", "Krasnoyarsk", []string{SeedID}},
		{"spanish", "aluminio", []string{SpanishID}},
		{"japanese", "選挙", []string{JapanID}},
		{"japanese place in text and entity names", "東京", []string{JapanID, EnglishID, SeedID}},
		{"japanese name in text and entity names", "小池", []string{JapanID, EnglishID}},
		{"entity name in another language", "Galuzin", []string{SeedID}},
		{"no match", "Антарктида", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantIDs(t, find(t, idx, search.Query{Text: tt.text}), tt.want...)
		})
	}
}

func testFilters(t *testing.T, idx search.Index) {
	tests := []struct {
		name string
		q    search.Query
		want []string
	}{
		{"language ru", search.Query{Language: "ru"}, []string{SeedID, PutinID}},
		{"language ja", search.Query{Language: "ja"}, []string{JapanID}},
		{"source", search.Query{Source: "nhk"}, []string{JapanID}},
		{"region country matches subdivisions", search.Query{Region: "RU"}, []string{SeedID, PutinID, SpanishID}},
		{"region subdivision", search.Query{Region: "RU-KYA"}, []string{SeedID}},
		{"region lower case", search.Query{Region: "jp-13"}, []string{EnglishID, JapanID}},
		{"region city id", search.Query{Region: "city:tokyo"}, []string{SeedID}},
		{"person by id", search.Query{Person: Putin.ID}, []string{SeedID, PutinID}},
		{"person by canonical name", search.Query{Person: "Yuriko Koike"}, []string{EnglishID, JapanID}},
		{"person by japanese name", search.Query{Person: "小池百合子"}, []string{EnglishID, JapanID}},
		{"person by english name, any case", search.Query{Person: "alexander uss"}, []string{SeedID}},
		{"org by id", search.Query{Org: ROTOBO.ID}, []string{SeedID}},
		{"org by name", search.Query{Org: "ТАСС"}, []string{SeedID, PutinID}},
		{"from inclusive", search.Query{From: Seed().Published}, []string{SeedID, SpanishID, EnglishID, JapanID}},
		{"to inclusive", search.Query{To: Seed().Published}, []string{SeedID, PutinID}},
		{"from and to", search.Query{From: Seed().Published, To: spanishStory().Published}, []string{SeedID, SpanishID}},
		{"text and filters", search.Query{Text: "Абэ", Source: "tass"}, []string{PutinID}},
		{"filters combine", search.Query{Region: "JP", Language: "en"}, []string{EnglishID}},
		{"no match", search.Query{Language: "fr"}, nil},
		{"quotes in a value cannot widen the filter", search.Query{Person: `x" OR language = "ru`}, nil},
		{"backslash in a value", search.Query{Source: `tass\`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantIDs(t, find(t, idx, tt.q), tt.want...) })
	}
}

var newestFirst = []string{JapanID, EnglishID, SpanishID, SeedID, PutinID, UndatedID}

func testNewestFirst(t *testing.T, idx search.Index) {
	res := find(t, idx, search.Query{})
	if got := ids(res); !slices.Equal(got, newestFirst) {
		t.Errorf("order = %s, want %s", names(got), names(newestFirst))
	}
}

func testPaging(t *testing.T, idx search.Index) {
	var all []string
	for page := 1; page <= 4; page++ {
		res := find(t, idx, search.Query{Page: page, Size: 2})
		if res.Total != len(newestFirst) || res.Page != page || res.Size != 2 {
			t.Errorf("page %d: total/page/size = %d/%d/%d, want %d/%d/2", page, res.Total, res.Page, res.Size, len(newestFirst), page)
		}
		all = append(all, ids(res)...)
	}
	if !slices.Equal(all, newestFirst) {
		t.Errorf("pages = %s, want %s", names(all), names(newestFirst))
	}
	if res := find(t, idx, search.Query{Size: 1000}); res.Size != 100 {
		t.Errorf("size 1000 normalised to %d, want 100", res.Size)
	}
	if res := find(t, idx, search.Query{Page: 1_000_000_000, Size: 100}); len(res.Hits) != 0 {
		t.Errorf("page 1e9 has %d hits, want none", len(res.Hits))
	}
}

func testFacets(t *testing.T, idx search.Index) {
	tests := []struct {
		name  string
		q     search.Query
		facet string
		want  []search.FacetValue
	}{
		{"language", search.Query{}, "language", []search.FacetValue{fv("ru", 2), fv("en", 1), fv("es", 1), fv("ja", 1), fv("und", 1)}},
		{"source after filter", search.Query{Region: "RU"}, "source", []search.FacetValue{fv("efe", 1), fv("sibnews", 1), fv("tass", 1)}},
		{"region with ancestors", search.Query{Language: "ru"}, "region", []search.FacetValue{fv("JP", 2), fv("RU", 2), fv("RU-KYA", 1), fv("RU-PRI", 1), fv("city:tokyo", 1)}},
		{"person ids", search.Query{Region: "JP"}, "person", []search.FacetValue{
			fv(Abe.ID, 2), fv(Koike.ID, 2), fv(Putin.ID, 2), fv(Uss.ID, 1), fv(Galuzin.ID, 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, idx, tt.q).Facets[tt.facet]
			want := sortedFacet(tt.want)
			if !slices.Equal(got, want) {
				t.Errorf("facet %s = %v, want %v", tt.facet, got, want)
			}
		})
	}
}

func fv(value string, count int) search.FacetValue {
	return search.FacetValue{Value: value, Count: count}
}

// sortedFacet orders expected values like the backends: count descending,
// then value ascending.
func sortedFacet(vs []search.FacetValue) []search.FacetValue {
	out := slices.Clone(vs)
	slices.SortFunc(out, func(a, b search.FacetValue) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Value, b.Value)
	})
	return out
}

func testHighlights(t *testing.T, idx search.Index) {
	res := find(t, idx, search.Query{Text: "Усс"})
	if len(res.Hits) != 1 || len(res.Hits[0].Highlights) == 0 {
		t.Fatalf("hits = %+v, want the seed story with highlights", res.Hits)
	}
	for _, h := range res.Hits[0].Highlights {
		if strings.Contains(h, "<mark>") && strings.Contains(strings.ToLower(h), "усс") {
			return
		}
	}
	t.Errorf("highlights %q: none marks Усс", res.Hits[0].Highlights)
	if res := find(t, idx, search.Query{}); len(res.Hits) > 0 && len(res.Hits[0].Highlights) != 0 {
		t.Errorf("empty query has highlights %q", res.Hits[0].Highlights)
	}
}

func testHitSummary(t *testing.T, idx search.Index) {
	res := find(t, idx, search.Query{Person: Uss.ID})
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %d, want 1", len(res.Hits))
	}
	h, s := res.Hits[0], Seed()
	if h.ID != s.ID || h.Version != 1 || h.Headline != s.Headline || h.Language != "ru" ||
		h.Source != "sibnews" || h.Agency != "TASS" || h.URL != s.URL || !h.Published.Equal(s.Published) {
		t.Errorf("hit = %+v, want the seed story's summary", h)
	}
	if want := []string{"RU-KYA", "JP", "RU", "city:tokyo"}; !slices.Equal(h.Places, want) {
		t.Errorf("places = %q, want %q", h.Places, want)
	}
	if len(h.People) != 4 || h.People[0] != (search.PersonRef{ID: Uss.ID, Name: Uss.Name, Role: "governor"}) {
		t.Errorf("people = %+v, want Uss first of 4", h.People)
	}
}
