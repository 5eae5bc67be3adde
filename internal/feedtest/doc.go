// Package feedtest is a local feed server for tests and offline demos: RSS,
// Atom and JSON Feed fixtures, non-UTF-8 feeds (windows-1251 declared in the
// XML prolog, KOI8-R announced only in the HTTP header), conditional GET,
// error statuses, a slow endpoint, an HTML bot-challenge page, a redirect
// loop, a truncated body and compressed responses. Every route counts its
// hits; tests may add or replace routes.
package feedtest
