package config

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// decodeStrict decodes YAML data from file into out. Unknown keys, type
// errors and syntax errors come back as Problems with file and line; the
// field positions it saw are recorded in pos. out is filled as far as the
// document allows, so validation can report more.
func decodeStrict(file string, data []byte, out any, pos positions) []error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return []error{syntaxProblem(file, err)}
	}
	if len(doc.Content) == 0 {
		return nil // an empty file is an empty config
	}
	w := walker{file: file, pos: pos}
	w.walk(doc.Content[0], reflect.TypeOf(out).Elem(), "")
	errs := w.errs
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(len(errs) == 0) // unknown keys are already reported
	if err := dec.Decode(out); err != nil {
		errs = append(errs, decodeProblems(file, err, pos)...)
	}
	return errs
}

var lineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

func syntaxProblem(file string, err error) error {
	msg := err.Error()
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &Problem{File: file, Line: n, Message: m[2], Hint: "the file is not valid YAML"}
	}
	return &Problem{File: file, Message: strings.TrimPrefix(msg, "yaml: "), Hint: "the file is not valid YAML"}
}

func decodeProblems(file string, err error, pos positions) []error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return []error{syntaxProblem(file, err)}
	}
	var out []error
	for _, s := range te.Errors {
		p := &Problem{File: file, Message: s}
		if m := lineRE.FindStringSubmatch(s); m != nil {
			p.Line, _ = strconv.Atoi(m[1])
			p.Message = m[2]
			p.Field = pos.fieldAt(file, p.Line)
		}
		out = append(out, p)
	}
	return out
}

// fieldAt returns the deepest field path written at file:line.
func (p positions) fieldAt(file string, line int) string {
	best := ""
	for k, v := range p {
		if v.file == file && v.line == line && !strings.HasPrefix(k, "#") && len(k) > len(best) {
			best = k
		}
	}
	return best
}

// walker records positions and reports unknown keys against the Go type.
type walker struct {
	file string
	pos  positions
	errs []error
	// active holds the alias targets being walked: an anchor that merges
	// or contains itself is left to the decoder to reject, not recursed.
	active map[*yaml.Node]bool
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	yamlUnmarshaler = reflect.TypeFor[yaml.Unmarshaler]()
)

func (w *walker) walk(n *yaml.Node, t reflect.Type, path string) {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil || !w.enter(n.Alias) {
			return
		}
		defer w.leave(n.Alias)
		n = n.Alias
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	pt := reflect.PointerTo(t)
	if pt.Implements(textUnmarshaler) || pt.Implements(yamlUnmarshaler) {
		return
	}
	switch {
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		w.walkStruct(n, t, path)
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for i, item := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			w.pos[p] = position{w.file, item.Line}
			w.walk(item, t.Elem(), p)
		}
	case t.Kind() == reflect.Map && n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			p := join(path, n.Content[i].Value)
			w.pos[p] = position{w.file, n.Content[i].Line}
			w.walk(n.Content[i+1], t.Elem(), p)
		}
	}
}

func (w *walker) walkStruct(n *yaml.Node, t reflect.Type, path string) {
	fields := yamlFields(t)
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := n.Content[i]
		if key.Tag == "!!merge" {
			w.walkMerge(n.Content[i+1], t, path)
			continue
		}
		p := join(path, key.Value)
		w.pos[p] = position{w.file, key.Line}
		ft, ok := fields[key.Value]
		if !ok {
			w.errs = append(w.errs, &Problem{File: w.file, Line: key.Line, Field: p,
				Message: fmt.Sprintf("unknown key %q", key.Value), Hint: unknownKeyHint(key.Value, fields)})
			continue
		}
		w.walk(n.Content[i+1], ft, p)
	}
}

func (w *walker) enter(n *yaml.Node) bool {
	if w.active == nil {
		w.active = map[*yaml.Node]bool{}
	}
	if w.active[n] {
		return false
	}
	w.active[n] = true
	return true
}

func (w *walker) leave(n *yaml.Node) { delete(w.active, n) }

// walkMerge checks the mappings merged in with "<<: *anchor" (or a list
// of anchors) against the same struct type.
func (w *walker) walkMerge(n *yaml.Node, t reflect.Type, path string) {
	if n.Kind == yaml.SequenceNode {
		for _, m := range n.Content {
			w.walkMerge(m, t, path)
		}
		return
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil || !w.enter(n.Alias) {
			return
		}
		defer w.leave(n.Alias)
		n = n.Alias
	}
	if n.Kind == yaml.MappingNode {
		saved := w.pos
		w.pos = positions{} // positions stay those of the merging entry
		w.walkStruct(n, t, path)
		w.pos = saved
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// yamlFields maps the YAML names of t's fields to their types.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = f.Type
	}
	return out
}

func unknownKeyHint(key string, fields map[string]reflect.Type) string {
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	slices.Sort(names)
	best, dist := "", 3
	for _, k := range names {
		if d := editDistance(key, k); d < dist {
			best, dist = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	return "known keys: " + strings.Join(names, ", ")
}

// editDistance is the Levenshtein distance of a and b (bytes; keys are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
