package coder

import (
	"github.com/khaldun/khaldun"
)

// Config says which data the coder loads on top of what is embedded.
type Config struct {
	// KBDir is a directory of user knowledge-base files layered over the
	// embedded ones; empty for none.
	KBDir string
	// LexiconDir is a directory of user event-lexicon files layered over
	// the embedded ones; empty for none.
	LexiconDir string
	// PetrarchDir is a directory holding PETRARCH-format dictionaries
	// (actors, agents, verbs, discards) to code with; empty for none.
	PetrarchDir string
}

// Coder codes articles. It is safe for concurrent use once built.
type Coder struct {
	cfg Config
}

// New loads the knowledge base and lexicons once.
func New(cfg Config) (*Coder, error) {
	return &Coder{cfg: cfg}, nil
}

// Code turns one article into its record.
func (c *Coder) Code(a khaldun.Article) khaldun.Record {
	return khaldun.Record{Article: a, Actors: []khaldun.Actor{}, Places: []khaldun.Place{},
		Events: []khaldun.Event{}, Quotes: []khaldun.Quote{}, Dates: []khaldun.Date{}}
}
