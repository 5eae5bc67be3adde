package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// storyIn is one hand-written line of input/*.json: the metadata we give a
// story, and either its body or a reference into the shared data.
type storyIn struct {
	Source    string `json:"source"`
	Ref       string `json:"ref"`
	Slug      string `json:"slug"`
	Headline  string `json:"headline"`
	Published string `json:"published"`
	Author    string `json:"author"`
	Category  string `json:"category"`
	Agency    string `json:"agency"`
	Body      string `json:"body"`
}

// story is a storyIn with its body resolved and its place on the site.
type story struct {
	storyIn
	Time     time.Time
	Paras    []string
	Language string
	N        int    // post number, stable per source
	Path     string // URL path of the article page
	File     string // file under corpus/site
	GUID     string // stable, independent of the server's port
	// Origin is the page the text was taken from (English benchmark pages).
	Origin string
	// RawPage is the gzipped original page (English benchmark pages).
	RawPage []byte
}

// loadInputs reads every input/<lang>.json under dir.
func loadInputs(dir string) ([]*story, error) {
	var out []*story
	for _, lang := range []string{"ru", "en", "es", "ja"} {
		b, err := os.ReadFile(filepath.Join(dir, lang+".json"))
		if err != nil {
			return nil, fmt.Errorf("gen: reading input %s: %w", lang, err)
		}
		var ins []storyIn
		if err := json.Unmarshal(b, &ins); err != nil {
			return nil, fmt.Errorf("gen: parsing input %s: %w", lang, err)
		}
		for _, in := range ins {
			t, err := time.Parse(time.RFC3339, in.Published)
			if err != nil {
				return nil, fmt.Errorf("gen: story %s: %w", in.Ref, err)
			}
			out = append(out, &story{storyIn: in, Time: t, Language: lang})
		}
	}
	return out, nil
}

// resolveBodies fills Paras from the inline body, the seed story, the
// factRuEval documents or the extraction benchmark.
func resolveBodies(stories []*story, data string) error {
	ner, err := loadNER(filepath.Join(data, "ner", "dev.jsonl"))
	if err != nil {
		return err
	}
	truth, err := loadTruth(filepath.Join(data, "extraction", "ground-truth.json"))
	if err != nil {
		return err
	}
	for _, s := range stories {
		if err := resolveBody(s, data, ner, truth); err != nil {
			return err
		}
	}
	return nil
}

func resolveBody(s *story, data string, ner map[string]string, truth map[string]truthDoc) error {
	switch {
	case s.Body != "":
		s.Paras = paragraphs(s.Body)
	case s.Ref == "seed":
		b, err := os.ReadFile(filepath.Join(data, "seed", "tass-krasnoyarsk-tokyo.txt"))
		if err != nil {
			return fmt.Errorf("gen: reading seed: %w", err)
		}
		s.Paras = seedParas(string(b))
	case s.Language == "ru":
		text, ok := ner[s.Ref]
		if !ok {
			return fmt.Errorf("gen: factRuEval document %s not found", s.Ref)
		}
		s.Paras = paragraphs(text)
	case s.Language == "en":
		return resolveEnglish(s, data, truth)
	default:
		return fmt.Errorf("gen: story %s has no body", s.Ref)
	}
	return nil
}

// seedParas drops the headline line and the WordPress boilerplate from the
// seed text: the page template adds the boilerplate back as markup.
func seedParas(text string) []string {
	ps := paragraphs(text)
	var out []string
	for _, p := range ps[1:] {
		if strings.HasPrefix(p, "Автор:") {
			break
		}
		out = append(out, p)
	}
	return out
}

func resolveEnglish(s *story, data string, truth map[string]truthDoc) error {
	for id, doc := range truth {
		if !strings.HasPrefix(id, s.Ref) {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(data, "extraction", "html", id+".html.gz"))
		if err != nil {
			return fmt.Errorf("gen: reading page %s: %w", id, err)
		}
		s.Paras, s.Origin, s.RawPage = paragraphs(doc.ArticleBody), doc.URL, raw
		return nil
	}
	return fmt.Errorf("gen: benchmark page %s not found", s.Ref)
}

// paragraphs splits text on blank lines (or single newlines) and trims.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func loadNER(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gen: opening %s: %w", path, err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var doc struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			return nil, fmt.Errorf("gen: parsing %s: %w", path, err)
		}
		out[doc.ID] = doc.Text
	}
	return out, sc.Err()
}

type truthDoc struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

func loadTruth(path string) (map[string]truthDoc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gen: reading %s: %w", path, err)
	}
	out := map[string]truthDoc{}
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("gen: parsing %s: %w", path, err)
	}
	return out, nil
}

// gunzip is used to check that a benchmark page is UTF-8 before we serve it
// as such.
func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(strings.NewReader(string(b)))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}
