// Package kb owns the knowledge base: countries, demonyms, the world
// gazetteer, international organisations, armed groups, titles and roles,
// and well-known people with dated roles, read from embedded TSV files
// (kb/data) and optionally from a user directory of files in the same
// format, parsed once into typed values and looked up by normalised name.
//
// Every lookup key is made by Normalize, so callers normalise the text they
// hold once and probe Lookup (names of any kind) and Role (titles and
// bodies) with the result. The data files are documented in
// kb/data/SOURCES.md and rebuilt by cmd/kbbuild.
package kb
