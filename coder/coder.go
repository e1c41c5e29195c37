package coder

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/actor"
	"github.com/khaldun/khaldun/date"
	"github.com/khaldun/khaldun/event"
	"github.com/khaldun/khaldun/kb"
	"github.com/khaldun/khaldun/mention"
	"github.com/khaldun/khaldun/quote"
	"github.com/khaldun/khaldun/text"
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
	kb  *kb.KB
	lex *event.Lexicon
}

// New loads the knowledge base and lexicons once.
func New(cfg Config) (*Coder, error) {
	load := kb.Load
	if cfg.KBDir != "" {
		load = func() (*kb.KB, error) { return kb.LoadWithDir(cfg.KBDir) }
	}
	k, err := load()
	if err != nil {
		return nil, fmt.Errorf("load knowledge base: %w", err)
	}
	var lex *event.Lexicon
	if cfg.LexiconDir != "" {
		lex, err = event.LoadLexiconDir(cfg.LexiconDir)
	} else {
		lex, err = event.LoadLexicon()
	}
	if err != nil {
		return nil, fmt.Errorf("load event lexicon: %w", err)
	}
	if cfg.PetrarchDir != "" {
		if k, err = addPetrarch(k, lex, cfg.PetrarchDir); err != nil {
			return nil, err
		}
	}
	return &Coder{kb: k, lex: lex}, nil
}

// KB returns the knowledge base the coder uses.
func (c *Coder) KB() *kb.KB { return c.kb }

// Code turns one article into its record, stage after stage.
func (c *Coder) Code(a khaldun.Article) khaldun.Record {
	doc := text.Annotate(a.Text)
	dateEnd := datelineEnd(a.Text, a.Dateline)
	published, _ := time.Parse("2006-01-02", a.Published)
	dates := date.Find(a.Text, published)
	if a.Published == "" {
		// "ANKARA, March 3, 2025 (Reuters) -": the dateline dates the story
		if p, ok := datelineDate(dates, dateEnd); ok {
			a.Published = p
			published, _ = time.Parse("2006-01-02", p)
			dates = date.Find(a.Text, published)
		}
	}
	mentions := mention.Find(doc, c.kb)
	resolved := actor.Resolve(doc, mentions, c.kb, actor.Options{Published: a.Published, Dateline: a.Dateline, DatelineEnd: dateEnd})
	events := event.Find(event.Input{Doc: doc, Actors: resolved, Dates: dates, Published: a.Published}, c.lex)
	quotes := quote.Find(a.Text, doc.SentenceSpans(), quoteRefs(resolved.Refs))

	rec := khaldun.Record{Article: a, Actors: resolved.Actors, Places: resolved.Places,
		Events: events, Quotes: quotes, Dates: dates}
	arrestAgent(&rec, c.kb)
	actorCountries(&rec)
	prune(&rec)
	link(&rec)
	for i := range rec.Actors {
		if rec.Actors[i].Mentions == nil {
			rec.Actors[i].Mentions = []khaldun.Span{}
		}
		sortSpans(rec.Actors[i].Mentions)
	}
	if rec.Actors == nil {
		rec.Actors = []khaldun.Actor{}
	}
	if rec.Places == nil {
		rec.Places = []khaldun.Place{}
	}
	if rec.Events == nil {
		rec.Events = []khaldun.Event{}
	}
	if rec.Quotes == nil {
		rec.Quotes = []khaldun.Quote{}
	}
	if rec.Dates == nil {
		rec.Dates = []khaldun.Date{}
	}
	return rec
}

func quoteRefs(refs []actor.Ref) []quote.Ref {
	out := make([]quote.Ref, 0, len(refs))
	for _, r := range refs {
		if r.Actor == "" {
			continue
		}
		out = append(out, quote.Ref{Span: r.Span, Actor: r.Actor, Person: r.Person || r.Kind != mention.Place && r.Kind != mention.Nationality})
	}
	return out
}

func sortSpans(s []khaldun.Span) {
	sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
}

// datelineEnd returns the byte offset just past the dateline at the head
// of text ("TEHRAN – ", "KABUL, Afghanistan — ", "LONDON, Sept 5 (Reuters) - "),
// or 0 when the text does not open with one.
func datelineEnd(text, dateline string) int {
	if dateline == "" {
		return 0
	}
	head := strings.TrimLeft(text, " \t\n")
	if strings.HasPrefix(head, "By ") {
		// a byline paragraph before the dateline
		if i := strings.Index(head, "\n"); i > 0 && i < 120 {
			head = strings.TrimLeft(head[i:], " \t\n")
		}
	}
	off := len(text) - len(head)
	if !strings.HasPrefix(strings.ToUpper(head), strings.ToUpper(dateline)) {
		return 0
	}
	limit := len(head)
	if limit > 160 {
		limit = 160
	}
	for _, sep := range []string{" - ", " – ", " — ", " -- ", ": "} {
		if i := strings.Index(head[:limit], sep); i >= len(dateline) {
			return off + i + len(sep)
		}
	}
	return off + len(dateline)
}

