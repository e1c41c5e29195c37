package quote

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
)

// Class is the grammatical role of a cue.
type Class uint8

// Cue classes.
const (
	ClassVerb Class = iota + 1 // a speech verb: said, told, stressed
	ClassPrep                  // a preposition whose object is the speaker: according to
	ClassNoun                  // a phrase that marks speech: in a statement
)

// That says how a verb cue takes its reported content.
type That uint8

// That values.
const (
	ThatOptional That = iota + 1 // said (that) ...
	ThatRequired                 // warned that ...; without "that" only quoted words
	ThatNo                       // asked: "..."; only quoted words
)

// Cue is one lexicon entry: a form of a cue word as it appears in text.
type Cue struct {
	Form      string // lower case, words separated by one space
	Lemma     string
	Class     Class
	That      That
	NP        bool // a noun-phrase object is the reported content
	Addressee bool // an addressee may come between the verb and the content
	Event     bool // also an event verb for the event stage
}

// Lexicon maps cue forms to entries. The zero value is empty and usable.
type Lexicon struct {
	// byFirst holds, for each first word, the entries starting with it,
	// longest first.
	byFirst map[string][]*Cue
	n       int
}

// Len returns the number of forms in the lexicon.
func (l *Lexicon) Len() int { return l.n }

// Lookup returns the entry for a form, or nil.
func (l *Lexicon) Lookup(form string) *Cue {
	first, _, _ := strings.Cut(form, " ")
	for _, c := range l.byFirst[first] {
		if c.Form == form {
			return c
		}
	}
	return nil
}

// add inserts or replaces an entry.
func (l *Lexicon) add(c *Cue) {
	if l.byFirst == nil {
		l.byFirst = make(map[string][]*Cue)
	}
	first, _, _ := strings.Cut(c.Form, " ")
	list := l.byFirst[first]
	for i, old := range list {
		if old.Form == c.Form {
			list[i] = c
			return
		}
	}
	nw := len(strings.Fields(c.Form))
	i := 0
	for i < len(list) && len(strings.Fields(list[i].Form)) >= nw {
		i++
	}
	list = append(list, nil)
	copy(list[i+1:], list[i:])
	list[i] = c
	l.byFirst[first] = list
	l.n++
}

// Add merges the entries of o into l; entries of o replace those with the
// same form.
func (l *Lexicon) Add(o *Lexicon) {
	if o == nil {
		return
	}
	for _, list := range o.byFirst {
		for _, c := range list {
			cp := *c
			l.add(&cp)
		}
	}
}

// ParseLexicon reads a cue file in the format of data/cues.tsv: one form a
// line with the tab-separated columns form, lemma, class, that, np,
// addressee, event. name is used in error messages.
func ParseLexicon(name string, r io.Reader) (*Lexicon, error) {
	l := &Lexicon{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("%s:%d: want 7 tab-separated columns, got %d", name, line, len(f))
		}
		form := strings.Join(strings.Fields(strings.ToLower(f[0])), " ")
		if form == "" {
			return nil, fmt.Errorf("%s:%d: empty form", name, line)
		}
		c := &Cue{Form: form, Lemma: strings.TrimSpace(f[1])}
		switch f[2] {
		case "verb":
			c.Class = ClassVerb
		case "prep":
			c.Class = ClassPrep
		case "noun":
			c.Class = ClassNoun
		default:
			return nil, fmt.Errorf("%s:%d: class %q: want verb, prep or noun", name, line, f[2])
		}
		switch f[3] {
		case "opt":
			c.That = ThatOptional
		case "req":
			c.That = ThatRequired
		case "no":
			c.That = ThatNo
		default:
			return nil, fmt.Errorf("%s:%d: that %q: want opt, req or no", name, line, f[3])
		}
		var err error
		if c.NP, err = yesNo(f[4]); err != nil {
			return nil, fmt.Errorf("%s:%d: np: %w", name, line, err)
		}
		if c.Addressee, err = yesNo(f[5]); err != nil {
			return nil, fmt.Errorf("%s:%d: addressee: %w", name, line, err)
		}
		if c.Event, err = yesNo(f[6]); err != nil {
			return nil, fmt.Errorf("%s:%d: event: %w", name, line, err)
		}
		l.add(c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	return l, nil
}

func yesNo(s string) (bool, error) {
	switch s {
	case "y":
		return true, nil
	case "n":
		return false, nil
	}
	return false, fmt.Errorf("%q: want y or n", s)
}

//go:embed data/cues.tsv
var cuesTSV string

var defaultLex = sync.OnceValues(func() (*Lexicon, error) {
	return ParseLexicon("data/cues.tsv", strings.NewReader(cuesTSV))
})

// DefaultLexicon returns the embedded cue lexicon, parsed once. Callers must
// not modify it; copy it with Add into a new Lexicon to extend it.
func DefaultLexicon() (*Lexicon, error) { return defaultLex() }
