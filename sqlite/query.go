package sqlite

import (
	"context"
	"encoding/json"
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
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.published, a.source, e.row FROM events e JOIN articles a ON a.pk = e.article`+
		storesql.Where(cond)+` ORDER BY e.day DESC, e.article, e.seq`+storesql.Limit(f), args...)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	var out []khaldun.EventRow
	for rows.Next() {
		var r khaldun.EventRow
		var js string
		if err := rows.Scan(&r.Article, &r.Published, &r.Outlet, &js); err != nil {
			return nil, fmt.Errorf("events: %w", err)
		}
		id, pub, outlet := r.Article, r.Published, r.Outlet
		if err := json.Unmarshal([]byte(js), &r); err != nil {
			return nil, fmt.Errorf("events: decode stored event of %q: %w", id, err)
		}
		r.Article, r.Published, r.Outlet = id, pub, outlet
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return out, nil
}

// Quotes returns the quotations matching f, newest first.
func (s *Store) Quotes(ctx context.Context, f khaldun.Filter) ([]khaldun.QuoteRow, error) {
	cond, args, ok := dialect.Quotes(f)
	if !ok {
		return nil, nil
	}
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.published, a.source, q.row FROM quotes q JOIN articles a ON a.pk = q.article`+
		storesql.Where(cond)+` ORDER BY a.published DESC, q.article, q.seq`+storesql.Limit(f), args...)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	defer rows.Close()
	var out []khaldun.QuoteRow
	for rows.Next() {
		var r khaldun.QuoteRow
		var js string
		if err := rows.Scan(&r.Article, &r.Published, &r.Outlet, &js); err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		id, pub, outlet := r.Article, r.Published, r.Outlet
		if err := json.Unmarshal([]byte(js), &r); err != nil {
			return nil, fmt.Errorf("quotes: decode stored quote of %q: %w", id, err)
		}
		r.Article, r.Published, r.Outlet = id, pub, outlet
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
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
	rows, err := s.r.QueryContext(ctx, `SELECT x.name, max(x.kind), max(x.country), max(x.sector), x.code,
		count(DISTINCT x.article) AS n, sum(x.mentions) AS m
		FROM actors x JOIN articles a ON a.pk = x.article`+storesql.Where(cond)+`
		GROUP BY x.name, x.code ORDER BY n DESC, m DESC, x.name, x.code`+storesql.Limit(f), args...)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	defer rows.Close()
	var out []khaldun.ActorRow
	for rows.Next() {
		var r khaldun.ActorRow
		if err := rows.Scan(&r.Name, &r.Kind, &r.Country, &r.Sector, &r.Code, &r.Articles, &r.Mentions); err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
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
	rows, err := s.r.QueryContext(ctx, `SELECT a.text, a.record, a.hash FROM articles a`+storesql.Where(cond)+
		` ORDER BY a.published DESC, a.pk`+storesql.Limit(f), args...)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	defer rows.Close()
	var out []khaldun.ArticleRow
	for rows.Next() {
		var text, js, hash string
		if err := rows.Scan(&text, &js, &hash); err != nil {
			return nil, fmt.Errorf("articles: %w", err)
		}
		r, err := storesql.DecodeRecord(text, js)
		if err != nil {
			return nil, fmt.Errorf("articles: %w", err)
		}
		out = append(out, khaldun.ArticleRow{Record: r, Hash: hash})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	return out, nil
}

// Failures returns the stored ingest failures in the order stored.
func (s *Store) Failures(ctx context.Context, f khaldun.Filter) ([]khaldun.Failure, error) {
	cond, args := dialect.Failures(f)
	rows, err := s.r.QueryContext(ctx, `SELECT file, line, aid, problem FROM failures`+storesql.Where(cond)+` ORDER BY pk`+storesql.Limit(f), args...)
	if err != nil {
		return nil, fmt.Errorf("failures: %w", err)
	}
	defer rows.Close()
	var out []khaldun.Failure
	for rows.Next() {
		var r khaldun.Failure
		if err := rows.Scan(&r.File, &r.Line, &r.ID, &r.Problem); err != nil {
			return nil, fmt.Errorf("failures: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("failures: %w", err)
	}
	return out, nil
}
