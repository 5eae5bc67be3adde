// Package lang tells the language of a text from its script, its distinctive
// letters and the frequency of common function words. It is small and fast,
// meant for news bodies and headlines; it answers "und"
// (pipeline.LanguageUnknown) whenever the evidence is thin or ambiguous rather
// than guessing.
package lang
