package gazetteer

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strconv"

	"gopkg.in/yaml.v3"
)

// Load reads every *.yaml (and *.yml) file of each file system, in file name
// order within a file system and in argument order across them, and returns
// the merged, validated gazetteer. An entry whose id was defined before
// extends it: names and abbreviations are added, non-empty scalar fields
// (code, type, parent) replace the earlier ones, and a non-empty roles list
// replaces the earlier roles. The error joins every problem found, each as
// "file:line: message".
func Load(fsys ...fs.FS) (*Gazetteer, error) {
	srcs := make([]source, len(fsys))
	for i, f := range fsys {
		srcs[i] = source{fsys: f}
	}
	return load(srcs)
}

// LoadDirs is Load of base (typically config.DefaultGazetteer()) followed
// by the directories dirs, whose files are named "dir/file.yaml" in errors.
func LoadDirs(base fs.FS, dirs ...string) (*Gazetteer, error) {
	srcs := []source{{fsys: base}}
	for _, d := range dirs {
		srcs = append(srcs, source{fsys: os.DirFS(d), prefix: d})
	}
	return load(srcs)
}

// source is one file system of gazetteer files; prefix names it in errors.
type source struct {
	fsys   fs.FS
	prefix string
}

func load(srcs []source) (*Gazetteer, error) {
	b := newBuilder()
	for _, src := range srcs {
		names, err := yamlFiles(src.fsys)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: listing files of %q: %w", src.prefix, err)
		}
		for _, name := range names {
			b.loadFile(src.fsys, name, path.Join(src.prefix, name))
		}
	}
	g := b.finish()
	if len(b.errs) > 0 {
		return nil, errors.Join(b.errs...)
	}
	return g, nil
}

func yamlFiles(f fs.FS) ([]string, error) {
	var out []string
	err := fs.WalkDir(f, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		ext := path.Ext(p)
		if !d.IsDir() && (ext == ".yaml" || ext == ".yml") {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// loadFile reads the file name of f; display is its name in errors.
func (b *builder) loadFile(f fs.FS, name, display string) {
	data, err := fs.ReadFile(f, name)
	if err != nil {
		b.errorf(Pos{File: display}, "reading: %v", err)
		return
	}
	if !b.strictCheck(display, data) {
		return
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		b.errorf(Pos{File: display}, "%v", err)
		return
	}
	if len(root.Content) == 0 {
		return // empty file
	}
	b.loadDoc(display, root.Content[0])
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// strictCheck decodes the file with unknown keys forbidden and reports each
// problem with its line.
func (b *builder) strictCheck(name string, data []byte) bool {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f file
	err := dec.Decode(&f)
	if err == nil || err.Error() == "EOF" {
		return true
	}
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, m := range msgs {
		pos := Pos{File: name}
		if sm := yamlLine.FindStringSubmatch(m); sm != nil {
			pos.Line, _ = strconv.Atoi(sm[1])
			m = sm[2]
		}
		b.errorf(pos, "%s", m)
	}
	return false
}

func (b *builder) loadDoc(name string, doc *yaml.Node) {
	for i := 0; i+1 < len(doc.Content); i += 2 {
		key, val := doc.Content[i].Value, doc.Content[i+1]
		switch key {
		case "places":
			eachEntry(val, func(n *yaml.Node) { b.addPlace(name, n) })
		case "people":
			eachEntry(val, func(n *yaml.Node) { b.addPerson(name, n) })
		case "orgs":
			eachEntry(val, func(n *yaml.Node) { b.addOrg(name, n) })
		case "stopwords":
			var m map[string][]string
			if err := val.Decode(&m); err == nil {
				b.addStop(m)
			}
		}
	}
}

func eachEntry(seq *yaml.Node, fn func(*yaml.Node)) {
	for _, n := range seq.Content {
		fn(n)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
