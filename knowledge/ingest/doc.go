// Package ingest cleans a scraped news article and splits it into sentences.
//
// Cleaning works by general rules, never by line numbers, so that a new article is cleaned
// the same way: page furniture (font-size widgets, "Related articles", "Popular" and the
// sidebar after them), repeated blocks, bylines, photo captions, "Source:" lines, author
// boxes and blocks about an unrelated story are kept out of the body. Bylines and captions
// are kept apart as credits. Each body sentence keeps its byte offsets in the raw text (so a
// quote is always verbatim), its paragraph, the heading it stands under, the person a leading
// pronoun refers to, the speaker of a quotation and the dates it names, relative ones
// ("on Wednesday", "last July") resolved against the article's date.
//
// The package imports nothing outside the standard library.
package ingest
