package translate

import "testing"

func TestISO6391(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"apertium english", "eng", "en", true},
		{"apertium spanish", "spa", "es", true},
		{"russian", "rus", "ru", true},
		{"catalan", "cat", "ca", true},
		{"galician", "glg", "gl", true},
		{"bokmål", "nob", "nb", true},
		{"variant with underscore", "eng_US", "en", true},
		{"iso 639-1 with region", "en_US", "en", true},
		{"bcp47 region", "pt-BR", "pt", true},
		{"already 639-1", "ja", "ja", true},
		{"upper case", "ENG", "en", true},
		{"no 639-1 form", "crh", "", false},
		{"unknown code", "xyz", "", false},
		{"libretranslate chinese traditional", "zt", "", false},
		{"undetermined", "und", "", false},
		{"empty", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ISO6391(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Fatalf("ISO6391(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}
