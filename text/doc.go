// Package text owns the annotated text layer: sentences, tokens with byte
// offsets, part-of-speech tags and noun-phrase chunks.
package text
