package storesql

import (
	"encoding/json"
	"fmt"

	"github.com/khaldun/khaldun"
)

// Scanner reads one result row: database/sql's *sql.Rows and pgx's rows
// both do.
type Scanner interface {
	Scan(dest ...any) error
}

// List is one of the store's list queries: the SELECT before the WHERE
// clause, what follows it (grouping and order), and how a row reads. Each
// store runs it with its own driver.
type List[T any] struct {
	Name   string // "events": the word its errors start with
	Select string
	Order  string
	Scan   func(Scanner) (T, error)
}

// SQL returns the query with the WHERE clause where (see Where) and the
// limit of f.
func (l List[T]) SQL(where string, f khaldun.Filter) string {
	return l.Select + where + l.Order + Limit(f)
}

// The store's list queries, over the conditions of Dialect.
var (
	EventRows = List[khaldun.EventRow]{Name: "events",
		Select: `SELECT a.id, a.published, a.source, e.row FROM events e JOIN articles a ON a.pk = e.article`,
		Order:  ` ORDER BY e.day DESC, e.article, e.seq`,
		Scan: func(s Scanner) (khaldun.EventRow, error) {
			var r khaldun.EventRow
			err := scanStored(s, "event", &r, &r.Article, &r.Published, &r.Outlet)
			return r, err
		}}
	QuoteRows = List[khaldun.QuoteRow]{Name: "quotes",
		Select: `SELECT a.id, a.published, a.source, q.row FROM quotes q JOIN articles a ON a.pk = q.article`,
		Order:  ` ORDER BY a.published DESC, q.article, q.seq`,
		Scan: func(s Scanner) (khaldun.QuoteRow, error) {
			var r khaldun.QuoteRow
			err := scanStored(s, "quote", &r, &r.Article, &r.Published, &r.Outlet)
			return r, err
		}}
	ActorRows = List[khaldun.ActorRow]{Name: "actors",
		Select: `SELECT x.name, max(x.kind), max(x.country), max(x.sector), x.code,
		count(DISTINCT x.article) AS n, sum(x.mentions) AS m
		FROM actors x JOIN articles a ON a.pk = x.article`,
		Order: ` GROUP BY x.name, x.code ORDER BY n DESC, m DESC, x.name, x.code`,
		Scan: func(s Scanner) (khaldun.ActorRow, error) {
			var r khaldun.ActorRow
			err := s.Scan(&r.Name, &r.Kind, &r.Country, &r.Sector, &r.Code, &r.Articles, &r.Mentions)
			return r, err
		}}
	ArticleRows = List[khaldun.ArticleRow]{Name: "articles",
		Select: `SELECT a.text, a.record, a.hash FROM articles a`,
		Order:  ` ORDER BY a.published DESC, a.pk`,
		Scan: func(s Scanner) (khaldun.ArticleRow, error) {
			var text, js, hash string
			if err := s.Scan(&text, &js, &hash); err != nil {
				return khaldun.ArticleRow{}, err
			}
			r, err := DecodeRecord(text, js)
			return khaldun.ArticleRow{Record: r, Hash: hash}, err
		}}
	FailureRows = List[khaldun.Failure]{Name: "failures",
		Select: `SELECT file, line, aid, problem FROM failures`,
		Order:  ` ORDER BY pk`,
		Scan: func(s Scanner) (khaldun.Failure, error) {
			var r khaldun.Failure
			err := s.Scan(&r.File, &r.Line, &r.ID, &r.Problem)
			return r, err
		}}
)

// scanStored reads an article's id, publication date and source and a
// stored row (JSON) into v, then sets the three article fields, which the
// row's JSON may not overwrite.
func scanStored(s Scanner, what string, v any, id, published, outlet *string) error {
	var a, p, o, js string
	if err := s.Scan(&a, &p, &o, &js); err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(js), v); err != nil {
		return fmt.Errorf("decode stored %s of %q: %w", what, a, err)
	}
	*id, *published, *outlet = a, p, o
	return nil
}
