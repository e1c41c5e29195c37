package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/storesql"
)

//go:embed migrations/*.sql
var migrations embed.FS

// migrationLock is the advisory lock key held while migrations run, so
// that two processes opening a new database do not both create it.
const migrationLock = 0x6b68616c64756e // "khaldun"

// retries is how many times a write is tried again after a deadlock or a
// serialisation failure (two writers storing the same articles at once).
const retries = 5

// Store is a khaldun.Store in a PostgreSQL database. It is safe for
// concurrent use, and several processes may write to the same database.
type Store struct {
	pool *pgxpool.Pool
}

var (
	_ khaldun.Store    = (*Store)(nil)
	_ khaldun.Replacer = (*Store)(nil)
)

// Open connects to the database named by dsn (a postgres:// URL or a
// key=value connection string, as libpq takes them) and brings its schema
// up to date. A search_path parameter in dsn picks the schema.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres %s: %w", cfg.ConnConfig.Host, err)
	}
	s := &Store{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres %s/%s: %w", cfg.ConnConfig.Host, cfg.ConnConfig.Database, err)
	}
	return s, nil
}

// Close closes every connection of the store.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// Version returns the number of the last migration applied.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	if err := s.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return v, nil
}

type migration struct {
	version int
	name    string
}

// pending lists the embedded migrations in order.
func pending() ([]migration, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	var ms []migration
	for _, n := range names {
		base := path.Base(n)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and _", base)
		}
		ms = append(ms, migration{v, base})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// migrate applies, in order and each in its own transaction, the embedded
// migrations not yet recorded in schema_migrations. One connection holds
// an advisory lock meanwhile.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := pending()
	if err != nil {
		return err
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, int64(migrationLock)); err != nil {
		return fmt.Errorf("migration lock: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, int64(migrationLock))
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("migrations table: %w", err)
	}
	for _, m := range ms {
		if err := apply(ctx, conn.Conn(), m); err != nil {
			return err
		}
	}
	return nil
}

func apply(ctx context.Context, conn *pgx.Conn, m migration) error {
	body, err := migrations.ReadFile("migrations/" + m.name)
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	var done bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)`, m.version).Scan(&done); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if done {
		return nil
	}
	// Exec without arguments sends the simple protocol: several statements.
	if _, err := tx.Exec(ctx, string(body)); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations(version, name) VALUES($1, $2)`, m.version, m.name); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	return nil
}

// inTx runs fn in a transaction and commits it, trying again from the
// start when PostgreSQL reports a deadlock or a serialisation failure.
func (s *Store) inTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	var err error
	for try := 0; try <= retries; try++ {
		err = pgx.BeginFunc(ctx, s.pool, fn)
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || (pe.Code != "40P01" && pe.Code != "40001") {
			return err
		}
	}
	return err
}

