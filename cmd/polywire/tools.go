package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/polywire/polywire/config"
	"github.com/polywire/polywire/internal/httpx"
	"github.com/polywire/polywire/pipeline"
	"github.com/polywire/polywire/workers/extract"
	"github.com/polywire/polywire/workers/fetch"
	"github.com/polywire/polywire/workers/tag"
)

// maxInput bounds what the admin tools read from one file or URL.
const maxInput = 32 << 20

func newJSONEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// --- fetch ---

type fetchOptions struct {
	config       string
	source       string
	allowPrivate bool
}

func fetchCommand() *command {
	return &command{
		name:    "fetch",
		usage:   "[--source ID] [--allow-private] URL|FILE…",
		summary: "fetch and parse one feed or agency item; Story JSON lines on stdout",
		flags: func(fs *flag.FlagSet) any {
			o := &fetchOptions{}
			fs.StringVar(&o.config, "config", envOr("POLYWIRE_CONFIG", ""), "polywire.yaml, for --source")
			fs.StringVar(&o.source, "source", "", "apply this configured source's options (time zone, identity, language)")
			fs.BoolVar(&o.allowPrivate, "allow-private", false, "allow loopback and private addresses (local test feeds)")
			return o
		},
		run: func(ctx context.Context, e *env, opts any, args []string) error {
			return runFetch(ctx, e, opts.(*fetchOptions), args)
		},
	}
}

func runFetch(ctx context.Context, e *env, o *fetchOptions, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: give a feed URL or file", errUsage)
	}
	src := config.Source{ID: "cli", AllowPrivate: o.allowPrivate}
	if o.source != "" {
		cfg, err := config.Load(o.config)
		if err != nil {
			return err
		}
		s, ok := findSource(cfg.Sources, o.source)
		if !ok {
			return fmt.Errorf("no source %q in the configuration", o.source)
		}
		src = s
		src.AllowPrivate = src.AllowPrivate || o.allowPrivate
	}
	f := fetch.New(fetch.Options{Logger: e.log})
	enc := newJSONEncoder(e.stdout)
	var failed int
	for _, a := range args {
		items, err := f.FetchURL(ctx, a, src)
		if err != nil {
			fmt.Fprintf(e.stderr, "polywire fetch: %s: %v\n", a, err)
			failed++
			continue
		}
		for _, it := range items {
			if err := enc.Encode(&it.Story); err != nil {
				return err
			}
		}
	}
	return failures(failed, len(args))
}

func findSource(sources []config.Source, id string) (config.Source, bool) {
	for _, s := range sources {
		if s.ID == id {
			return s, true
		}
	}
	return config.Source{}, false
}

func failures(failed, total int) error {
	if failed == 0 {
		return nil
	}
	return fmt.Errorf("%d of %d inputs failed", failed, total)
}

// --- extract ---

type extractOptions struct{ allowPrivate bool }

// extractLine is one line of `polywire extract` output.
type extractLine struct {
	File      string             `json:"file"`
	URL       string             `json:"url,omitempty"`
	Headline  string             `json:"headline"`
	Body      string             `json:"body"`
	Byline    string             `json:"byline"`
	Published string             `json:"published"`
	Updated   string             `json:"updated,omitempty"`
	Language  string             `json:"language"`
	Dateline  *pipeline.Dateline `json:"dateline"`
	Agency    string             `json:"agency,omitempty"`
	Image     string             `json:"image,omitempty"`
	Canonical string             `json:"canonical,omitempty"`
	Reason    string             `json:"reason,omitempty"`
}

func extractCommand() *command {
	return &command{
		name:    "extract",
		usage:   "FILE|DIR|URL|-…",
		summary: "extract article text from HTML pages; one JSON line per page (a directory: every *.html, *.html.gz)",
		flags: func(fs *flag.FlagSet) any {
			o := &extractOptions{}
			fs.BoolVar(&o.allowPrivate, "allow-private", false, "allow loopback and private addresses for URLs")
			return o
		},
		run: func(ctx context.Context, e *env, opts any, args []string) error {
			return runExtract(ctx, e, opts.(*extractOptions), args)
		},
	}
}

func runExtract(ctx context.Context, e *env, o *extractOptions, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: give files, directories, URLs or -", errUsage)
	}
	inputs, err := expandInputs(args, ".html", ".html.gz", ".htm")
	if err != nil {
		return err
	}
	client := httpx.New(httpx.Options{AllowPrivate: o.allowPrivate, MaxBodyBytes: maxInput})
	enc := newJSONEncoder(e.stdout)
	var failed int
	for _, in := range inputs {
		page, contentType, finalURL, err := readInput(ctx, e, client, in)
		if err == nil {
			var r *extract.Result
			r, err = extract.Extract(page, extract.PageOptions{URL: finalURL, ContentType: contentType, MaxBytes: maxInput})
			if err == nil {
				err = enc.Encode(toExtractLine(in, finalURL, r))
			}
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "polywire extract: %s: %v\n", in, err)
			failed++
		}
	}
	return failures(failed, len(inputs))
}

