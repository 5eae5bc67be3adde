package tag_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/polywire/polywire/workers/tag"
)

// TestEnglishAndJapaneseRecognisers: people, organisations and places the
// gazetteer does not know, in English and Japanese.
func TestEnglishAndJapaneseRecognisers(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want, not        []string
	}{
		{"company suffix", "en", "Executives of Acme Holdings Inc met investors.", []string{"ORG:Acme Holdings Inc"}, nil},
		{"head noun before of", "en", "A spokesman for the Ministry of Defense said so.", []string{"ORG:Ministry of Defense"}, nil},
		{"agency with a known place inside", "en", "The Japan Meteorological Agency issued a warning.",
			[]string{"ORG:Japan Meteorological Agency"}, []string{"LOC:Japan"}},
		{"a list is not one name", "en", "The Bank of Thailand and NATO met.", []string{"ORG:Bank of Thailand", "ORG:NATO"}, nil},
		{"abbreviation", "en", "Inspectors of the OPCW arrived.", []string{"ORG:OPCW"}, nil},
		{"not an abbreviation", "en", "The CEO spoke about GDP.", nil, []string{"ORG:CEO", "ORG:GDP"}},
		{"place descriptor", "en", "Floods hit Zabaykalsky Krai and Saga City.", []string{"LOC:Saga City"}, nil},
		{"given name and surname", "en", "John Whitfield said the deal was done.", []string{"PER:John Whitfield"}, nil},
		{"honorific", "en", "Mr Tanaka declined to comment.", []string{"PER:Tanaka"}, nil},
		{"ministry and agency", "ja", "防衛省と気象庁が発表した。", []string{"ORG:防衛省", "ORG:気象庁"}, nil},
		{"party", "ja", "立憲民主党の代表が語った。", []string{"ORG:立憲民主党"}, nil},
		{"company before and after 株式会社", "ja", "株式会社ソニーとマツダ株式会社", []string{"ORG:株式会社ソニー", "ORG:マツダ株式会社"}, nil},
		{"a place and a suffix", "ja", "日本銀行が利上げした。", []string{"ORG:日本銀行"}, []string{"LOC:日本"}},
		{"kanji name and honorific", "ja", "田中氏と山田さんが来日した。", []string{"PER:田中", "PER:山田"}, nil},
		{"katakana name and title", "ja", "ゼレンスキー大統領とショルツ首相", []string{"PER:ゼレンスキー", "PER:ショルツ"}, nil},
		{"modifier before the title", "ja", "鳩山前首相が訪れた。", []string{"PER:鳩山"}, []string{"PER:鳩山前"}},
		{"one character is no name", "ja", "同氏は米大統領と会った。", nil, []string{"PER:同", "PER:米"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mentions(t, tt.lang, tt.text)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %s in %s", w, strings.Join(got, ", "))
				}
			}
			for _, w := range tt.not {
				if slices.Contains(got, w) {
					t.Errorf("unexpected %s", w)
				}
			}
		})
	}
}

// TestJaSuffixStarts: every suffix starts with a character of
// jaSuffixStarts, the scan's quick test.
func TestJaSuffixStarts(t *testing.T) {
	for _, list := range [][]string{tag.JaOrgSuffixes(), tag.JaPersonSuffixes()} {
		for _, s := range list {
			if !strings.ContainsRune(tag.JaSuffixStarts, []rune(s)[0]) {
				t.Errorf("suffix %s does not start with a listed character", s)
			}
		}
	}
}

// TestEnglishKnownOrgKeepsID: a known organisation that the English
// recogniser also finds (a head word at its end, a corporate tail after
// it) keeps the gazetteer's id.
func TestEnglishKnownOrgKeepsID(t *testing.T) {
	r := newTagger(t).Tag("The European Union, Apple Inc and Toyota Motor Corp met the Bank of Thailand and Mitsubishi Motors.", "en", seedDate)
	var got []string
	for _, m := range r.Entities {
		got = append(got, m.Text+"="+m.ID)
	}
	want := []string{"European Union=org:eu", "Apple Inc=org:apple", "Toyota Motor Corp=org:toyota", "Bank of Thailand=", "Mitsubishi Motors="}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestJapaneseDatelineAgency: 共同 and 時事 end a wire dateline in
// 【】 and are the agencies there; elsewhere they are common words.
func TestJapaneseDatelineAgency(t *testing.T) {
	r := newTagger(t).Tag("【モスクワ共同】外相は述べた。【ワシントン時事】両国は共同声明を出した。", "ja", seedDate)
	var got []string
	for _, m := range r.Entities {
		if m.Type == "ORG" {
			got = append(got, m.Text+"="+m.ID)
		}
	}
	if want := []string{"共同=org:kyodo", "時事=org:jiji"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestGovernorsRegion: a city named before "Governor" is its region.
func TestGovernorsRegion(t *testing.T) {
	r := newTagger(t).Tag("Krasnoyarsk Governor Alexander Uss flew from Krasnoyarsk.", "en", seedDate)
	var got []string
	for _, m := range r.Entities {
		if m.Type == "LOC" {
			got = append(got, m.Text+"="+m.ID)
		}
	}
	if want := []string{"Krasnoyarsk=RU-KYA", "Krasnoyarsk=city:krasnoyarsk"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
