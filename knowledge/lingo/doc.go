// Package lingo reads questions asked in Azerbaijani, Russian and Chinese as the English
// words the engine searches with. Detect tells a question's language by its script and
// letters; a Lexicon, read from a domain lexicon file, maps each word or phrase it knows
// onto English (Russian words by their Snowball stems, Azerbaijani words by their longest
// known stem before a chain of suffixes, Chinese text by forward maximum matching over the
// lexicon's Chinese entries) and leaves a word it does not know as it is, so that a
// question about something else is still refused.
//
// The package is standard library plus the Snowball Russian stemmer and a YAML reader;
// everything it returns is safe for concurrent use once built.
package lingo
