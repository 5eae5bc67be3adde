// Command extract-bench scores Polywire's extractor against go-trafilatura
// and go-readability on the article-extraction benchmark (html/*.html.gz and
// ground-truth.json), with the benchmark's shingle metric, and times them.
//
//	cd bench/extract && go run . -corpus /path/to/extraction [-out DIR]
//
// It is a module of its own so that the libraries it compares against never
// enter Polywire's go.mod. With -out it writes one prediction file per
// extractor, in the format of the benchmark's scorer (extract-score.py).
package main
