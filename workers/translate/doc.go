// Package translate is Polywire's translate stage: for every configured
// target language it asks the first engine that serves the story's language
// pair for a machine translation of the headline and the body, and records
// the outcome in Story.Translations.
//
// Engines are small HTTP clients behind the Engine interface (Apertium APY in
// package apertium, LibreTranslate in package libretranslate) that share
// their plumbing, the cached pair list and the Translate flow, through
// HTTPEngine. The stage never leaves a silent empty field: every target
// other than the story's own language ends with status ok, no-engine or
// failed, with a Detail saying why when it is not ok.
//
// Error policy (see Translator.Stage and docs/translation.md): permanent
// engine errors mark the target failed at once; retryable ones (engine down,
// timeout, 5xx, 429) are returned so the runner redelivers the story, until
// the same engine has kept failing on the same pair for longer than
// Options.GiveUpAfter; from then on the target is marked failed and the story
// passes on rather than waiting for the engine forever.
package translate