// datelineDate returns the full date written in the dateline, if any.
func datelineDate(dates []khaldun.Date, end int) (string, bool) {
	for _, d := range dates {
		if d.Start >= end+40 {
			break
		}
		if len(d.Value) == 10 && d.Value[4] == '-' && d.Value[0] != 'X' {
			return d.Value, true
		}
	}
	return "", false
}

// prune drops the actors that nothing in the record names: countries made
// ready for capitals that never acted as their governments. The others
// are numbered again, in order, and the references follow.
func prune(rec *khaldun.Record) {
	used := map[string]bool{}
	for _, e := range rec.Events {
		used[e.Source], used[e.Target] = true, true
	}
	for _, q := range rec.Quotes {
		used[q.Speaker] = true
	}
	ids := map[string]string{}
	kept := rec.Actors[:0]
	for _, a := range rec.Actors {
		if len(a.Mentions) == 0 && !used[a.ID] {
			continue
		}
		id := "a" + strconv.Itoa(len(kept)+1)
		ids[a.ID] = id
		a.ID = id
		kept = append(kept, a)
	}
	rec.Actors = kept
	for i := range rec.Events {
		e := &rec.Events[i]
		e.Source, e.Target = ids[e.Source], ids[e.Target]
	}
	for i := range rec.Quotes {
		rec.Quotes[i].Speaker = ids[rec.Quotes[i].Speaker]
	}
}

// link lists, for each quotation, the events reported inside it ("He also
// said Iran will help the Syrian people ..."), so that a claim can be read
// with the words of its speaker.
func link(rec *khaldun.Record) {
	for i := range rec.Quotes {
		q := &rec.Quotes[i]
		span := khaldun.Span{Start: q.Start, End: q.End}
		for _, e := range rec.Events {
			if span.Contains(e.Trigger) {
				q.Events = append(q.Events, e.ID)
			}
		}
	}
}

// arrestAgent gives an arrest whose agent the text leaves out ("over 2,500
// have been arrested") the police of the country where it happened, the
// agent English news means by the passive; the actor says so in its
// evidence, and the event's confidence is low.
func arrestAgent(rec *khaldun.Record, k *kb.KB) {
	for i := range rec.Events {
		e := &rec.Events[i]
		if e.Source != "" || !strings.HasPrefix(e.CAMEO, "173") {
			continue
		}
		cc := ""
		for _, p := range rec.Places {
			if p.ID == e.Place {
				cc = p.Country
			}
		}
		id := ""
		for _, a := range rec.Actors {
			if a.Sector == "COP" && (a.Country == cc || cc == "") && a.Kind != khaldun.KindPerson {
				id = a.ID
				break
			}
		}
		if id == "" {
			id = "a" + strconv.Itoa(len(rec.Actors)+1)
			name := "police"
			if c, ok := k.Country(cc); ok {
				name = c.Adjective() + " police"
			}
			rec.Actors = append(rec.Actors, khaldun.Actor{ID: id, Name: name, Kind: khaldun.KindOrganization,
				Country: cc, Sector: "COP", Code: cc + "COP", Roles: []string{"police"}, Mentions: []khaldun.Span{},
				Evidence: "the agent of an arrest the text leaves unnamed"})
		}
		e.Source = id
		e.Confidence = min(e.Confidence, 0.4)
	}
}

// actorCountries gives a body or person the text names without a country
// ("police", "the government") the country where all its events happen.
// Groups the knowledge base lists without a country (transnational ones
// such as Islamic State) keep none.
func actorCountries(rec *khaldun.Record) {
	placeCC := map[string]string{}
	for _, p := range rec.Places {
		placeCC[p.ID] = p.Country
	}
	seen := map[string]map[string]bool{}
	for _, e := range rec.Events {
		cc := placeCC[e.Place]
		if cc == "" {
			continue
		}
		for _, id := range []string{e.Source, e.Target} {
			if id == "" {
				continue
			}
			if seen[id] == nil {
				seen[id] = map[string]bool{}
			}
			seen[id][cc] = true
		}
	}
	for i := range rec.Actors {
		a := &rec.Actors[i]
		if a.Country != "" || a.Sector == "" || a.Kind == khaldun.KindCountry || a.Evidence == "kb" || len(seen[a.ID]) != 1 {
			continue
		}
		for cc := range seen[a.ID] {
			a.Country, a.Code = cc, cc+a.Sector
			a.Evidence = "acts only in " + cc
		}
	}
}
