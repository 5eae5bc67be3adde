package config

import "testing"

// FuzzDecodeStrict: no input makes the strict decoder or validation panic,
// and every problem it reports names its file.
func FuzzDecodeStrict(f *testing.F) {
	f.Add([]byte(validSource))
	f.Add([]byte("sources:\n  - &a\n    id: x\n  - <<: *a\n    url: ftp://x\n"))
	f.Add([]byte("sources: [1, {id: [a]}, {headers: {a: [b]}}]\n"))
	f.Add([]byte("- a\n- b\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pos := positions{}
		srcs, errs := parseSources("sources.yaml", data, pos)
		for i := range srcs {
			srcs[i].setDefaults()
		}
		ps := &problems{pos: pos}
		validateSources(ps, srcs)
		for _, e := range append(errs, ps.list...) {
			if p, ok := e.(*Problem); ok && p.File == "" {
				t.Fatalf("problem without file: %v", p)
			}
		}
	})
}
