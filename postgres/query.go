package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5"

	"github.com/khaldun/khaldun"
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

// sub adds the conditions of v, numbered after w's, as one condition
// written by wrap (which gets v's WHERE clause).
func (w *where) sub(v where, wrap func(clause string) string) {
	w.conds = append(w.conds, wrap(renumber(v.String(), len(w.args))))
	w.args = append(w.args, v.args...)
}

// renumber shifts every $n placeholder of clause by off.
func renumber(clause string, off int) string {
	if off == 0 {
		return clause
	}
	var b strings.Builder
	for i := 0; i < len(clause); i++ {
		if clause[i] != '$' {
			b.WriteByte(clause[i])
			continue
		}
		j := i + 1
		for j < len(clause) && clause[j] >= '0' && clause[j] <= '9' {
			j++
		}
		n, err := strconv.Atoi(clause[i+1 : j])
		if err != nil {
			b.WriteByte('$')
			continue
		}
		b.WriteString("$" + strconv.Itoa(n+off))
		i = j - 1
	}
	return b.String()
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

// contains and prefix are ILIKE patterns.
func contains(s string) string { return "%" + like(s) + "%" }
func prefix(s string) string   { return like(s) + "%" }

// searchText turns free text into the words plainto_tsquery gets, split
// as the SQLite store splits them (any character but a letter or digit
// separates words); ok is false when the text holds no word.
func searchText(s string) (q string, ok bool) {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return "", false
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
		w.add(col+` >= ? COLLATE "C"`, f.From)
	}
	if f.To != "" {
		w.add(col+` <= ? COLLATE "C"`, f.To+"~")
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
		w.add(`(e.src_name ILIKE ? ESCAPE '\' OR e.src_code ILIKE ? ESCAPE '\' OR e.tgt_name ILIKE ? ESCAPE '\' OR e.tgt_code ILIKE ? ESCAPE '\')`, c, p, c, p)
	}
	if f.Country != "" {
		w.add("(e.src_country = upper(?) OR e.tgt_country = upper(?) OR e.place_country = upper(?))", f.Country, f.Country, f.Country)
	}
	if f.Place != "" {
		w.add(`e.place_name ILIKE ? ESCAPE '\'`, contains(f.Place))
	}
	w.dates("e.day", f)
	if f.Source != "" {
		w.add(`a.source ILIKE ? ESCAPE '\'`, contains(f.Source))
	}
	if f.Search != "" {
		q, ok := searchText(f.Search)
		if !ok {
			return nil, nil
		}
		w.add("a.tsv @@ plainto_tsquery('english', ?)", q)
	}
	rows, err := s.pool.Query(ctx, `SELECT a.id, a.published, a.source, e.row FROM events e JOIN articles a ON a.pk = e.article`+
		w.String()+` ORDER BY e.day DESC, e.article, e.seq`+limit(f), w.args...)
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
	var w where
	if f.Actor != "" {
		w.add(`(q.speaker_name ILIKE ? ESCAPE '\' OR q.speaker_code ILIKE ? ESCAPE '\')`, contains(f.Actor), prefix(f.Actor))
	}
	if f.Country != "" {
		w.add("q.speaker_country = upper(?)", f.Country)
	}
	if f.Type != "" || f.CAMEO != "" || f.Place != "" {
		// a quote has no event type or place of its own: match on its article
		w.sub(articleWhere(khaldun.Filter{Type: f.Type, CAMEO: f.CAMEO, Place: f.Place}), func(c string) string {
			return "q.article IN (SELECT a.pk FROM articles a" + c + ")"
		})
	}
	w.dates("a.published", f)
	if f.Source != "" {
		w.add(`a.source ILIKE ? ESCAPE '\'`, contains(f.Source))
	}
	if f.Search != "" {
		q, ok := searchText(f.Search)
		if !ok {
			return nil, nil
		}
		w.add("q.tsv @@ plainto_tsquery('english', ?)", q)
	}
	rows, err := s.pool.Query(ctx, `SELECT a.id, a.published, a.source, q.row FROM quotes q JOIN articles a ON a.pk = q.article`+
		w.String()+` ORDER BY a.published DESC, q.article, q.seq`+limit(f), w.args...)
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
	var w where
	if f.Actor != "" {
		w.add(`(x.name ILIKE ? ESCAPE '\' OR x.code ILIKE ? ESCAPE '\')`, contains(f.Actor), prefix(f.Actor))
	}
	if f.Country != "" {
		w.add("x.country = upper(?)", f.Country)
	}
	if f.Type != "" || f.CAMEO != "" || f.Place != "" || f.Search != "" {
		w.sub(articleWhere(khaldun.Filter{Type: f.Type, CAMEO: f.CAMEO, Place: f.Place, Search: f.Search}), func(c string) string {
			return "x.article IN (SELECT a.pk FROM articles a" + c + ")"
		})
	}
	w.dates("a.published", f)
	if f.Source != "" {
		w.add(`a.source ILIKE ? ESCAPE '\'`, contains(f.Source))
	}
	rows, err := s.pool.Query(ctx, `SELECT x.name, max(x.kind), max(x.country), max(x.sector), x.code,
		count(DISTINCT x.article) AS n, sum(x.mentions) AS m
		FROM actors x JOIN articles a ON a.pk = x.article`+w.String()+`
		GROUP BY x.name, x.code ORDER BY n DESC, m DESC, x.name, x.code`+limit(f), w.args...)
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

// articleWhere returns the conditions (over articles a) for f.
func articleWhere(f khaldun.Filter) where {
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
		w.sub(ev, func(c string) string { return "EXISTS (SELECT 1 FROM events e" + c + ")" })
	}
	if f.Actor != "" {
		w.add(`EXISTS (SELECT 1 FROM actors x WHERE x.article = a.pk AND (x.name ILIKE ? ESCAPE '\' OR x.code ILIKE ? ESCAPE '\'))`,
			contains(f.Actor), prefix(f.Actor))
	}
	if f.Country != "" {
		w.add(`(EXISTS (SELECT 1 FROM actors x WHERE x.article = a.pk AND x.country = upper(?))
			OR EXISTS (SELECT 1 FROM places p WHERE p.article = a.pk AND p.country = upper(?)))`, f.Country, f.Country)
	}
	if f.Place != "" {
		w.add(`EXISTS (SELECT 1 FROM places p WHERE p.article = a.pk AND p.name ILIKE ? ESCAPE '\')`, contains(f.Place))
	}
	w.dates("a.published", f)
	if f.Source != "" {
		w.add(`a.source ILIKE ? ESCAPE '\'`, contains(f.Source))
	}
	if f.Search != "" {
		q, ok := searchText(f.Search)
		if !ok {
			w.add("false")
		} else {
			w.add("a.tsv @@ plainto_tsquery('english', ?)", q)
		}
	}
	return w
}

// Articles returns whole records matching f, newest first.
func (s *Store) Articles(ctx context.Context, f khaldun.Filter) ([]khaldun.ArticleRow, error) {
	w := articleWhere(f)
	rows, err := s.pool.Query(ctx, `SELECT a.text, a.record, a.hash FROM articles a`+w.String()+
		` ORDER BY a.published DESC, a.pk`+limit(f), w.args...)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	out, err := collect(rows, func(row pgx.CollectableRow) (khaldun.ArticleRow, error) {
		var text, js, hash string
		if err := row.Scan(&text, &js, &hash); err != nil {
			return khaldun.ArticleRow{}, err
		}
		r, err := decodeRecord(text, js)
		return khaldun.ArticleRow{Record: r, Hash: hash}, err
	})
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	return out, nil
}

// Failures returns the stored ingest failures in the order stored.
func (s *Store) Failures(ctx context.Context, f khaldun.Filter) ([]khaldun.Failure, error) {
	var w where
	if f.Source != "" {
		w.add(`file ILIKE ? ESCAPE '\'`, contains(f.Source))
	}
	rows, err := s.pool.Query(ctx, `SELECT file, line, aid, problem FROM failures`+w.String()+` ORDER BY pk`+limit(f), w.args...)
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
