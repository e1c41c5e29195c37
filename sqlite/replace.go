package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"github.com/khaldun/khaldun/storesql"

	"github.com/khaldun/khaldun"
)

var _ khaldun.Replacer = (*Store)(nil)

// Replace stores each record in place of the stored article with the same
// content hash: its article fields, actors, places, events and quotes are
// all replaced, and it keeps its key (its place in the order of storage).
// A record whose hash is not stored is added as Put adds it. The whole
// call is one transaction.
func (s *Store) Replace(ctx context.Context, recs []khaldun.Record) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("replace: %w", err)
	}
	defer tx.Rollback()
	for i := range recs {
		if err := replaceRecord(ctx, tx, &recs[i]); err != nil {
			return fmt.Errorf("replace article %q: %w", recs[i].ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("replace: commit: %w", err)
	}
	return nil
}

func replaceRecord(ctx context.Context, tx *sql.Tx, r *khaldun.Record) error {
	var pk int64
	err := tx.QueryRowContext(ctx, `SELECT pk FROM articles WHERE hash = ?`, khaldun.ContentHash(r.Article)).Scan(&pk)
	if errors.Is(err, sql.ErrNoRows) {
		_, err := putRecord(ctx, tx, r)
		return err
	}
	if err != nil {
		return err
	}
	// The full-text tables hold no copy of the text: an entry is removed
	// by giving back the values it was made from.
	steps := []string{
		`INSERT INTO quotes_fts(quotes_fts, rowid, text) SELECT 'delete', qk, text FROM quotes WHERE article = ?`,
		`INSERT INTO articles_fts(articles_fts, rowid, title, text) SELECT 'delete', pk, title, text FROM articles WHERE pk = ?`,
		`DELETE FROM quotes WHERE article = ?`,
		`DELETE FROM events WHERE article = ?`,
		`DELETE FROM actors WHERE article = ?`,
		`DELETE FROM places WHERE article = ?`,
	}
	for _, q := range steps {
		if _, err := tx.ExecContext(ctx, q, pk); err != nil {
			return err
		}
	}
	js, err := storesql.RecordJSON(r)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET id = ?, url = ?, source = ?, published = ?, title = ?, record = ?
		WHERE pk = ?`, r.ID, storesql.NullIfEmpty(r.URL), r.Source, r.Published, r.Title, js, pk); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, text) VALUES(?, ?, ?)`, pk, r.Title, r.Text); err != nil {
		return err
	}
	return putParts(ctx, tx, pk, r)
}
