package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

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
	text := r.Text
	r.Text = ""
	js, err := json.Marshal(r)
	r.Text = text
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET id = ?, url = ?, source = ?, published = ?, title = ?, record = ?
		WHERE pk = ?`, r.ID, nullIfEmpty(r.URL), r.Source, r.Published, r.Title, js, pk); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, text) VALUES(?, ?, ?)`, pk, r.Title, text); err != nil {
		return err
	}
	return putParts(ctx, tx, pk, r)
}

// putParts inserts the actors, places, events and quotes of r under the
// article key pk, as putRecord does for a new article.
func putParts(ctx context.Context, tx *sql.Tx, pk int64, r *khaldun.Record) error {
	actors := map[string]*khaldun.Actor{}
	for i := range r.Actors {
		a := &r.Actors[i]
		actors[a.ID] = a
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO actors(article, aid, name, kind, country, sector, code, mentions)
			VALUES(?, ?, ?, ?, ?, ?, ?, ?)`, pk, a.ID, a.Name, a.Kind, a.Country, a.Sector, a.Code, len(a.Mentions)); err != nil {
			return err
		}
	}
	places := map[string]*khaldun.Place{}
	for i := range r.Places {
		p := &r.Places[i]
		places[p.ID] = p
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO places(article, pid, name, country) VALUES(?, ?, ?, ?)`,
			pk, p.ID, p.Name, p.Country); err != nil {
			return err
		}
	}
	for i, e := range r.Events {
		row := khaldun.EventRow{Event: e, SourceActor: actors[e.Source], TargetActor: actors[e.Target],
			PlaceEntry: places[e.Place], Evidence: e.Sentence.In(r.Text)}
		js, err := json.Marshal(row)
		if err != nil {
			return err
		}
		day := e.Date
		if day == "" {
			day = r.Published
		}
		src, tgt, pl := actorOr(row.SourceActor), actorOr(row.TargetActor), placeOr(row.PlaceEntry)
		if _, err := tx.ExecContext(ctx, `INSERT INTO events(article, seq, type, cameo, day, src_name, src_code, src_country,
			tgt_name, tgt_code, tgt_country, place_name, place_country, row) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			pk, i, e.Type, e.CAMEO, day, src.Name, src.Code, src.Country, tgt.Name, tgt.Code, tgt.Country,
			pl.Name, pl.Country, js); err != nil {
			return err
		}
	}
	for i, q := range r.Quotes {
		row := khaldun.QuoteRow{Quote: q, SpeakerActor: actors[q.Speaker]}
		js, err := json.Marshal(row)
		if err != nil {
			return err
		}
		sp := actorOr(row.SpeakerActor)
		res, err := tx.ExecContext(ctx, `INSERT INTO quotes(article, seq, speaker_name, speaker_code, speaker_country, text, row)
			VALUES(?, ?, ?, ?, ?, ?, ?)`, pk, i, sp.Name, sp.Code, sp.Country, q.Text, js)
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
