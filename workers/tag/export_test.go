package tag

// Internals exported to the external tests.

const JaSuffixStarts = jaSuffixStarts

func JaOrgSuffixes() []string    { return jaOrgSuffixes }
func JaPersonSuffixes() []string { return jaPersonSuffixes }
