package translate

import (
	"strings"

	"golang.org/x/text/language"
)

// ISO6391 maps an engine's language code to ISO 639-1: "spa" → "es",
// "eng_US" → "en", "pt-BR" → "pt", "en" → "en". Region or variant suffixes
// after '_' or '-' are dropped. It reports false for codes without an ISO
// 639-1 form ("crh", "zt", "und", "").
func ISO6391(code string) (string, bool) {
	base, _, _ := strings.Cut(code, "_")
	base, _, _ = strings.Cut(base, "-")
	base = strings.ToLower(strings.TrimSpace(base))
	if base == "" || base == "und" {
		return "", false
	}
	b, err := language.ParseBase(base)
	if err != nil {
		return "", false
	}
	s := b.String()
	if len(s) != 2 {
		return "", false
	}
	return s, true
}

// hasVariant reports whether an engine code carries a region or variant
// suffix ("eng_US", "pt-BR").
func hasVariant(code string) bool { return strings.ContainsAny(code, "_-") }

// PreferCode reports whether engine code cand should replace cur as the code
// used for the same ISO 639-1 language: a plain code beats a variant, and
// between equals the first one seen stays.
func PreferCode(cur, cand string) bool { return hasVariant(cur) && !hasVariant(cand) }
