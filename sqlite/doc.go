// Package sqlite owns the embedded store: khaldun records kept in one
// SQLite file (WAL mode), with the schema as numbered migrations and FTS5
// full-text search over article and quote text.
//
// It uses modernc.org/sqlite, a driver in pure Go, so the binary needs no
// C toolchain.
package sqlite
