package doc

import (
	"strings"

	"github.com/polywire/polywire/pipeline"
)

// Regions returns the region values of places: each place's code and its
// ancestors (ISO 3166-2 RU-KYA → RU-KYA, RU), or its id when it has no code
// (city:tokyo). Values keep first-seen order without duplicates.
func Regions(places []pipeline.Entity) []string {
	var out set
	for _, p := range places {
		if p.Code == "" {
			out.add(p.ID)
			continue
		}
		for _, c := range Ancestry(p.Code) {
			out.add(c)
		}
	}
	return out.items
}

// Ancestry returns code normalised (see NormRegion) followed by its
// ancestors: "RU-KYA" → ["RU-KYA", "RU"], "JP" → ["JP"].
func Ancestry(code string) []string {
	code = NormRegion(code)
	country, _, ok := strings.Cut(code, "-")
	if !ok || !isISOCode(code) {
		return []string{code}
	}
	return []string{code, country}
}

// NormRegion upper-cases values that look like ISO 3166 codes ("ru-kya" →
// "RU-KYA") and trims spaces; other ids (city:tokyo) are kept as given.
func NormRegion(code string) string {
	code = strings.TrimSpace(code)
	if isISOCode(code) {
		return strings.ToUpper(code)
	}
	return code
}

// isISOCode reports whether s has the shape of an ISO 3166-1 alpha-2 code
// optionally followed by an ISO 3166-2 subdivision suffix of 1–3 letters or
// digits.
func isISOCode(s string) bool {
	country, sub, hasSub := strings.Cut(s, "-")
	if len(country) != 2 || !allASCIIAlnum(country, false) {
		return false
	}
	if !hasSub {
		return true
	}
	return len(sub) >= 1 && len(sub) <= 3 && allASCIIAlnum(sub, true)
}

func allASCIIAlnum(s string, digits bool) bool {
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case digits && r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return true
}
