package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/storesql"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a khaldun.Store in one SQLite file. It is safe for concurrent
// use, and several processes may open the same file: writes wait for one
// another (up to the busy timeout) rather than fail.
type Store struct {
	w *sql.DB // one connection: writes are serialised
	r *sql.DB // readers, in parallel under WAL
}

var _ khaldun.Store = (*Store)(nil)

// Open opens (creating if need be) the database file at path and brings
// its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(30000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	w, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	s := &Store{w: w}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", dsn)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s.r = r
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	return errors.Join(s.w.Close(), s.r.Close())
}

// Version returns the number of the last migration applied.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.w.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return v, nil
}

// migrate applies, in order and each in its own transaction, the embedded
// migrations not yet recorded in schema_migrations.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrations table: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	type mig struct {
		version int
		name    string
	}
	var ms []mig
	for _, n := range names {
		base := path.Base(n)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return fmt.Errorf("migration %s: name must start with a number and _", base)
		}
		ms = append(ms, mig{v, base})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for _, m := range ms {
		if err := s.apply(ctx, m.version, m.name); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) apply(ctx context.Context, version int, name string) error {
	body, err := migrations.ReadFile("migrations/" + name)
	if err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	defer tx.Rollback()
	var done int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&done); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	if done > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, name) VALUES(?, ?)`, version, name); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	return nil
}

// Put stores the batch in one transaction.
func (s *Store) Put(ctx context.Context, b khaldun.Batch) (int, error) {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("put: %w", err)
	}
	defer tx.Rollback()
	added := 0
	for i := range b.Records {
		ok, err := putRecord(ctx, tx, &b.Records[i])
		if err != nil {
			return 0, fmt.Errorf("put article %q: %w", b.Records[i].ID, err)
		}
		if ok {
			added++
		}
	}
	for _, f := range b.Failures {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO failures(file, line, aid, problem) VALUES(?, ?, ?, ?)`,
			f.File, f.Line, f.ID, f.Problem); err != nil {
			return 0, fmt.Errorf("put failure in %s: %w", f.File, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("put: commit: %w", err)
	}
	return added, nil
}

// putRecord inserts one record unless its hash or URL is stored already.
func putRecord(ctx context.Context, tx *sql.Tx, r *khaldun.Record) (bool, error) {
	js, err := storesql.RecordJSON(r)
	if err != nil {
		return false, err
	}
	res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO articles(id, hash, url, source, published, title, text, record)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, khaldun.ContentHash(r.Article), storesql.NullIfEmpty(r.URL), r.Source,
		r.Published, r.Title, r.Text, js)
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	pk, err := res.LastInsertId()
	if err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, text) VALUES(?, ?, ?)`, pk, r.Title, r.Text); err != nil {
		return false, err
	}
	if err := putParts(ctx, tx, pk, r); err != nil {
		return false, err
	}
	return true, nil
}

// putParts inserts the actors, places, events and quotes of r, with the
// full-text entries of its quotes, under the article key pk: for a new
// article (putRecord) and for one whose parts were deleted (Replace).
func putParts(ctx context.Context, tx *sql.Tx, pk int64, r *khaldun.Record) error {
	p, err := storesql.PartsOf(r)
	if err != nil {
		return err
	}
	for _, a := range p.Actors {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO actors(article, aid, name, kind, country, sector, code, mentions)
			VALUES(?, ?, ?, ?, ?, ?, ?, ?)`, pk, a.ID, a.Name, a.Kind, a.Country, a.Sector, a.Code, len(a.Mentions)); err != nil {
			return err
		}
	}
	for _, pl := range p.Places {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO places(article, pid, name, country) VALUES(?, ?, ?, ?)`,
			pk, pl.ID, pl.Name, pl.Country); err != nil {
			return err
		}
	}
	for i, e := range p.Events {
		if _, err := tx.ExecContext(ctx, `INSERT INTO events(article, seq, type, cameo, day, src_name, src_code, src_country,
			tgt_name, tgt_code, tgt_country, place_name, place_country, row) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			pk, i, e.Type, e.CAMEO, e.Day, e.Source.Name, e.Source.Code, e.Source.Country, e.Target.Name, e.Target.Code,
			e.Target.Country, e.Place.Name, e.Place.Country, e.Row); err != nil {
			return err
		}
	}
	for i, q := range p.Quotes {
		res, err := tx.ExecContext(ctx, `INSERT INTO quotes(article, seq, speaker_name, speaker_code, speaker_country, text, row)
			VALUES(?, ?, ?, ?, ?, ?, ?)`, pk, i, q.Speaker.Name, q.Speaker.Code, q.Speaker.Country, q.Text, q.Row)
		if err != nil {
			return err
		}
		qk, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes_fts(rowid, text) VALUES(?, ?)`, qk, q.Text); err != nil {
			return err
		}
	}
	return nil
}

// Known returns which hashes are stored.
func (s *Store) Known(ctx context.Context, hashes []string) (map[string]bool, error) {
	out := map[string]bool{}
	for len(hashes) > 0 {
		n := min(len(hashes), 500)
		chunk := hashes[:n]
		hashes = hashes[n:]
		args := make([]any, len(chunk))
		for i, h := range chunk {
			args[i] = h
		}
		rows, err := s.r.QueryContext(ctx, `SELECT hash FROM articles WHERE hash IN (?`+strings.Repeat(", ?", n-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("known hashes: %w", err)
		}
		for rows.Next() {
			var h string
			if err := rows.Scan(&h); err != nil {
				rows.Close()
				return nil, fmt.Errorf("known hashes: %w", err)
			}
			out[h] = true
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("known hashes: %w", err)
		}
	}
	return out, nil
}

// Record returns the first stored record with the article id.
func (s *Store) Record(ctx context.Context, id string) (khaldun.Record, bool, error) {
	var text, js string
	err := s.r.QueryRowContext(ctx, `SELECT text, record FROM articles WHERE id = ? ORDER BY pk LIMIT 1`, id).Scan(&text, &js)
	if errors.Is(err, sql.ErrNoRows) {
		return khaldun.Record{}, false, nil
	}
	if err != nil {
		return khaldun.Record{}, false, fmt.Errorf("record %q: %w", id, err)
	}
	r, err := storesql.DecodeRecord(text, js)
	if err != nil {
		return khaldun.Record{}, false, fmt.Errorf("record %q: %w", id, err)
	}
	return r, true, nil
}

// Count returns how much the store holds.
func (s *Store) Count(ctx context.Context) (khaldun.Counts, error) {
	var c khaldun.Counts
	err := s.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
		(SELECT count(*) FROM quotes), (SELECT count(*) FROM actors), (SELECT count(*) FROM failures)`).
		Scan(&c.Articles, &c.Events, &c.Quotes, &c.Actors, &c.Failures)
	if err != nil {
		return c, fmt.Errorf("count: %w", err)
	}
	return c, nil
}
