// Package extract is Polywire's extract stage: it turns a raw item (feed
// fields plus the fetched article page, or only the feed's HTML content)
// into a Story with the article's main text and metadata.
//
// Extract works on one page in five steps:
//
//  1. Charset: a byte-order mark, the HTTP Content-Type charset, a <meta>
//     or XML declaration anywhere in the first 64 KiB, else a guess (valid
//     UTF-8, windows-1251 or KOI8-R by letter frequencies, windows-1252)
//     decides the decoding to UTF-8 before any parsing.
//  2. Metadata from <meta> (og:, article:, author), JSON-LD NewsArticle
//     (any *Article type), <time datetime>, <link rel=canonical>, <h1> and
//     <html lang>; without a publication time there, the first full date
//     written in a short text block of the page.
//  3. Cleaning: the source's Drop selectors, then elements that never hold
//     article text (scripts, forms without prose, navigation, asides,
//     footers, hidden elements) and elements whose class, id or role names
//     page furniture (comments, share bars, related links, author boxes,
//     cookie walls, newsletters, sidebars, breadcrumbs, adverts). Teaser
//     cards of other stories (linked headline plus summary) and photo blocks
//     with a short caption go whatever their names. An element holding most
//     of the page's prose is kept whatever its name.
//  4. Selection: the source's Keep selectors when set; otherwise every
//     paragraph credits its ancestors with a score for its length and
//     punctuation, containers are discounted by their link density, and the
//     best one is extended to enclosing blocks of the same prose and to
//     siblings that continue the article (not a block headed "About …").
//  5. Rendering: paragraphs, headings, list items and quotes in document
//     order as plain text, blank lines between paragraphs, dropping link
//     lists (a digest, whose items add a sentence to a linked headline,
//     stays), headings that repeat the headline, date stamps, post meta
//     lines, share prompts and promotional trailers.
//
// Datelines stay in the body as written and are parsed into a
// pipeline.Dateline (ParseDateline); the dateline's agency gives the
// story's Agency under its canonical Latin name (CanonicalAgency). The
// language is the feed's, else detected by package lang from headline and
// body together, else the page's lang attribute, else "und".
//
// Every walk over the tree is iterative, and pages nested deeper than the
// HTML parser accepts are flattened first, so no input can exhaust the
// stack. Extract and Extractor are safe for concurrent use.
package extract
