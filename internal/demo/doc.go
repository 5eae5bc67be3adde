// Package demo serves Polywire's bundled demo corpus from an in-process
// feed server on loopback, so `polywire run --demo` shows the whole flow
// (fetch → extract → tag → translate → index) without a network.
//
// The corpus (corpus/, embedded) holds six sources in Russian, English,
// Spanish and Japanese, served as RSS 2.0 (one of them windows-1251), Atom
// 1.0 and JSON Feed 1.1, with article pages that carry the boilerplate real
// sites have (navigation, sidebars, comment forms, share widgets) for the
// extractor to remove. It includes the seed story, the TASS report from
// Tokyo republished by the WordPress site sibnews. docs/demo.md describes
// the corpus and corpus/LICENSES.md its licences.
//
// The files are produced by internal/gen from the shared evaluation data and
// the hand-written inputs in internal/gen/input, and committed:
//
//	go generate ./internal/demo
package demo

//go:generate go run ./internal/gen -in internal/gen/input -out corpus
