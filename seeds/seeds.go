// Package seeds holds the curated news articles azchina answers from, and their metadata,
// embedded in the binary so that it runs from any directory.
package seeds

import "embed"

// FS holds the article files (*.txt) and meta.yaml.
//
//go:embed *.txt meta.yaml
var FS embed.FS
