package demo

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/polywire/polywire/internal/demo/internal/manifest"
)

//go:embed corpus
var corpusFS embed.FS

// resource is one response the server gives, ready to serve.
type resource struct {
	body     []byte
	ctype    string
	modified time.Time
	etag     string
}

// loadManifest reads corpus/manifest.json.
func loadManifest() (manifest.Manifest, error) {
	var m manifest.Manifest
	b, err := corpusFS.ReadFile("corpus/manifest.json")
	if err != nil {
		return m, fmt.Errorf("demo: reading manifest: %w", err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("demo: parsing manifest: %w", err)
	}
	return m, nil
}

// loadResources reads every file of the manifest, decompresses it when
// stored gzipped, and puts base in place of the URL placeholder.
func loadResources(m manifest.Manifest, base string) (map[string]*resource, error) {
	out := make(map[string]*resource, len(m.Files))
	for _, f := range m.Files {
		body, err := readFile(f)
		if err != nil {
			return nil, err
		}
		body = bytes.ReplaceAll(body, []byte(manifest.Placeholder), []byte(base))
		sum := sha256.Sum256(body)
		out[f.Path] = &resource{
			body: body, ctype: f.Type, modified: f.Modified,
			etag: `"` + hex.EncodeToString(sum[:8]) + `"`,
		}
	}
	return out, nil
}

func readFile(f manifest.File) ([]byte, error) {
	b, err := corpusFS.ReadFile("corpus/" + f.File)
	if err != nil {
		return nil, fmt.Errorf("demo: reading %s: %w", f.File, err)
	}
	if !f.Gzip {
		return b, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("demo: decompressing %s: %w", f.File, err)
	}
	defer zr.Close()
	b, err = io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("demo: decompressing %s: %w", f.File, err)
	}
	return b, nil
}
