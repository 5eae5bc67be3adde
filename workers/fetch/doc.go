// Package fetch is the fetch stage: a FetchJob in, a RawItem out for every
// new or edited feed item.
//
// For each job the Fetcher makes a conditional GET of the source's feed,
// parses RSS, Atom, JSON Feed, IPTC ninjs or NewsML-G2 (told apart by
// content; a file:// directory source is an agency drop whose new and
// changed files are read) (minding the charset: an encoding declared in
// the XML prolog wins, else the HTTP header's charset is applied), resolves
// dates (zone abbreviations such as JST and MSK, Russian month names, the
// source's time zone for dates written without one), derives each item's
// identity and story id, compares a content hash with the seen store to tell
// new items (version 1) from edits (version+1) and unchanged ones (skipped),
// fetches the article page when the feed carries only a summary (honouring
// the host's robots.txt unless the source sets ignore_robots; links in feeds
// go through the private-address guard unless the source sets
// allow_private), and records per-source health.
//
// # Status, embargoes and health
//
// Kills (pubstatus canceled, or the source's kill_pattern) and corrections
// are new versions. An item embargoed into the future is held in the store
// (embargo.<source>.<id>) and released as usable by the first job of its
// source after the embargo. Every job updates health.<source> (see Health);
// Options.OnHealth hears state changes (failing, stale, recovered) and
// Options.Registerer gets per-source metrics. The health record's NotBefore
// carries Retry-After and Cache-Control/Expires to the scheduler. Every
// source option is documented in docs/sources.md.
//
// # Seen marks and redelivery
//
// The runner publishes a stage's outputs after the stage returns and acks
// the job only once every publish succeeded. If a publish fails, the same
// job (same source and slot) is redelivered. The Fetcher therefore writes
// its seen marks before returning, but each mark records the job that wrote
// it: when the same job comes again, items whose mark it wrote are emitted
// again with the same version, and the conditional GET is skipped, so
// nothing the failed attempt found is lost. The re-emitted outputs carry
// the same Nats-Msg-Id (<story id>:<version>:fetch), so those that were
// published before the failure are dropped by JetStream's duplicate window.
// A job for a later slot treats the marks as seen. The remaining gap is a
// job that exhausts its attempts and is dead-lettered: its items count as
// seen until the job is replayed from the dead-letter subject (the replay
// has the same slot, so it re-emits them).
package fetch
