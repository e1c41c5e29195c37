// Package postgres owns the server store: khaldun records kept in a
// PostgreSQL database, with the schema as numbered migrations and
// full-text search over article and quote text through tsvector columns
// (English stemming) and GIN indexes.
//
// It uses github.com/jackc/pgx/v5 and its connection pool. The tables are
// created in the first schema of the connection's search_path, so several
// stores can share one database in separate schemas.
package postgres