// Put stores the batch in one transaction.
func (s *Store) Put(ctx context.Context, b khaldun.Batch) (int, error) {
	added := 0
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		pks, err := insertArticles(ctx, tx, b.Records)
		if err != nil {
			return err
		}
		var parts pgx.Batch
		added = 0
		for i, pk := range pks {
			if pk != 0 {
				added++
				if err := queueParts(&parts, pk, &b.Records[i]); err != nil {
					return fmt.Errorf("article %q: %w", b.Records[i].ID, err)
				}
			}
		}
		for _, f := range b.Failures {
			parts.Queue(`INSERT INTO failures(file, line, aid, problem) VALUES($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
				f.File, f.Line, f.ID, f.Problem)
		}
		return sendAll(ctx, tx, &parts)
	})
	if err != nil {
		return 0, fmt.Errorf("put: %w", err)
	}
	return added, nil
}

// sendAll sends the queued statements in one round trip and returns the
// first error.
func sendAll(ctx context.Context, tx pgx.Tx, b *pgx.Batch) error {
	if b.Len() == 0 {
		return nil
	}
	return tx.SendBatch(ctx, b).Close()
}

// insertArticles inserts the article rows of recs, skipping those whose
// hash or URL is stored already (or met earlier in recs), and returns the
// key of each new row, 0 for a skipped one.
func insertArticles(ctx context.Context, tx pgx.Tx, recs []khaldun.Record) ([]int64, error) {
	pks := make([]int64, len(recs))
	if len(recs) == 0 {
		return pks, nil
	}
	var b pgx.Batch
	for i := range recs {
		r := &recs[i]
		js, err := storesql.RecordJSON(r)
		if err != nil {
			return nil, err
		}
		b.Queue(`INSERT INTO articles(id, hash, url, source, published, title, text, record)
			VALUES($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING pk`,
			r.ID, khaldun.ContentHash(r.Article), storesql.NullIfEmpty(r.URL), r.Source, r.Published, r.Title, r.Text, js)
	}
	br := tx.SendBatch(ctx, &b)
	for i := range recs {
		err := br.QueryRow().Scan(&pks[i])
		if errors.Is(err, pgx.ErrNoRows) {
			continue
		}
		if err != nil {
			br.Close()
			return nil, fmt.Errorf("article %q: %w", recs[i].ID, err)
		}
	}
	if err := br.Close(); err != nil {
		return nil, err
	}
	return pks, nil
}

// queueParts queues the inserts of the actors, places, events and quotes
// of r, stored under the article key pk.
func queueParts(b *pgx.Batch, pk int64, r *khaldun.Record) error {
	p, err := storesql.PartsOf(r)
	if err != nil {
		return err
	}
	for _, a := range p.Actors {
		b.Queue(`INSERT INTO actors(article, aid, name, kind, country, sector, code, mentions)
			VALUES($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
			pk, a.ID, a.Name, a.Kind, a.Country, a.Sector, a.Code, len(a.Mentions))
	}
	for _, pl := range p.Places {
		b.Queue(`INSERT INTO places(article, pid, name, country) VALUES($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
			pk, pl.ID, pl.Name, pl.Country)
	}
	for i, e := range p.Events {
		b.Queue(`INSERT INTO events(article, seq, type, cameo, day, src_name, src_code, src_country,
			tgt_name, tgt_code, tgt_country, place_name, place_country, row)
			VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
			pk, i, e.Type, e.CAMEO, e.Day, e.Source.Name, e.Source.Code, e.Source.Country, e.Target.Name, e.Target.Code,
			e.Target.Country, e.Place.Name, e.Place.Country, e.Row)
	}
	for i, q := range p.Quotes {
		b.Queue(`INSERT INTO quotes(article, seq, speaker_name, speaker_code, speaker_country, text, row)
			VALUES($1, $2, $3, $4, $5, $6, $7)`, pk, i, q.Speaker.Name, q.Speaker.Code, q.Speaker.Country, q.Text, q.Row)
	}
	return nil
}

// Replace stores each record in place of the stored article with the same
// content hash: its article fields, actors, places, events and quotes are
// all replaced, and it keeps its place in the order of storage. A record
// whose hash is not stored is added as Put adds it. The whole call is one
// transaction.
func (s *Store) Replace(ctx context.Context, recs []khaldun.Record) error {
	if len(recs) == 0 {
		return nil
	}
	hashes := make([]string, len(recs))
	for i := range recs {
		hashes[i] = khaldun.ContentHash(recs[i].Article)
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		stored := map[string]int64{}
		rows, err := tx.Query(ctx, `SELECT hash, pk FROM articles WHERE hash = ANY($1)`, hashes)
		if err != nil {
			return err
		}
		for rows.Next() {
			var h string
			var pk int64
			if err := rows.Scan(&h, &pk); err != nil {
				rows.Close()
				return err
			}
			stored[h] = pk
		}
		if err := rows.Err(); err != nil {
			return err
		}
		var fresh []khaldun.Record
		var b pgx.Batch
		for i := range recs {
			r := &recs[i]
			pk, ok := stored[hashes[i]]
			if !ok {
				fresh = append(fresh, *r)
				continue
			}
			js, err := storesql.RecordJSON(r)
			if err != nil {
				return err
			}
			for _, table := range []string{"events", "quotes", "actors", "places"} {
				b.Queue(`DELETE FROM `+table+` WHERE article = $1`, pk)
			}
			b.Queue(`UPDATE articles SET id = $2, url = $3, source = $4, published = $5, title = $6, record = $7
				WHERE pk = $1`, pk, r.ID, storesql.NullIfEmpty(r.URL), r.Source, r.Published, r.Title, js)
			if err := queueParts(&b, pk, r); err != nil {
				return fmt.Errorf("article %q: %w", r.ID, err)
			}
		}
		if err := sendAll(ctx, tx, &b); err != nil {
			return err
		}
		if len(fresh) == 0 {
			return nil
		}
		pks, err := insertArticles(ctx, tx, fresh)
		if err != nil {
			return err
		}
		var parts pgx.Batch
		for i, pk := range pks {
			if pk != 0 {
				if err := queueParts(&parts, pk, &fresh[i]); err != nil {
					return fmt.Errorf("article %q: %w", fresh[i].ID, err)
				}
			}
		}
		return sendAll(ctx, tx, &parts)
	})
	if err != nil {
		return fmt.Errorf("replace: %w", err)
	}
	return nil
}

// Known returns which hashes are stored.
func (s *Store) Known(ctx context.Context, hashes []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(hashes) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT hash FROM articles WHERE hash = ANY($1)`, hashes)
	if err != nil {
		return nil, fmt.Errorf("known hashes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, fmt.Errorf("known hashes: %w", err)
		}
		out[h] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("known hashes: %w", err)
	}
	return out, nil
}

// Record returns the first stored record with the article id.
func (s *Store) Record(ctx context.Context, id string) (khaldun.Record, bool, error) {
	var text, js string
	err := s.pool.QueryRow(ctx, `SELECT text, record FROM articles WHERE id = $1 ORDER BY pk LIMIT 1`, id).Scan(&text, &js)
	if errors.Is(err, pgx.ErrNoRows) {
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
	err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
		(SELECT count(*) FROM quotes), (SELECT count(*) FROM actors), (SELECT count(*) FROM failures)`).
		Scan(&c.Articles, &c.Events, &c.Quotes, &c.Actors, &c.Failures)
	if err != nil {
		return c, fmt.Errorf("count: %w", err)
	}
	return c, nil
}
