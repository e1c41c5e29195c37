package storesql

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/khaldun/khaldun"
)

// Dialect is what one SQL store writes differently in its conditions.
type Dialect struct {
	// ILike is the operator that matches a LIKE pattern ignoring case:
	// "LIKE" in SQLite (whose LIKE ignores ASCII case), "ILIKE" in
	// PostgreSQL.
	ILike string
	// DateBound follows the placeholder of a From or To bound, so that
	// dates compare as bytes: ` COLLATE "C"` in PostgreSQL, "" in SQLite.
	DateBound string
	// SearchText prepares Filter.Search as the one argument of
	// ArticleSearch and QuoteSearch; ok is false when the text can match
	// nothing (it holds no word).
	SearchText func(search string) (q string, ok bool)
	// ArticleSearch is the condition, over articles a, that the article's
	// title or text matches the prepared search text (its one ?).
	ArticleSearch string
	// QuoteSearch is the condition, over quotes q, that the quote's text
	// matches the prepared search text (its one ?).
	QuoteSearch string
}

// Events returns the conditions, over events e joined to their articles
// a, that select the events matching f, and their arguments. ok is false
// when f can match no event.
func (d Dialect) Events(f khaldun.Filter) (cond string, args []any, ok bool) {
	var w where
	if f.Type != "" {
		w.add("e.type = upper(?)", f.Type)
	}
	if f.CAMEO != "" {
		w.add(`e.cameo LIKE ? ESCAPE '\'`, prefix(f.CAMEO))
	}
	if f.Actor != "" {
		c, p := contains(f.Actor), prefix(f.Actor)
		w.add(d.ilike(`(e.src_name ILIKE ? ESCAPE '\' OR e.src_code ILIKE ? ESCAPE '\' OR e.tgt_name ILIKE ? ESCAPE '\' OR e.tgt_code ILIKE ? ESCAPE '\')`), c, p, c, p)
	}
	if f.Country != "" {
		w.add("(e.src_country = upper(?) OR e.tgt_country = upper(?) OR e.place_country = upper(?))", f.Country, f.Country, f.Country)
	}
	if f.Place != "" {
		w.add(d.ilike(`e.place_name ILIKE ? ESCAPE '\'`), contains(f.Place))
	}
	d.datesAndSource(&w, "e.day", f)
	d.search(&w, d.ArticleSearch, f)
	return w.result()
}

// Quotes returns the conditions, over quotes q joined to their articles
// a, that select the quotations matching f, and their arguments. ok is
// false when f can match no quotation.
func (d Dialect) Quotes(f khaldun.Filter) (cond string, args []any, ok bool) {
	var w where
	if f.Actor != "" {
		w.add(d.ilike(`(q.speaker_name ILIKE ? ESCAPE '\' OR q.speaker_code ILIKE ? ESCAPE '\')`), contains(f.Actor), prefix(f.Actor))
	}
	if f.Country != "" {
		w.add("q.speaker_country = upper(?)", f.Country)
	}
	if f.Type != "" || f.CAMEO != "" || f.Place != "" {
		// a quote has no event type or place of its own: match on its article
		sub := d.articles(khaldun.Filter{Type: f.Type, CAMEO: f.CAMEO, Place: f.Place})
		w.add("q.article IN (SELECT a.pk FROM articles a"+sub.String()+")", sub.args...)
	}
	d.datesAndSource(&w, "a.published", f)
	d.search(&w, d.QuoteSearch, f)
	return w.result()
}

// Actors returns the conditions, over actors x joined to their articles
// a, that select the actors matching f, and their arguments: Actor and
// Country on the actor itself, the other fields on its article. ok is
// false when f can match no actor.
func (d Dialect) Actors(f khaldun.Filter) (cond string, args []any, ok bool) {
	var w where
	if f.Actor != "" {
		w.add(d.ilike(`(x.name ILIKE ? ESCAPE '\' OR x.code ILIKE ? ESCAPE '\')`), contains(f.Actor), prefix(f.Actor))
	}
	if f.Country != "" {
		w.add("x.country = upper(?)", f.Country)
	}
	if f.Type != "" || f.CAMEO != "" || f.Place != "" || f.Search != "" {
		sub := d.articles(khaldun.Filter{Type: f.Type, CAMEO: f.CAMEO, Place: f.Place, Search: f.Search})
		w.none = sub.none
		w.add("x.article IN (SELECT a.pk FROM articles a"+sub.String()+")", sub.args...)
	}
	d.datesAndSource(&w, "a.published", f)
	return w.result()
}

