// Package tag is the tag stage: it finds places, people and organisations in
// Russian, English and Japanese text and names each with the gazetteer's
// canonical id whatever the language («Красноярского края», "Krasnoyarsk
// Krai" and 「クラスノヤルスク地方」 are all RU-KYA).
//
// Matching works on tokens for alphabetic scripts and on characters for
// Japanese and Chinese:
//   - tokens are normalised (NFKC, lower case, ё→е, Latin look-alike letters
//     inside Cyrillic words mapped to Cyrillic);
//   - every Russian gazetteer name is expanded into its inflected forms by
//     suffix rules (russian.go), so «Красноярского края» and «Владимиром
//     Путиным» match as written; capitalised name words must be capitalised
//     in the text, abbreviations must be upper case;
//   - Japanese names are found by longest match in a character trie, without
//     word boundaries (安倍晋三首相 → Abe);
//   - in Russian text (and text of unknown language), recognisers find what
//     the gazetteer does not know: people (first names, patronymics, surname
//     suffixes, initials, role words; people.go), organisations
//     (abbreviations, Latin names, quoted names after a descriptor, a verb
//     of saying or an abbreviation, institution phrases with their
//     complements; orgs.go, orgcomplements.go) and places (adjective +
//     descriptor, locative prepositions; places.go); a Latin gloss in
//     parentheses is the mention before it (gloss.go). English text has its
//     own organisation, place and person recognisers (english.go), Japanese
//     text suffix-based ones (japanese.go). Their mentions have no id,
//     except people named with first name and surname (identity.go);
//   - role patterns («посол РФ в Японии Михаил Галузин», "Governor Alexander
//     Uss", 安倍晋三首相) give people a role, office and destination; a
//     gazetteer role valid at the story's date takes precedence (roles.go).
//
// Quality and speed are measured by internal/nerbench (F1 per type on the
// factRuEval-2016 development set and a held-out part of it, MB per
// CPU-second, the gazetteer's load time and heap; docs/gazetteer.md). The
// hot path avoids regular expressions and per-token allocations: tokens
// are folded byte-wise for ASCII and Cyrillic (fold.go), kept in pooled
// buffers, and checked against a Bloom filter before the phrase map.
//
// A Tagger is safe for concurrent use; Swap replaces its gazetteer atomically
// (hot reload). Offsets in results are Unicode code points.
package tag
