// Command extract-bench compares Polywire's extractor with go-trafilatura
// (with and without its fallback extractors) and go-readability on the
// article-extraction benchmark (html/*.html.gz and ground-truth.json):
//
//	cd bench/extract && go run . [-data DIR] [-passes N] [-rounds N] [-out DIR] [-worst N]
//
// -data defaults to $POLYWIRE_EXTRACTION_CORPUS, else ../shared/data/extraction
// beside the repository root. It is a module of its own so that the libraries
// it compares against never enter Polywire's go.mod.
//
// For each extractor it prints the benchmark's shingle metric (F1, mean
// precision, mean recall; the port is checked against extract-score.py by
// the tests), pages per CPU-second, wall milliseconds per page, and peak
// memory; then Polywire's ratios against go-trafilatura without fallback
// and the pages where Polywire's F1 falls more than 0.3 below either
// go-trafilatura's.
//
// How costs are measured, and why this way:
//
//   - Each extractor runs in a fresh child process (this binary re-executed
//     with -child NAME), one after the other, so no extractor pays for
//     another's garbage collection, lazily built state or heap growth. This
//     is repeated for -rounds rounds with the extractors interleaved, so a
//     burst of load from elsewhere on the machine does not fall on one
//     extractor only.
//   - A child makes one untimed pass over all pages (its output is what is
//     scored; it also warms caches and one-time initialisation), then
//     -passes timed passes. Pages per CPU-second is pages of the timed
//     passes over the child's own user+system CPU time from
//     getrusage(RUSAGE_SELF), which counts every thread (the collector's
//     background workers too) and not time lost to other processes on a
//     shared machine, summed over the rounds; wall ms/page is shown for
//     reference only.
//   - Peak memory is the child's peak resident set (ru_maxrss of the
//     finished child, as the parent sees it), the median over the rounds
//     (it moves by a few MiB with the collector's timing). All children run the same
//     binary and hold the same decoded corpus, so the table also shows a
//     baseline child that only loads the corpus and each extractor's peak
//     above it; both ratios are printed.
//
// With -out it writes one prediction file per extractor in the scorer's
// format: extract-score.py ground-truth.json DIR/polywire.json.
package main
