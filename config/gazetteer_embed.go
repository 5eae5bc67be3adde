package config

import (
	"embed"
	"io/fs"
)

//go:embed gazetteer/*.yaml
var gazetteerFS embed.FS

// DefaultGazetteer returns the gazetteer files shipped with Polywire, at
// gazetteer/*.yaml (format in docs/gazetteer.md), so that load errors name
// them "gazetteer/officials.yaml:42: …". Pass it first to gazetteer.Load,
// followed by the admin's directories, which extend and override it.
func DefaultGazetteer() fs.FS { return gazetteerFS }
