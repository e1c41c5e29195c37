// Package eval owns the quality yardstick: it reads gold-standard sets
// (entities, events, quotations, toponyms, temporal expressions) written
// as JSON Lines, codes their text with a khaldun coder, and scores what
// the coder produced against what annotators marked, set by set.
//
// Gold offsets are Unicode code points; they are turned into byte offsets
// when a record is loaded, so every comparison is made in khaldun's own
// byte spans. Each gold format has one loader (Load detects the format
// from the fields of each record) and each task one scorer; Run codes the
// articles with a pool of workers and returns one Report per set.
package eval
