package khaldun

import "context"

// Replacer is a Store that can replace stored records, as re-coding
// needs: Put skips an article it already holds, Replace overwrites it.
type Replacer interface {
	// Replace stores each record in place of the stored article with the
	// same content hash (see ContentHash): its article fields, actors,
	// places, events and quotes are all replaced. A record whose hash is
	// not stored is added as Put adds it. The call is atomic: after an
	// error or a crash every article is as it was before, or as in recs.
	Replace(ctx context.Context, recs []Record) error
}
