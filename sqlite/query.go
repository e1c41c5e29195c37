package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/storesql"
)

// dialect writes the store's filter conditions in SQLite: LIKE ignores
// ASCII case, and search goes through the FTS5 tables.
var dialect = storesql.Dialect{
	ILike:         "LIKE",
	SearchText:    ftsQuery,
	ArticleSearch: "a.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
	QuoteSearch:   "q.qk IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)",
}

// ftsQuery turns free text into an FTS5 query in which every word must
// occur; ok is false when the text holds no word.
func ftsQuery(s string) (q string, ok bool) {
	words := storesql.Words(s)
	if len(words) == 0 {
		return "", false
	}
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " "), true
}

// Events returns the events matching f, newest first.
func (s *Store) Events(ctx context.Context, f khaldun.Filter) ([]khaldun.EventRow, error) {
	cond, args, ok := dialect.Events(f)
	if !ok {
		return nil, nil
	}
	return list(ctx, s, storesql.EventRows, f, cond, args)
}

// Quotes returns the quotations matching f, newest first.
func (s *Store) Quotes(ctx context.Context, f khaldun.Filter) ([]khaldun.QuoteRow, error) {
	cond, args, ok := dialect.Quotes(f)
	if !ok {
		return nil, nil
	}
	return list(ctx, s, storesql.QuoteRows, f, cond, args)
}

// Actors returns the actors matching f, grouped by name and code.
func (s *Store) Actors(ctx context.Context, f khaldun.Filter) ([]khaldun.ActorRow, error) {
	cond, args, ok := dialect.Actors(f)
	if !ok {
		return nil, nil
	}
	return list(ctx, s, storesql.ActorRows, f, cond, args)
}

// Articles returns whole records matching f, newest first.
func (s *Store) Articles(ctx context.Context, f khaldun.Filter) ([]khaldun.ArticleRow, error) {
	cond, args, ok := dialect.Articles(f)
	if !ok {
		return nil, nil
	}
	return list(ctx, s, storesql.ArticleRows, f, cond, args)
}

// Failures returns the stored ingest failures in the order stored.
func (s *Store) Failures(ctx context.Context, f khaldun.Filter) ([]khaldun.Failure, error) {
	cond, args := dialect.Failures(f)
	return list(ctx, s, storesql.FailureRows, f, cond, args)
}

// list runs one of the store's list queries with the conditions cond.
func list[T any](ctx context.Context, s *Store, l storesql.List[T], f khaldun.Filter, cond string, args []any) ([]T, error) {
	rows, err := s.r.QueryContext(ctx, l.SQL(storesql.Where(cond), f), args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", l.Name, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := l.Scan(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", l.Name, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", l.Name, err)
	}
	return out, nil
}
