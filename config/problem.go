package config

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Problem is one configuration problem: where it is and what to do about
// it. Validate and Load return every Problem joined with errors.Join; use
// Problems to get them back.
type Problem struct {
	File    string // the file, as given to Load ("" when not from a file)
	Line    int    // 1-based line, 0 when unknown
	Field   string // field path, e.g. sources[3].url
	Message string
	Hint    string // how to fix it, may be empty
}

// Error formats the problem as `file:line: field: message (hint)`, leaving
// out the parts that are unknown.
func (p *Problem) Error() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
		b.WriteString(": ")
	}
	if p.Field != "" {
		b.WriteString(p.Field + ": ")
	}
	b.WriteString(p.Message)
	if p.Hint != "" {
		b.WriteString(" (" + p.Hint + ")")
	}
	return b.String()
}

// Problems unpacks the problems joined in err (nil for nil). An error that
// is not a Problem is returned as a Problem with only a Message.
func Problems(err error) []*Problem {
	if err == nil {
		return nil
	}
	var out []*Problem
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, Problems(e)...)
		}
		return out
	}
	var p *Problem
	if errors.As(err, &p) {
		return []*Problem{p}
	}
	return []*Problem{{Message: err.Error()}}
}

// problems collects Problems for one config, locating fields through the
// position index built while parsing.
type problems struct {
	pos  positions
	list []error
}

func (ps *problems) add(field, hint, format string, args ...any) {
	p := &Problem{Field: field, Message: fmt.Sprintf(format, args...), Hint: hint}
	p.File, p.Line = ps.pos.locate(field)
	ps.list = append(ps.list, p)
}

func (ps *problems) err() error { return errors.Join(ps.list...) }

// sortProblems orders problems by file and line (stable, so problems on one
// line keep the order they were found in); other errors go first.
func sortProblems(errs []error) []error {
	key := func(e error) (string, int) {
		var p *Problem
		if errors.As(e, &p) {
			return p.File, p.Line
		}
		return "", 0
	}
	slices.SortStableFunc(errs, func(a, b error) int {
		fa, la := key(a)
		fb, lb := key(b)
		if c := strings.Compare(fa, fb); c != 0 {
			return c
		}
		return la - lb
	})
	return errs
}
