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
//     (abbreviations, Latin names, quoted names after a descriptor,
//     institution phrases; orgs.go) and places (adjective + descriptor,
//     locative prepositions; places.go). Their mentions have no id, except
//     people named with first name and surname (identity.go);
//   - role patterns («посол РФ в Японии Михаил Галузин», "Governor Alexander
//     Uss", 安倍晋三首相) give people a role, office and destination; a
//     gazetteer role valid at the story's date takes precedence (roles.go).
//
// Quality on Russian news is measured on the factRuEval-2016 development
// set with internal/nereval (its doc comment has the commands and the last
// numbers).
//
// A Tagger is safe for concurrent use; Swap replaces its gazetteer atomically
// (hot reload). Offsets in results are Unicode code points.
package tag
