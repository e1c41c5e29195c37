package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/khaldun/khaldun"
)

// where gathers the conditions of one query and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// like escapes s for a LIKE pattern (with ESCAPE '\').
func like(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// contains and prefix are LIKE patterns (SQLite's LIKE ignores ASCII case).
func contains(s string) string { return "%" + like(s) + "%" }
func prefix(s string) string   { return like(s) + "%" }

// ftsQuery turns free text into an FTS5 query in which every word must
// occur; ok is false when the text holds no word.
func ftsQuery(s string) (q string, ok bool) {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return "", false
	}
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " "), true
}

func limit(f khaldun.Filter) string {
	if f.Limit > 0 {
		return fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return ""
}

// dates adds the From and To bounds on the column col.
func (w *where) dates(col string, f khaldun.Filter) {
	if f.From != "" {
		w.add(col+" >= ?", f.From)
	}
	if f.To != "" {
		w.add(col+" <= ?", f.To+"~")
	}
}

// Events returns the events matching f, newest first.
func (s *Store) Events(ctx context.Context, f khaldun.Filter) ([]khaldun.EventRow, error) {
	var w where
	if f.Type != "" {
		w.add("e.type = upper(?)", f.Type)
	}
	if f.CAMEO != "" {
		w.add(`e.cameo LIKE ? ESCAPE '\'`, prefix(f.CAMEO))
	}
	if f.Actor != "" {
		c, p := contains(f.Actor), prefix(f.Actor)
		w.add(`(e.src_name LIKE ? ESCAPE '\' OR e.src_code LIKE ? ESCAPE '\' OR e.tgt_name LIKE ? ESCAPE '\' OR e.tgt_code LIKE ? ESCAPE '\')`, c, p, c, p)
	}
	if f.Country != "" {
		w.add("(e.src_country = upper(?) OR e.tgt_country = upper(?) OR e.place_country = upper(?))", f.Country, f.Country, f.Country)
	}
	if f.Place != "" {
		w.add(`e.place_name LIKE ? ESCAPE '\'`, contains(f.Place))
	}
	w.dates("e.day", f)
	if f.Source != "" {
		w.add(`a.source LIKE ? ESCAPE '\'`, contains(f.Source))
	}
	if f.Search != "" {
		q, ok := ftsQuery(f.Search)
		if !ok {
			return nil, nil
		}
		w.add("a.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", q)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.published, a.source, e.row FROM events e JOIN articles a ON a.pk = e.article`+
		w.String()+` ORDER BY e.day DESC, e.article, e.seq`+limit(f), w.args...)
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
	var w where
	if f.Actor != "" {
		w.add(`(q.speaker_name LIKE ? ESCAPE '\' OR q.speaker_code LIKE ? ESCAPE '\')`, contains(f.Actor), prefix(f.Actor))
	}
	if f.Country != "" {
		w.add("q.speaker_country = upper(?)", f.Country)
	}
	if f.Type != "" || f.CAMEO != "" || f.Place != "" {
		// a quote has no event type or place of its own: match on its article
		sub, args := articleConds(khaldun.Filter{Type: f.Type, CAMEO: f.CAMEO, Place: f.Place})
		w.add("q.article IN (SELECT a.pk FROM articles a"+sub+")", args...)
	}
	w.dates("a.published", f)
	if f.Source != "" {
		w.add(`a.source LIKE ? ESCAPE '\'`, contains(f.Source))
	}
	if f.Search != "" {
		q, ok := ftsQuery(f.Search)
		if !ok {
			return nil, nil
		}
		w.add("q.qk IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", q)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.published, a.source, q.row FROM quotes q JOIN articles a ON a.pk = q.article`+
		w.String()+` ORDER BY a.published DESC, q.article, q.seq`+limit(f), w.args...)
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
	var w where
	if f.Actor != "" {
		w.add(`(x.name LIKE ? ESCAPE '\' OR x.code LIKE ? ESCAPE '\')`, contains(f.Actor), prefix(f.Actor))
	}
	if f.Country != "" {
		w.add("x.country = upper(?)", f.Country)
	}
	if f.Type != "" || f.CAMEO != "" || f.Place != "" || f.Search != "" {
		sub, args := articleConds(khaldun.Filter{Type: f.Type, CAMEO: f.CAMEO, Place: f.Place, Search: f.Search})
		w.add("x.article IN (SELECT a.pk FROM articles a"+sub+")", args...)
	}
	w.dates("a.published", f)
	if f.Source != "" {
		w.add(`a.source LIKE ? ESCAPE '\'`, contains(f.Source))
	}
	rows, err := s.r.QueryContext(ctx, `SELECT x.name, max(x.kind), max(x.country), max(x.sector), x.code,
		count(DISTINCT x.article) AS n, sum(x.mentions) AS m
		FROM actors x JOIN articles a ON a.pk = x.article`+w.String()+`
		GROUP BY x.name, x.code ORDER BY n DESC, m DESC, x.name, x.code`+limit(f), w.args...)
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

// articleConds returns the WHERE clause (over articles a) for f.
func articleConds(f khaldun.Filter) (string, []any) {
	var w where
	if f.Type != "" || f.CAMEO != "" {
		var ev where
		ev.add("e.article = a.pk")
		if f.Type != "" {
			ev.add("e.type = upper(?)", f.Type)
		}
		if f.CAMEO != "" {
			ev.add(`e.cameo LIKE ? ESCAPE '\'`, prefix(f.CAMEO))
		}
		w.add("EXISTS (SELECT 1 FROM events e"+ev.String()+")", ev.args...)
	}
	if f.Actor != "" {
		w.add(`EXISTS (SELECT 1 FROM actors x WHERE x.article = a.pk AND (x.name LIKE ? ESCAPE '\' OR x.code LIKE ? ESCAPE '\'))`,
			contains(f.Actor), prefix(f.Actor))
	}
	if f.Country != "" {
		w.add(`(EXISTS (SELECT 1 FROM actors x WHERE x.article = a.pk AND x.country = upper(?))
			OR EXISTS (SELECT 1 FROM places p WHERE p.article = a.pk AND p.country = upper(?)))`, f.Country, f.Country)
	}
	if f.Place != "" {
		w.add(`EXISTS (SELECT 1 FROM places p WHERE p.article = a.pk AND p.name LIKE ? ESCAPE '\')`, contains(f.Place))
	}
	w.dates("a.published", f)
	if f.Source != "" {
		w.add(`a.source LIKE ? ESCAPE '\'`, contains(f.Source))
	}
	if f.Search != "" {
		q, ok := ftsQuery(f.Search)
		if !ok {
			w.add("0")
		} else {
			w.add("a.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", q)
		}
	}
	return w.String(), w.args
}

// Articles returns whole records matching f, newest first.
func (s *Store) Articles(ctx context.Context, f khaldun.Filter) ([]khaldun.ArticleRow, error) {
	cond, args := articleConds(f)
	rows, err := s.r.QueryContext(ctx, `SELECT a.text, a.record, a.hash FROM articles a`+cond+
		` ORDER BY a.published DESC, a.pk`+limit(f), args...)
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
		r, err := decodeRecord(text, js)
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
	var w where
	if f.Source != "" {
		w.add(`file LIKE ? ESCAPE '\'`, contains(f.Source))
	}
	rows, err := s.r.QueryContext(ctx, `SELECT file, line, aid, problem FROM failures`+w.String()+` ORDER BY pk`+limit(f), w.args...)
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