func toExtractLine(file, url string, r *extract.Result) extractLine {
	return extractLine{
		File: file, URL: url, Headline: r.Headline, Body: r.Body, Byline: r.Byline,
		Published: rfc3339(r.Published), Updated: rfc3339(r.Updated), Language: r.Language,
		Dateline: r.Dateline, Agency: r.Agency, Image: r.Image, Canonical: r.Canonical, Reason: r.Reason,
	}
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// expandInputs replaces each directory by its files with one of exts,
// sorted; files, URLs and "-" stay as given.
func expandInputs(args []string, exts ...string) ([]string, error) {
	var out []string
	for _, a := range args {
		if a == "-" || isURL(a) {
			out = append(out, a)
			continue
		}
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			out = append(out, a) // a missing file is reported per input
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, err
		}
		var files []string
		for _, ent := range entries {
			if !ent.IsDir() && hasAnySuffix(ent.Name(), exts) {
				files = append(files, filepath.Join(a, ent.Name()))
			}
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out, nil
}

func hasAnySuffix(name string, exts []string) bool {
	for _, x := range exts {
		if strings.HasSuffix(name, x) {
			return true
		}
	}
	return false
}

func isURL(s string) bool { return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") }

// readInput reads a file (gunzipping *.gz), a URL or stdin ("-"), bounded
// by maxInput.
func readInput(ctx context.Context, e *env, client *httpx.Client, in string) (body []byte, contentType, url string, err error) {
	switch {
	case in == "-":
		body, err = readAllLimited(e.stdin)
		return body, "", "", err
	case isURL(in) && client == nil:
		return nil, "", "", errors.New("URLs are not accepted here; give a file or -")
	case isURL(in):
		resp, err := client.Get(ctx, in, httpx.Validators{})
		if err != nil {
			return nil, "", "", err
		}
		return resp.Body, resp.Header.Get("Content-Type"), resp.FinalURL, nil
	}
	f, err := os.Open(in)
	if err != nil {
		return nil, "", "", err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(in, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, "", "", fmt.Errorf("gunzip: %w", err)
		}
		defer gz.Close()
		r = gz
	}
	body, err = readAllLimited(r)
	return body, "", "", err
}

func readAllLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxInput {
		return nil, fmt.Errorf("input larger than %d MiB", maxInput>>20)
	}
	return b, nil
}

// --- tag ---

type tagOptions struct {
	config string
	lang   string
	date   string
	jsonl  bool
}

func tagCommand() *command {
	return &command{
		name:    "tag",
		usage:   "[--lang L] [--date YYYY-MM-DD] FILE|- | --jsonl",
		summary: "tag places, people and organisations in a text; --jsonl: {id,lang,text} lines in, {id,entities} out",
		flags: func(fs *flag.FlagSet) any {
			o := &tagOptions{}
			fs.StringVar(&o.config, "config", envOr("POLYWIRE_CONFIG", ""), "polywire.yaml (extra gazetteer directories)")
			fs.StringVar(&o.lang, "lang", "", "language of the text (ISO 639-1); default: guessed by script")
			fs.StringVar(&o.date, "date", "", "the story's date, to resolve who held an office (default: today)")
			fs.BoolVar(&o.jsonl, "jsonl", false, "read {\"id\",\"lang\",\"text\"} lines on stdin, write {\"id\",\"entities\"} lines")
			return o
		},
		run: func(ctx context.Context, e *env, opts any, args []string) error {
			return runTag(ctx, e, opts.(*tagOptions), args)
		},
	}
}

func runTag(ctx context.Context, e *env, o *tagOptions, args []string) error {
	cfg, err := config.Load(o.config)
	if err != nil {
		return err
	}
	g, err := loadGazetteer(cfg)
	if err != nil {
		return err
	}
	t := tag.New(g)
	at := time.Now()
	if o.date != "" {
		if at, err = time.Parse(time.DateOnly, o.date); err != nil {
			return fmt.Errorf("%w: --date: %v", errUsage, err)
		}
	}
	enc := newJSONEncoder(e.stdout)
	if o.jsonl {
		return t.TagJSONL(ctx, e.stdin, e.stdout, e.log)
	}
	if len(args) != 1 {
		return fmt.Errorf("%w: give one FILE or -", errUsage)
	}
	text, _, _, err := readInput(ctx, e, nil, args[0])
	if err != nil {
		return err
	}
	res := t.Tag(string(text), o.lang, at)
	return enc.Encode(res)
}
