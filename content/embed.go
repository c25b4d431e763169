// Package content holds the clinic's default aftercare content, embedded in the
// binary so that it runs without any files beside it. A clinic can run with its
// own copy of this directory instead (CONTENT_DIR or --content).
package content

import "embed"

// FS is the default content: items/*.yaml, texts.yaml, smalltalk.yaml,
// redflags.yaml and lexicon.yaml. It is read-only and safe for concurrent use.
//
//go:embed items/*.yaml *.yaml
var FS embed.FS
