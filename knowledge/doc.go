// Package knowledge turns the curated articles into cited facts and answers questions from
// them.
//
// The domain types (Article, Fact, Intent, Answer, Citation) come first; Engine ties the
// pipeline together: package ingest cleans an article and splits it into facts, this package
// files each fact under intents, and package index ranks facts for a question. An answer
// quotes facts verbatim and cites the seed file each quote comes from, or it says plainly
// that the articles do not cover the question.
package knowledge
