// Package ingest owns the way from inputs to a store: files, directories,
// JSON Lines, HTML, RSS and Atom feeds and WARC files read into articles,
// coded on several goroutines, and written by one writer in batched
// transactions, skipping what is already stored, so that a run can be
// repeated or resumed after a crash without storing anything twice.
package ingest
