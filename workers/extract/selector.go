package extract

import (
	"github.com/andybalholm/cascadia"
)

// compileSelector compiles a CSS selector from source rules; an invalid
// selector is reported by config validation and ignored here.
func compileSelector(sel string) (cascadia.Selector, bool) {
	s, err := cascadia.Compile(sel)
	if err != nil {
		return nil, false
	}
	return s, true
}
