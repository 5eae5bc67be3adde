package tag

// recognisePeople finds people the gazetteer does not know (see persons.go).
func (ix *index) recognisePeople(text string, toks []token, known []span, lang string) []span {
	return nil
}

// applyRoles attaches roles stated in the text to people (see roles.go).
func (ix *index) applyRoles(text string, runes []rune, toks []token, spans []span, lang string) []span {
	return spans
}
