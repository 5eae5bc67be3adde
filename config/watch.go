package config

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Watch polls the configuration at path every interval and hot-reloads it;
// it is NewWatcher(path).Run(ctx, interval, onChange, onError).
func Watch(ctx context.Context, path string, interval time.Duration, onChange func(*Config), onError func(error)) error {
	return NewWatcher(path).Run(ctx, interval, onChange, onError)
}

// Watcher detects changes of a configuration on disk: polywire.yaml, its
// sources file and the files in its gazetteer directories.
type Watcher struct {
	path string
	// Override is applied to every reloaded config before validation, as
	// LoadWith does (flags and environment that complete the files).
	Override func(*Config)
	last     [32]byte // the state last applied or rejected
	pending  [32]byte // a new state seen once, applied when seen again
}

// NewWatcher records the current state of the configuration at path; Run
// reports changes from that state on.
func NewWatcher(path string) *Watcher {
	return &Watcher{path: path, last: fingerprint(path)}
}

// Run polls every interval. When the content of polywire.yaml or its
// sources file, or the names, sizes or modification times of the files in
// its gazetteer directories change, and the change has stayed the same for
// one more interval (so a half-written file is not applied), it loads and
// validates the new configuration. A valid one is passed to onChange; an invalid one is passed
// to onError (with every Problem joined) and not applied, so the caller
// keeps the previous config. The same broken state is reported once, not
// every interval.
//
// Run blocks until ctx is done and returns ctx.Err(). Path "" (embedded
// defaults) has nothing to watch; Run then just waits for ctx. onChange and
// onError run on Run's goroutine; either may be nil. A Watcher is not for
// concurrent Runs.
func (w *Watcher) Run(ctx context.Context, interval time.Duration, onChange func(*Config), onError func(error)) error {
	if w.path == "" {
		<-ctx.Done()
		return ctx.Err()
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
		w.poll(onChange, onError)
	}
}

func (w *Watcher) poll(onChange func(*Config), onError func(error)) {
	fp := fingerprint(w.path)
	if fp == w.last {
		return
	}
	if fp != w.pending {
		// Wait one interval for the change to settle: an editor or a
		// deployment may be halfway through writing the files.
		w.pending = fp
		return
	}
	w.last = fp
	cfg, err := LoadWith(w.path, w.Override)
	switch {
	case err != nil && onError != nil:
		onError(fmt.Errorf("config: reloading %s: %w", w.path, err))
	case err == nil && onChange != nil:
		onChange(cfg)
	}
}

// fingerprint hashes what a reload depends on. Files that cannot be read
// contribute their error, so a file appearing or vanishing is a change.
func fingerprint(path string) [32]byte {
	h := sha256.New()
	hashFile(h, path)
	cfg, _ := parse(path)
	if cfg == nil {
		return [32]byte(h.Sum(nil))
	}
	hashFile(h, SourcesPath(path, cfg.SourcesFile))
	for _, dir := range cfg.GazetteerPaths() {
		hashDir(h, dir)
	}
	return [32]byte(h.Sum(nil))
}

type writer interface{ Write([]byte) (int, error) }

func hashFile(h writer, name string) {
	data, err := os.ReadFile(name)
	fmt.Fprintf(h, "file %s %v %d\n", name, err, len(data))
	h.Write(data)
}

func hashDir(h writer, dir string) {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "gaz %s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
		return nil
	})
	fmt.Fprintf(h, "dir %s %v\n", dir, err)
}
