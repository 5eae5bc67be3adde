// Package gazetteer loads Polywire's gazetteer: the places, people and
// organisations the tag stage recognises, each with one canonical id and its
// names in several languages.
//
// A gazetteer is a set of YAML files (format in docs/gazetteer.md). Load reads
// every *.yaml file of each file system in name order; later files, and later
// file systems, extend or override earlier entries with the same id. Every
// problem is reported with its file and line ("gazetteer/officials.yaml:42:
// ..."), all problems at once.
//
// A loaded *Gazetteer is immutable and safe for concurrent use.
package gazetteer

//go:generate go run ./internal/gen -out ../../../config/gazetteer/countries.yaml
