// Package apertium is a translate.Engine backed by an Apertium APY server
// (apertium-apy, Debian package of the same name), plus EnsureAPY and
// StartAPY to run one on a loopback port when nothing answers.
//
// APY speaks ISO 639-3 codes ("eng|spa") and may list variants ("spa" →
// "eng_US"); the engine maps them to ISO 639-1 and, where several codes map
// to the same pair, uses the plain code. Text is sent as plain text
// (format=txt) with unknown-word marks off (markUnknown=no), in chunks of at
// most Options.MaxChunk bytes that keep paragraph breaks.
package apertium
