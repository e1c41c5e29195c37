package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/storesql"
)

// where gathers the conditions of one query and their arguments. A
// condition writes ? for each of its arguments; add numbers them $1, $2...
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	var b strings.Builder
	n := 0
	for _, r := range cond {
		if r == '?' && n < len(args) {
			b.WriteString("$" + strconv.Itoa(len(w.args)+n+1))
			n++
			continue
		}
		b.WriteRune(r)
	}
	w.conds = append(w.conds, b.String())
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// dialect writes the store's filter conditions in PostgreSQL: ILIKE
// ignores case, dates compare as bytes, and search goes through the tsv
// columns with the English configuration.
var dialect = storesql.Dialect{
	ILike:         "ILIKE",
	DateBound:     ` COLLATE "C"`,
	SearchText:    searchText,
	ArticleSearch: "a.tsv @@ plainto_tsquery('english', ?)",
	QuoteSearch:   "q.tsv @@ plainto_tsquery('english', ?)",
}

// searchText turns free text into the words plainto_tsquery gets, split
// as the SQLite store splits them (see storesql.Words); ok is false when
// the text holds no word.
func searchText(s string) (q string, ok bool) {
	words := storesql.Words(s)
	if len(words) == 0 {
		return "", false
	}
	return strings.Join(words, " "), true
}

// clause returns the WHERE clause of the conditions cond, its ?
// placeholders numbered $1, $2... for args.
func clause(cond string, args []any) string {
	var w where
	if cond != "" {
		w.add(cond, args...)
	}
	return w.String()
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

// list runs one of the store's list queries with the conditions cond; no
// rows is a nil slice.
func list[T any](ctx context.Context, s *Store, l storesql.List[T], f khaldun.Filter, cond string, args []any) ([]T, error) {
	rows, err := s.pool.Query(ctx, l.SQL(clause(cond, args), f), args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", l.Name, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (T, error) { return l.Scan(row) })
	if err != nil {
		return nil, fmt.Errorf("%s: %w", l.Name, err)
	}
	if len(out) == 0 {
		out = nil
	}
	return out, nil
}