// Articles returns the conditions, over articles a, that select the
// articles matching f, and their arguments. ok is false when f can match
// no article.
func (d Dialect) Articles(f khaldun.Filter) (cond string, args []any, ok bool) {
	w := d.articles(f)
	return w.result()
}

// articles gathers the conditions over articles a for f.
func (d Dialect) articles(f khaldun.Filter) where {
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
		w.add(d.ilike(`EXISTS (SELECT 1 FROM actors x WHERE x.article = a.pk AND (x.name ILIKE ? ESCAPE '\' OR x.code ILIKE ? ESCAPE '\'))`),
			contains(f.Actor), prefix(f.Actor))
	}
	if f.Country != "" {
		w.add(`(EXISTS (SELECT 1 FROM actors x WHERE x.article = a.pk AND x.country = upper(?))
			OR EXISTS (SELECT 1 FROM places p WHERE p.article = a.pk AND p.country = upper(?)))`, f.Country, f.Country)
	}
	if f.Place != "" {
		w.add(d.ilike(`EXISTS (SELECT 1 FROM places p WHERE p.article = a.pk AND p.name ILIKE ? ESCAPE '\')`), contains(f.Place))
	}
	d.datesAndSource(&w, "a.published", f)
	d.search(&w, d.ArticleSearch, f)
	return w
}

// Failures returns the conditions, over failures, that select the
// failures matching f, and their arguments. Only f.Source applies, as a
// substring of the file name.
func (d Dialect) Failures(f khaldun.Filter) (cond string, args []any) {
	var w where
	if f.Source != "" {
		w.add(d.ilike(`file ILIKE ? ESCAPE '\'`), contains(f.Source))
	}
	return w.cond(), w.args
}

// Where returns cond as a WHERE clause, with a leading space, or "" when
// cond is empty.
func Where(cond string) string {
	if cond == "" {
		return ""
	}
	return " WHERE " + cond
}

// Limit returns the LIMIT clause for f.Limit, with a leading space, or ""
// when there is no limit.
func Limit(f khaldun.Filter) string {
	if f.Limit > 0 {
		return fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return ""
}

// Words splits free search text into words: every character but a letter
// or digit separates them. Each store's SearchText starts from these.
func Words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// where gathers the conditions of one query and their arguments. none
// says that the conditions can match nothing.
type where struct {
	conds []string
	args  []any
	none  bool
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// result returns the conditions joined with AND, their arguments, and
// whether they can match anything.
func (w *where) result() (cond string, args []any, ok bool) {
	if w.none {
		return "", nil, false
	}
	return w.cond(), w.args, true
}

// cond joins the conditions with AND.
func (w *where) cond() string { return strings.Join(w.conds, " AND ") }

// String returns the conditions as a WHERE clause.
func (w *where) String() string { return Where(w.cond()) }

// ilike writes cond, written with PostgreSQL's ILIKE, in d: every ILIKE
// becomes d.ILike.
func (d Dialect) ilike(cond string) string {
	return strings.ReplaceAll(cond, "ILIKE", d.ILike)
}

// datesAndSource adds the From and To bounds of f on the date column col,
// then f.Source on the article's source.
func (d Dialect) datesAndSource(w *where, col string, f khaldun.Filter) {
	if f.From != "" {
		w.add(col+" >= ?"+d.DateBound, f.From)
	}
	if f.To != "" {
		w.add(col+" <= ?"+d.DateBound, f.To+"~")
	}
	if f.Source != "" {
		w.add(d.ilike(`a.source ILIKE ? ESCAPE '\'`), contains(f.Source))
	}
}

// search adds f.Search as the search condition clause, or marks w as
// matching nothing when the search text can match nothing.
func (d Dialect) search(w *where, clause string, f khaldun.Filter) {
	if f.Search == "" {
		return
	}
	q, ok := d.SearchText(f.Search)
	if !ok {
		w.none = true
		return
	}
	w.add(clause, q)
}

// escape escapes s for a LIKE pattern (with ESCAPE '\').
func escape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// contains and prefix are LIKE patterns matching s anywhere and at the
// start.
func contains(s string) string { return "%" + escape(s) + "%" }
func prefix(s string) string   { return escape(s) + "%" }

// DecodeRecord rebuilds a stored record from its JSON column and its text
// column, which is kept apart for full-text search.
func DecodeRecord(text, js string) (khaldun.Record, error) {
	var r khaldun.Record
	if err := json.Unmarshal([]byte(js), &r); err != nil {
		return r, fmt.Errorf("decode stored record: %w", err)
	}
	r.Text = text
	return r, nil
}
