package main

import (
	"bytes"
	"net/url"

	readability "github.com/go-shiori/go-readability"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/polywire/polywire/workers/extract"
)

// extractor returns the main text of one page.
type extractor struct {
	name string
	run  func(page []byte, pageURL string) (string, error)
}

// Names of the extractors the ratios refer to, and of the child that only
// loads the corpus (its peak memory is the floor every child shares).
const (
	polywireName      = "polywire"
	referenceName     = "go-trafilatura"
	trafilaturaFBName = "go-trafilatura+fallback"
	baselineName      = "baseline"
)

var extractors = []extractor{
	{polywireName, func(page []byte, pageURL string) (string, error) {
		res, err := extract.Extract(page, extract.PageOptions{URL: pageURL, MaxBytes: 32 << 20})
		if err != nil {
			return "", err
		}
		return res.Body, nil
	}},
	{referenceName, func(page []byte, pageURL string) (string, error) {
		return runTrafilatura(page, pageURL, false)
	}},
	{trafilaturaFBName, func(page []byte, pageURL string) (string, error) {
		return runTrafilatura(page, pageURL, true)
	}},
	{"go-readability", func(page []byte, pageURL string) (string, error) {
		u, _ := url.Parse(pageURL)
		art, err := readability.FromReader(bytes.NewReader(page), u)
		if err != nil {
			return "", err
		}
		return art.TextContent, nil
	}},
}

// runTrafilatura runs go-trafilatura as its README suggests for article
// text: comments excluded, the page URL given, fallback (readability and
// dom-distiller, the better of the three kept) on or off.
func runTrafilatura(page []byte, pageURL string, fallback bool) (string, error) {
	u, _ := url.Parse(pageURL)
	res, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{OriginalURL: u, EnableFallback: fallback, ExcludeComments: true})
	if err != nil {
		return "", err
	}
	return res.ContentText, nil
}

func extractorByName(name string) (extractor, bool) {
	for _, x := range extractors {
		if x.name == name {
			return x, true
		}
	}
	return extractor{}, false
}
