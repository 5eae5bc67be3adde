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

var extractors = []extractor{
	{"polywire", func(page []byte, pageURL string) (string, error) {
		res, err := extract.Extract(page, extract.PageOptions{URL: pageURL, MaxBytes: 32 << 20})
		if err != nil {
			return "", err
		}
		return res.Body, nil
	}},
	{"go-trafilatura", func(page []byte, pageURL string) (string, error) {
		u, _ := url.Parse(pageURL)
		res, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{OriginalURL: u, EnableFallback: true, ExcludeComments: true})
		if err != nil {
			return "", err
		}
		return res.ContentText, nil
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
