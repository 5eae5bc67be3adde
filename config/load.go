package config

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed defaults/polywire.yaml defaults/sources.yaml
var defaultFiles embed.FS

// Names under which the embedded defaults appear in problems.
const (
	EmbeddedConfig  = "embedded:polywire.yaml"
	EmbeddedSources = "embedded:sources.yaml"
)

// sourcesFile is the shape of sources.yaml.
type sourcesFile struct {
	Sources []Source `yaml:"sources"`
}

// Load reads polywire.yaml at path and the sources file it names
// (sources_file, relative to path's directory; default sources.yaml beside
// it, or the embedded default sources when that file does not exist and
// sources_file is not set). path "" loads the embedded defaults. Defaults
// are applied and the result validated.
//
// The error joins every Problem found (unknown keys, type errors, invalid
// values), each with file, line and field; a non-nil error means the config
// must not be applied. The returned Config is nil only when a file cannot be
// read; otherwise it is returned even with problems, so callers can report
// them all.
func Load(path string) (*Config, error) { return LoadWith(path, nil) }

// LoadWith is Load with override applied after the defaults and before
// validation: command-line flags and POLYWIRE_* variables that complete or
// replace file values (a Meilisearch URL given only by environment) are
// validated like the file's own values.
func LoadWith(path string, override func(*Config)) (*Config, error) {
	cfg, errs := parse(path)
	if cfg == nil {
		return nil, errors.Join(errs...)
	}
	cfg.setDefaults()
	if override != nil {
		override(cfg)
	}
	errs = append(errs, cfg.validate()...)
	return cfg, errors.Join(sortProblems(errs)...)
}

// LoadSources reads a sources.yaml alone, applies source defaults and
// validates the sources (ids, URLs, languages, zones, patterns, selectors).
// Like Load, it returns the sources even when it reports problems.
func LoadSources(path string) ([]Source, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: reading %s: %w", path, err)
	}
	pos := positions{}
	srcs, errs := parseSources(path, data, pos)
	for i := range srcs {
		srcs[i].setDefaults()
	}
	ps := &problems{pos: pos}
	validateSources(ps, srcs)
	errs = append(errs, ps.list...)
	return srcs, errors.Join(sortProblems(errs)...)
}

func parse(path string) (*Config, []error) {
	cfgName, cfgData, err := readConfig(path)
	if err != nil {
		return nil, []error{err}
	}
	cfg := &Config{Path: path, pos: positions{}}
	cfg.pos.setFile("config", cfgName)
	errs := decodeStrict(cfgName, cfgData, cfg, cfg.pos)
	srcName, srcData, err := readSources(path, cfg.SourcesFile)
	if err != nil {
		return nil, append(errs, err)
	}
	srcs, serrs := parseSources(srcName, srcData, cfg.pos)
	cfg.Sources = srcs
	return cfg, append(errs, serrs...)
}

func parseSources(name string, data []byte, pos positions) ([]Source, []error) {
	pos.setFile("sources", name)
	if len(bytes.TrimSpace(data)) == 0 {
		// Most likely caught half-written; a deliberate empty list says so.
		return nil, []error{&Problem{File: name, Line: 1, Field: "sources", Message: "the file is empty", Hint: "write `sources: []` to configure no sources"}}
	}
	var sf sourcesFile
	errs := decodeStrict(name, data, &sf, pos)
	return sf.Sources, errs
}

func readConfig(path string) (string, []byte, error) {
	if path == "" {
		data, err := fs.ReadFile(defaultFiles, "defaults/polywire.yaml")
		return EmbeddedConfig, data, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", nil, fmt.Errorf("config: reading %s: %w", path, err)
	}
	return path, data, nil
}

// readSources resolves and reads the sources file of the config at path.
func readSources(path, sourcesFile string) (string, []byte, error) {
	if path == "" {
		data, err := fs.ReadFile(defaultFiles, "defaults/sources.yaml")
		return EmbeddedSources, data, err
	}
	name := SourcesPath(path, sourcesFile)
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) && sourcesFile == "" {
		data, err := fs.ReadFile(defaultFiles, "defaults/sources.yaml")
		return EmbeddedSources, data, err
	}
	if err != nil {
		return "", nil, fmt.Errorf("config: reading sources file %s: %w", name, err)
	}
	return name, data, nil
}

// SourcesPath returns the sources file of the config at path: sourcesFile
// (default sources.yaml) relative to path's directory unless absolute.
func SourcesPath(path, sourcesFile string) string {
	if sourcesFile == "" {
		sourcesFile = DefaultSourcesFile
	}
	if filepath.IsAbs(sourcesFile) {
		return sourcesFile
	}
	return filepath.Join(filepath.Dir(path), sourcesFile)
}

// GazetteerPaths returns the configured gazetteer directories resolved
// against the directory of the config file.
func (c *Config) GazetteerPaths() []string {
	out := make([]string, 0, len(c.GazetteerDirs))
	for _, d := range c.GazetteerDirs {
		if !filepath.IsAbs(d) && c.Path != "" {
			d = filepath.Join(filepath.Dir(c.Path), d)
		}
		out = append(out, d)
	}
	return out
}
