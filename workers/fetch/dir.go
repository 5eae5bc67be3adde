package fetch

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/httpx"
)

// A source whose url is a file:// directory is an agency drop (agencies
// deliver by FTP into a directory): every *.json (ninjs) and *.xml
// (NewsML-G2, or a feed) file in it is read when it is new or changed since
// the last job (name, size and modification time, kept under
// files.<source>). A file that cannot be read or parsed is logged and
// reported in the source's health; it is tried again when it changes. Files
// are not deleted: the agency or a cron job cleans the directory.

// FilesKeyPrefix keys the state of drop directories: files.<source>.
const FilesKeyPrefix = "files."

// dirState is what the last job saw in a drop directory.
type dirState struct {
	Job   string            `json:"job"`
	Files map[string]string `json:"files"` // name → size and mtime
}

// dropDir reports whether rawURL is a file:// URL naming a directory.
func dropDir(rawURL string) (string, bool) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != "file" {
		return "", false
	}
	path := firstNonEmpty(u.Path, u.Opaque)
	st, err := os.Stat(path)
	if err != nil || !st.IsDir() {
		return "", false
	}
	return path, true
}

func (f *Fetcher) pollDir(ctx context.Context, src config.Source, job, dir string) (jobOutcome, error) {
	prev, err := f.loadDirState(ctx, src.ID, job)
	if err != nil {
		return jobOutcome{err: err, held: -1}, err
	}
	cands, next, bad, err := f.scanDir(ctx, src, dir, prev)
	if err != nil {
		return jobOutcome{err: err, held: -1}, err
	}
	out, err := f.emit(ctx, src, job, "file://"+filepath.ToSlash(dir)+"/", cands)
	if err != nil {
		return out, err
	}
	b, _ := json.Marshal(dirState{Job: job, Files: next})
	if err := f.opts.Seen.Put(ctx, FilesKeyPrefix+src.ID, b); err != nil {
		err = fmt.Errorf("fetch: writing directory state of %s: %w", src.ID, err)
		return jobOutcome{err: err, held: -1}, err
	}
	out.warning = bad
	return out, nil
}

// loadDirState returns the file stamps of the last job, or none when the
// same job wrote them (a redelivered job reads every file again).
func (f *Fetcher) loadDirState(ctx context.Context, source, job string) (map[string]string, error) {
	b, found, err := f.opts.Seen.Get(ctx, FilesKeyPrefix+source)
	if err != nil {
		return nil, fmt.Errorf("fetch: reading directory state of %s: %w", source, err)
	}
	var st dirState
	if !found || json.Unmarshal(b, &st) != nil || st.Job == job {
		return nil, nil
	}
	return st.Files, nil
}

// scanDir parses the agency files of dir that changed since prev (nil:
// all). It returns their candidates, the stamps of every file now present
// and the problems with files that could not be used, joined.
func (f *Fetcher) scanDir(ctx context.Context, src config.Source, dir string, prev map[string]string) ([]*candidate, map[string]string, string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, "", fmt.Errorf("fetch: source %s: reading %s: %w", src.ID, dir, err)
	}
	next := map[string]string{}
	var cands []*candidate
	var bad []string
	for _, e := range entries {
		name := e.Name()
		ext := strings.ToLower(filepath.Ext(name))
		if e.IsDir() || (ext != ".json" && ext != ".xml") || strings.HasPrefix(name, ".") {
			continue
		}
		if ctx.Err() != nil {
			return nil, nil, "", ctx.Err()
		}
		info, err := e.Info()
		if err != nil {
			continue // removed while listing
		}
		stamp := fmt.Sprintf("%d-%d", info.Size(), info.ModTime().UnixNano())
		next[name] = stamp
		if prev[name] == stamp {
			continue
		}
		cs, err := f.readDropFile(ctx, src, filepath.Join(dir, name))
		if err == nil && len(cs) == 0 {
			err = fmt.Errorf("%w: no item in %s", ErrNotAFeed, name)
		}
		if err != nil {
			f.log.Warn("drop file unusable", "source", src.ID, "url", name, "error", err)
			bad = append(bad, name+": "+err.Error())
			f.reject(ctx, src, filepath.Join(dir, name), info.Size(), err)
			continue
		}
		cands = append(cands, cs...)
	}
	slices.Sort(bad)
	return cands, next, strings.Join(bad, "; "), nil
}

func (f *Fetcher) readDropFile(ctx context.Context, src config.Source, path string) ([]*candidate, error) {
	u := "file://" + filepath.ToSlash(path)
	resp, err := f.opts.PrivateClient.Get(ctx, u, httpx.Validators{})
	if err != nil {
		return nil, err
	}
	return f.parseDocument(src, resp.Body, resp.ContentType(), u)
}

// maxRejectedBytes bounds the copy of an unusable drop file sent to the
// dead-letter subject.
const maxRejectedBytes = 8 << 20

// reject reports an unusable drop file through Options.OnRejected, with its
// content when it is readable and not too large.
func (f *Fetcher) reject(ctx context.Context, src config.Source, path string, size int64, reason error) {
	if f.opts.OnRejected == nil {
		return
	}
	var data []byte
	if size <= maxRejectedBytes {
		data, _ = os.ReadFile(path)
	}
	f.opts.OnRejected(ctx, src.ID, "file://"+filepath.ToSlash(path), reason, data)
}
