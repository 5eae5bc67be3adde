// Package locales holds the messages of the editors' UI in every language it
// speaks, as go-i18n v2 TOML files embedded in the binary.
//
// active.en.toml is the source language; every other active.<lang>.toml must
// carry every key of it (enforced by the package tests). Plural messages give
// every CLDR form the language needs: English one/other, Russian
// one/few/many/other, Japanese other.
package locales

import (
	"embed"
	"fmt"
	"io/fs"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// FS holds the message files active.<lang>.toml.
//
//go:embed active.*.toml
var FS embed.FS

// Bundle returns a new bundle with every embedded message file loaded and
// English as its default language. Each call builds a fresh bundle, so callers
// may keep it for the life of a server; a bundle is safe for concurrent
// reads.
func Bundle() (*i18n.Bundle, error) {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	files, err := fs.Glob(FS, "active.*.toml")
	if err != nil {
		return nil, fmt.Errorf("locales: listing message files: %w", err)
	}
	for _, f := range files {
		if _, err := b.LoadMessageFileFS(FS, f); err != nil {
			return nil, fmt.Errorf("locales: loading %s: %w", f, err)
		}
	}
	return b, nil
}
