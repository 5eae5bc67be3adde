package config

import (
	"fmt"
	"time"

	"gopkg.in/yaml.v3"
)

// UnmarshalYAML parses a Go duration string ("90s", "5m", "1h30m"). A bad
// value is reported with its line, and decoding goes on so that every
// problem is found.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := time.ParseDuration(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf(
			"line %d: %q is not a duration (write e.g. 90s, 5m, 1h30m)", n.Line, n.Value)}}
	}
	*d = Duration(v)
	return nil
}
