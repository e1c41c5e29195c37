package postgres

import (
	"context"
	"encoding/json"
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
	rows, err := s.pool.Query(ctx, `SELECT a.id, a.published, a.source, e.row FROM events e JOIN articles a ON a.pk = e.article`+
		clause(cond, args)+` ORDER BY e.day DESC, e.article, e.seq`+storesql.Limit(f), args...)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	out, err := collect(rows, func(row pgx.CollectableRow) (khaldun.EventRow, error) {
		var r khaldun.EventRow
		var id, pub, outlet, js string
		if err := row.Scan(&id, &pub, &outlet, &js); err != nil {
			return r, err
		}
		if err := json.Unmarshal([]byte(js), &r); err != nil {
			return r, fmt.Errorf("decode stored event of %q: %w", id, err)
		}
		r.Article, r.Published, r.Outlet = id, pub, outlet
		return r, nil
	})
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return out, nil
}

// collect reads every row with fn; no rows is a nil slice.
func collect[T any](rows pgx.Rows, fn pgx.RowToFunc[T]) ([]T, error) {
	out, err := pgx.CollectRows(rows, fn)
	if len(out) == 0 {
		out = nil
	}
	return out, err
}

// Quotes returns the quotations matching f, newest first.
func (s *Store) Quotes(ctx context.Context, f khaldun.Filter) ([]khaldun.QuoteRow, error) {
	cond, args, ok := dialect.Quotes(f)
	if !ok {
		return nil, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT a.id, a.published, a.source, q.row FROM quotes q JOIN articles a ON a.pk = q.article`+
		clause(cond, args)+` ORDER BY a.published DESC, q.article, q.seq`+storesql.Limit(f), args...)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	out, err := collect(rows, func(row pgx.CollectableRow) (khaldun.QuoteRow, error) {
		var r khaldun.QuoteRow
		var id, pub, outlet, js string
		if err := row.Scan(&id, &pub, &outlet, &js); err != nil {
			return r, err
		}
		if err := json.Unmarshal([]byte(js), &r); err != nil {
			return r, fmt.Errorf("decode stored quote of %q: %w", id, err)
		}
		r.Article, r.Published, r.Outlet = id, pub, outlet
		return r, nil
	})
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	return out, nil
}

// Actors returns the actors matching f, grouped by name and code.
func (s *Store) Actors(ctx context.Context, f khaldun.Filter) ([]khaldun.ActorRow, error) {
	cond, args, ok := dialect.Actors(f)
	if !ok {
		return nil, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT x.name, max(x.kind), max(x.country), max(x.sector), x.code,
		count(DISTINCT x.article) AS n, sum(x.mentions) AS m
		FROM actors x JOIN articles a ON a.pk = x.article`+clause(cond, args)+`
		GROUP BY x.name, x.code ORDER BY n DESC, m DESC, x.name, x.code`+storesql.Limit(f), args...)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	out, err := collect(rows, func(row pgx.CollectableRow) (khaldun.ActorRow, error) {
		var r khaldun.ActorRow
		err := row.Scan(&r.Name, &r.Kind, &r.Country, &r.Sector, &r.Code, &r.Articles, &r.Mentions)
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	return out, nil
}

// Articles returns whole records matching f, newest first.
func (s *Store) Articles(ctx context.Context, f khaldun.Filter) ([]khaldun.ArticleRow, error) {
	cond, args, ok := dialect.Articles(f)
	if !ok {
		return nil, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT a.text, a.record, a.hash FROM articles a`+clause(cond, args)+
		` ORDER BY a.published DESC, a.pk`+storesql.Limit(f), args...)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	out, err := collect(rows, func(row pgx.CollectableRow) (khaldun.ArticleRow, error) {
		var text, js, hash string
		if err := row.Scan(&text, &js, &hash); err != nil {
			return khaldun.ArticleRow{}, err
		}
		r, err := storesql.DecodeRecord(text, js)
		return khaldun.ArticleRow{Record: r, Hash: hash}, err
	})
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	return out, nil
}

// Failures returns the stored ingest failures in the order stored.
func (s *Store) Failures(ctx context.Context, f khaldun.Filter) ([]khaldun.Failure, error) {
	cond, args := dialect.Failures(f)
	rows, err := s.pool.Query(ctx, `SELECT file, line, aid, problem FROM failures`+clause(cond, args)+` ORDER BY pk`+storesql.Limit(f), args...)
	if err != nil {
		return nil, fmt.Errorf("failures: %w", err)
	}
	out, err := collect(rows, func(row pgx.CollectableRow) (khaldun.Failure, error) {
		var r khaldun.Failure
		err := row.Scan(&r.File, &r.Line, &r.ID, &r.Problem)
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("failures: %w", err)
	}
	return out, nil
}
