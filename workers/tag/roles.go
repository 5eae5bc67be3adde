package tag

// applyRoles attaches roles stated in the text to people (see roles.go).
func (ix *index) applyRoles(text string, runes []rune, toks []token, spans []span, lang string) []span {
	return spans
}
