package khaldun

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
)

// Store keeps coded records and the problems met while reading them, and
// answers filtered queries over them. Every implementation (sqlite,
// postgres) passes the conformance suite in package storetest.
//
// A record is stored at most once: a record whose content hash (see
// ContentHash) or non-empty URL is already stored is skipped. A failure is
// stored at most once for the same file, line, article id and problem.
// Each Put is atomic: all of its records and failures are stored, or none.
type Store interface {
	// Put stores a batch atomically and returns how many records were
	// new. Records already stored are skipped, not an error.
	Put(ctx context.Context, b Batch) (added int, err error)
	// Known returns which of the content hashes are already stored, so
	// that a resumed ingest need not code those articles again.
	Known(ctx context.Context, hashes []string) (map[string]bool, error)
	// Record returns the stored record of the article with this id (the
	// first stored, when several articles share the id).
	Record(ctx context.Context, id string) (Record, bool, error)
	// Articles returns whole stored records matching f, newest first.
	Articles(ctx context.Context, f Filter) ([]ArticleRow, error)
	// Events returns stored events matching f, newest first.
	Events(ctx context.Context, f Filter) ([]EventRow, error)
	// Quotes returns stored quotations matching f, newest first.
	Quotes(ctx context.Context, f Filter) ([]QuoteRow, error)
	// Actors returns stored actors matching f, grouped by name and code,
	// most often named first.
	Actors(ctx context.Context, f Filter) ([]ActorRow, error)
	// Failures returns stored ingest failures, in the order stored. Only
	// f.Source (a substring of the file name) and f.Limit apply.
	Failures(ctx context.Context, f Filter) ([]Failure, error)
	// Count returns how many articles, events, quotes and failures are
	// stored.
	Count(ctx context.Context) (Counts, error)
	// Close releases the store.
	Close() error
}

// Batch is what one atomic Put stores.
type Batch struct {
	Records  []Record
	Failures []Failure
}

// Failure is one article that could not be read or coded: the input file,
// the line for JSON Lines (0 otherwise), the article id when known, and
// the problem.
type Failure struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	ID      string `json:"id,omitempty"`
	Problem string `json:"problem"`
}

// Counts says how much a store holds.
type Counts struct {
	// Actors counts the actors of every article, not distinct ones.
	Articles, Events, Quotes, Actors, Failures int
}

// Filter selects stored rows. Zero fields select everything; the set
// fields must all hold. Text comparisons ignore case.
type Filter struct {
	// Type is a PLOVER event type. Articles match when one of their
	// events does.
	Type string
	// CAMEO is a CAMEO event code or its prefix: "04" selects 040..046.
	// Articles match when one of their events does.
	CAMEO string
	// Actor is a substring of an actor's name, or an actor code (exactly,
	// or as a prefix such as "IRN" for "IRNGOV"). Events match on their
	// source or target, quotes on their speaker, articles on any actor.
	Actor string
	// Country is an ISO 3166 alpha-3 code. Events match on the country
	// of their source, target or place; quotes on the speaker's country;
	// actors on their own; articles on any actor or place.
	// Actors match Actor and Country on themselves, and the other fields
	// on the articles that name them.
	Country string
	// Place is a substring of a place name. Events match on their place,
	// articles on any place.
	Place string
	// From and To bound the date, inclusive, as ISO text (YYYY-MM-DD, or
	// shorter): an event's date, or its article's publication date when
	// it has none; an article's or quote's publication date. Text
	// comparison: an event dated "2017-09" is before From "2017-09-01".
	From, To string
	// Source is the article's source (news agency or site), matched as a
	// substring. For Failures it is a substring of the file name.
	Source string
	// Search is a full-text query over article title and text (articles)
	// or quote text (quotes): words that must all occur, any case, in any
	// inflection the store's stemmer (English) folds together. Other
	// characters separate words; there is no query syntax.
	Search string
	// Limit caps the number of rows; 0 means no limit.
	Limit int
}

// ArticleRow is one stored article with its whole record.
type ArticleRow struct {
	Record
	// Hash is the article's content hash (see ContentHash).
	Hash string `json:"hash"`
}

// EventRow is one stored event with the article it came from and its
// actors, place and evidence sentence resolved.
type EventRow struct {
	Article   string `json:"article"`             // article id
	Published string `json:"published,omitempty"` // article publication date
	Outlet    string `json:"outlet,omitempty"`    // article source
	Event
	SourceActor *Actor `json:"source_actor,omitempty"`
	TargetActor *Actor `json:"target_actor,omitempty"`
	PlaceEntry  *Place `json:"place_entry,omitempty"`
	Evidence    string `json:"evidence"` // the text of the event's sentence
}

// QuoteRow is one stored quotation with its article and speaker.
type QuoteRow struct {
	Article   string `json:"article"`
	Published string `json:"published,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Quote
	SpeakerActor *Actor `json:"speaker_actor,omitempty"`
}

// ActorRow is one actor as stored across articles: the actors of every
// article that share a name and code, counted together.
type ActorRow struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Country  string `json:"country,omitempty"`
	Sector   string `json:"sector,omitempty"`
	Code     string `json:"code,omitempty"`
	Articles int    `json:"articles"` // articles that name the actor
	Mentions int    `json:"mentions"` // spans that refer to it, over all articles
}

// ContentHash is the key under which a store keeps an article: the
// SHA-256 of its text, in hex. Two articles with the same text are one.
func ContentHash(a Article) string {
	h := sha256.Sum256([]byte(a.Text))
	return hex.EncodeToString(h[:])
}
