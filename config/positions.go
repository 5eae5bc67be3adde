package config

import "strings"

// position is where a field was written.
type position struct {
	file string
	line int
}

// positions maps field paths (search.backend, sources[3].url) to where they
// were written. The zero value is usable (nothing known).
type positions map[string]position

// locate returns the file and line of path, or of its nearest written
// ancestor (a defaulted field points at its source entry), or the file of
// the path's top-level section.
func (p positions) locate(path string) (string, int) {
	for q := path; q != ""; q = parent(q) {
		if pos, ok := p[q]; ok {
			return pos.file, pos.line
		}
	}
	if pos, ok := p[fileKey(path)]; ok {
		return pos.file, 0
	}
	return "", 0
}

func (p positions) setFile(section, file string) { p["#file:"+section] = position{file: file} }

func fileKey(path string) string {
	if strings.HasPrefix(path, "sources") {
		return "#file:sources"
	}
	return "#file:config"
}

// parent strips the last element: sources[3].url → sources[3] → sources.
func parent(path string) string {
	if i := strings.LastIndexAny(path, ".["); i > 0 {
		return path[:i]
	}
	return ""
}

func (p positions) merge(q positions) {
	for k, v := range q {
		p[k] = v
	}
}
