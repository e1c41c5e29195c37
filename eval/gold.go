package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
)

// Task names the kind of gold a set holds, and so the scorer it gets.
type Task string

// Tasks, one per scorer.
const (
	TaskEntities Task = "entities"      // typed name spans (CoNLL-2003)
	TaskCAMEO    Task = "events-cameo"  // complete CAMEO codings (PETRARCH test suites)
	TaskPLOVER   Task = "events-plover" // one PLOVER event per record (PLOVER GSR)
	TaskCASE     Task = "events-case"   // one event label per record (CASE 2021 task 2)
	TaskPolice   Task = "events-police" // police-action labels per sentence (IndiaPoliceEvents)
	TaskQuotes   Task = "quotes"        // attributions: content, speaker, cue (PolNeAR)
	TaskToponyms Task = "toponyms"      // place mentions with coordinates
	TaskTimex    Task = "timex"         // TIMEX3 expressions (TempEval-3)
)

// Item is one gold record: the article to code and what it should yield.
// Every span in Gold is a byte span into Article.Text.
type Item struct {
	Set  string
	Task Task
	File string // gold file the record came from
	Line int    // its line number there
	// PetrarchDir is the PETRARCH dictionary directory the record must be
	// coded with; empty for the coder's own lexicons.
	PetrarchDir string
	Article     khaldun.Article
	Gold        Gold
}

// Gold is what annotators marked in one record; only the fields of the
// record's task are set.
type Gold struct {
	Skip string // why the record is not scored; empty when it is

	Entities  []Entity       // TaskEntities
	Sentences []khaldun.Span // TaskEntities, TaskPolice: the annotated sentences

	Expect         string      // events tasks: events, no_events, error, labels
	Events         []GoldEvent // TaskCAMEO, TaskPLOVER
	Labels         []string    // TaskCASE: the record's labels
	SentenceLabels [][]string  // TaskPolice: labels of each of Sentences

	Quotes   []GoldQuote // TaskQuotes
	Toponyms []Toponym   // TaskToponyms
	Timexes  []Timex     // TaskTimex
}

// Entity is one typed name: PER, LOC, ORG or MISC.
type Entity struct {
	Span khaldun.Span
	Type string
}

// GoldEvent is one expected event.
type GoldEvent struct {
	CAMEO   string // CAMEO code, "" when not given
	PLOVER  string // PLOVER type, "" when not given
	Source  []GoldActor
	Target  []GoldActor
	Mode    string
	Trigger []khaldun.Span
}

// GoldActor is one expected actor: its code and, when given, its span.
type GoldActor struct {
	Code   string
	Sector string
	Span   *khaldun.Span // nil when the gold gives no offsets
}

// GoldQuote is one attribution. Content may be split in fragments.
type GoldQuote struct {
	Content []khaldun.Span
	Speaker []khaldun.Span // empty when the source is not named
	Cue     []khaldun.Span // empty when no cue was marked
	Kind    string         // direct, mixed or indirect
}

// Toponym is one place mention; HasCoord says whether Lat and Lon are gold.
type Toponym struct {
	Span     khaldun.Span
	Type     string // GeoWebNews type; "" elsewhere
	HasCoord bool
	Lat, Lon float64
}

// Timex is one TIMEX3 expression.
type Timex struct {
	Span  khaldun.Span
	Type  string // DATE, TIME, DURATION or SET
	Value string
}

// raw forms, as written in the gold files.
type (
	rawRecord struct {
		ID        string          `json:"id"`
		Set       string          `json:"set"`
		Text      *string         `json:"text"`
		Title     *string         `json:"title"`
		Published *string         `json:"published"`
		Date      *string         `json:"date"`
		DCT       *string         `json:"dct"`
		Expect    *string         `json:"expect"`
		Events    []rawEvent      `json:"events"`
		Labels    []string        `json:"labels"`
		Sentences json.RawMessage `json:"sentences"`
		Entities  *[]rawEntity    `json:"entities"`
		Quotes    *[]rawQuote     `json:"quotes"`
		Toponyms  *[]rawToponym   `json:"toponyms"`
		Timexes   *[]rawTimex     `json:"timexes"`
		Meta      struct {
			Valid *bool `json:"valid"`
		} `json:"meta"`
	}
	rawSpan struct {
		Text  *string `json:"text"`
		Start *int    `json:"start"`
		End   *int    `json:"end"`
	}
	rawActor struct {
		Code   *string `json:"code"`
		Sector *string `json:"sector"`
		rawSpan
	}
	rawEvent struct {
		CAMEO   *string    `json:"cameo"`
		PLOVER  *string    `json:"plover"`
		Source  []rawActor `json:"source"`
		Target  []rawActor `json:"target"`
		Trigger []rawSpan  `json:"trigger"`
		Mode    *string    `json:"mode"`
	}
	rawEntity struct {
		rawSpan
		Type string `json:"type"`
	}
	rawFragments struct {
		Spans [][2]int `json:"spans"`
	}
	rawQuote struct {
		Speaker *rawFragments `json:"speaker"`
		Cue     *rawFragments `json:"cue"`
		Content *rawFragments `json:"content"`
		Kind    string        `json:"kind"`
	}
	rawToponym struct {
		rawSpan
		Lat  *float64 `json:"lat"`
		Lon  *float64 `json:"lon"`
		Type *string  `json:"type"`
	}
	rawTimex struct {
		rawSpan
		Type  string  `json:"type"`
		Value *string `json:"value"`
	}
	rawSentence struct {
		Start  int      `json:"start"`
		End    int      `json:"end"`
		Labels []string `json:"labels"`
	}
)

// petrarchDicts maps the sets coded with their own PETRARCH dictionaries
// to the directory, next to the gold file, that holds them.
var petrarchDicts = map[string]string{
	"petrarch2-unittest":  "petrarch2-dicts",
	"udpetrarch-validate": "udpetrarch-dicts",
}

// knownTasks fixes the task of the sets this package knows by name; other
// sets are detected from their fields.
var knownTasks = map[string]Task{
	"petrarch2-unittest":  TaskCAMEO,
	"udpetrarch-validate": TaskCAMEO,
	"plover-gsr":          TaskPLOVER,
	"case2021-task2":      TaskCASE,
	"indiapoliceevents":   TaskPolice,
}

// LoadFile reads one gold file. It fails on the first malformed record,
// naming file:line.
func LoadFile(path string) ([]Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load gold: %w", err)
	}
	defer f.Close()
	items, err := Load(f, path)
	if err != nil {
		return nil, err
	}
	for i := range items {
		sub, ok := petrarchDicts[items[i].Set]
		if !ok {
			continue
		}
		dir := filepath.Join(filepath.Dir(path), sub)
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("%s:%d: set %s is coded with the dictionaries in %s: not found",
				path, items[i].Line, items[i].Set, dir)
		}
		items[i].PetrarchDir = dir
	}
	return items, nil
}

// Load reads gold records, one JSON object per line, from r; name is used
// in error messages. It detects each record's task from its fields and
// converts its code-point offsets to byte offsets.
func Load(r io.Reader, name string) ([]Item, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var items []Item
	taskOf := map[string]Task{}
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		it, err := parseRecord(b)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if t, ok := taskOf[it.Set]; ok && t != it.Task {
			return nil, fmt.Errorf("%s:%d: set %s mixes tasks %s and %s", name, line, it.Set, t, it.Task)
		}
		taskOf[it.Set] = it.Task
		it.File, it.Line = name, line
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return items, nil
}

// parseRecord turns one JSON line into an Item.
func parseRecord(b []byte) (Item, error) {
	var r rawRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return Item{}, fmt.Errorf("bad json: %w", err)
	}
	if r.ID == "" {
		return Item{}, errors.New("record without id")
	}
	if r.Text == nil {
		return Item{}, fmt.Errorf("record %s: no text", r.ID)
	}
	set := r.Set
	if set == "" {
		set, _, _ = strings.Cut(r.ID, ":")
	}
	it := Item{Set: set, Article: khaldun.Article{ID: r.ID, Text: *r.Text}}
	for _, d := range []*string{r.Published, r.Date, r.DCT} {
		if d != nil && *d != "" {
			it.Article.Published = *d
			break
		}
	}
	if r.Title != nil {
		it.Article.Title = *r.Title
	}
	x := newRuneIndex(*r.Text)
	var err error
	switch {
	case r.Entities != nil:
		it.Task = TaskEntities
		err = parseEntities(&it.Gold, x, &r)
	case r.Quotes != nil:
		it.Task = TaskQuotes
		err = parseQuotes(&it.Gold, x, *r.Quotes)
	case r.Toponyms != nil:
		it.Task = TaskToponyms
		err = parseToponyms(&it.Gold, x, *r.Toponyms)
	case r.Timexes != nil:
		it.Task = TaskTimex
		err = parseTimexes(&it.Gold, x, *r.Timexes)
	case r.Expect != nil:
		it.Task = eventTask(set, &r)
		err = parseEvents(&it.Gold, x, &r, it.Task)
	default:
		return Item{}, fmt.Errorf("record %s: no gold field (entities, quotes, toponyms, timexes or expect)", r.ID)
	}
	if err != nil {
		return Item{}, fmt.Errorf("record %s: %w", r.ID, err)
	}
	if r.Meta.Valid != nil && !*r.Meta.Valid {
		it.Gold.Skip = "marked not valid by its source"
	}
	return it, nil
}

// eventTask picks the events scorer: by set name when the set is known,
// else from what the record gives.
func eventTask(set string, r *rawRecord) Task {
	if t, ok := knownTasks[set]; ok {
		return t
	}
	if *r.Expect == "labels" {
		if len(r.Sentences) > 0 && string(r.Sentences) != "null" {
			return TaskPolice
		}
		return TaskCASE
	}
	for _, e := range r.Events {
		if e.PLOVER != nil && *e.PLOVER != "" {
			return TaskPLOVER
		}
	}
	return TaskCAMEO
}

func parseEntities(g *Gold, x runeIndex, r *rawRecord) error {
	var sents [][2]int
	if len(r.Sentences) > 0 && string(r.Sentences) != "null" {
		if err := json.Unmarshal(r.Sentences, &sents); err != nil {
			return fmt.Errorf("sentences: %w", err)
		}
	}
	for _, s := range sents {
		sp, err := x.span(s[0], s[1])
		if err != nil {
			return fmt.Errorf("sentence: %w", err)
		}
		g.Sentences = append(g.Sentences, sp)
	}
	for _, e := range *r.Entities {
		sp, err := x.rawSpan(e.rawSpan)
		if err != nil {
			return fmt.Errorf("entity: %w", err)
		}
		g.Entities = append(g.Entities, Entity{Span: *sp, Type: e.Type})
	}
	return nil
}

func parseEvents(g *Gold, x runeIndex, r *rawRecord, t Task) error {
	g.Expect = *r.Expect
	g.Labels = r.Labels
	for _, e := range r.Events {
		ge := GoldEvent{CAMEO: deref(e.CAMEO), PLOVER: deref(e.PLOVER), Mode: deref(e.Mode)}
		for _, side := range []struct {
			raw []rawActor
			out *[]GoldActor
		}{{e.Source, &ge.Source}, {e.Target, &ge.Target}} {
			for _, a := range side.raw {
				sp, err := x.rawSpan(a.rawSpan)
				if err != nil {
					return fmt.Errorf("actor: %w", err)
				}
				*side.out = append(*side.out, GoldActor{Code: deref(a.Code), Sector: deref(a.Sector), Span: sp})
			}
		}
		for _, tr := range e.Trigger {
			sp, err := x.rawSpan(tr)
			if err != nil {
				return fmt.Errorf("trigger: %w", err)
			}
			if sp != nil {
				ge.Trigger = append(ge.Trigger, *sp)
			}
		}
		g.Events = append(g.Events, ge)
	}
	if t == TaskPolice {
		var sents []rawSentence
		if err := json.Unmarshal(r.Sentences, &sents); err != nil {
			return fmt.Errorf("sentences: %w", err)
		}
		for _, s := range sents {
			sp, err := x.span(s.Start, s.End)
			if err != nil {
				return fmt.Errorf("sentence: %w", err)
			}
			g.Sentences = append(g.Sentences, sp)
			g.SentenceLabels = append(g.SentenceLabels, s.Labels)
		}
	}
	return nil
}

func parseQuotes(g *Gold, x runeIndex, qs []rawQuote) error {
	frags := func(f *rawFragments) ([]khaldun.Span, error) {
		if f == nil {
			return nil, nil
		}
		var out []khaldun.Span
		for _, s := range f.Spans {
			sp, err := x.span(s[0], s[1])
			if err != nil {
				return nil, err
			}
			out = append(out, sp)
		}
		return out, nil
	}
	for i, q := range qs {
		var gq GoldQuote
		var err error
		if gq.Content, err = frags(q.Content); err != nil {
			return fmt.Errorf("quote %d content: %w", i, err)
		}
		if len(gq.Content) == 0 {
			return fmt.Errorf("quote %d: no content", i)
		}
		if gq.Speaker, err = frags(q.Speaker); err != nil {
			return fmt.Errorf("quote %d speaker: %w", i, err)
		}
		if gq.Cue, err = frags(q.Cue); err != nil {
			return fmt.Errorf("quote %d cue: %w", i, err)
		}
		gq.Kind = q.Kind
		g.Quotes = append(g.Quotes, gq)
	}
	return nil
}

func parseToponyms(g *Gold, x runeIndex, ts []rawToponym) error {
	for _, t := range ts {
		sp, err := x.rawSpan(t.rawSpan)
		if err != nil {
			return fmt.Errorf("toponym: %w", err)
		}
		if sp == nil {
			return fmt.Errorf("toponym %q without offsets", deref(t.Text))
		}
		tp := Toponym{Span: *sp, Type: deref(t.Type)}
		if t.Lat != nil && t.Lon != nil {
			tp.HasCoord, tp.Lat, tp.Lon = true, *t.Lat, *t.Lon
		}
		g.Toponyms = append(g.Toponyms, tp)
	}
	return nil
}

func parseTimexes(g *Gold, x runeIndex, ts []rawTimex) error {
	for _, t := range ts {
		sp, err := x.rawSpan(t.rawSpan)
		if err != nil {
			return fmt.Errorf("timex: %w", err)
		}
		if sp == nil {
			return fmt.Errorf("timex %q without offsets", deref(t.Text))
		}
		g.Timexes = append(g.Timexes, Timex{Span: *sp, Type: t.Type, Value: deref(t.Value)})
	}
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// runeIndex maps code-point offsets to byte offsets in one text: entry i
// is the byte offset of code point i, and the last entry is len(text).
type runeIndex struct {
	text string
	at   []int
}

func newRuneIndex(text string) runeIndex {
	at := make([]int, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		at = append(at, i)
	}
	return runeIndex{text: text, at: append(at, len(text))}
}

// span converts the code-point range [start, end) to a byte span.
func (x runeIndex) span(start, end int) (khaldun.Span, error) {
	if start < 0 || end < start || end >= len(x.at) {
		return khaldun.Span{}, fmt.Errorf("offsets [%d,%d) outside a text of %d code points", start, end, len(x.at)-1)
	}
	return khaldun.Span{Start: x.at[start], End: x.at[end]}, nil
}

// rawSpan converts a gold span, checking its text when the gold gives it;
// it returns nil when the gold gives no offsets.
func (x runeIndex) rawSpan(s rawSpan) (*khaldun.Span, error) {
	if s.Start == nil || s.End == nil {
		return nil, nil
	}
	sp, err := x.span(*s.Start, *s.End)
	if err != nil {
		return nil, err
	}
	if s.Text != nil && sp.In(x.text) != *s.Text {
		return nil, fmt.Errorf("offsets [%d,%d) cover %q, not %q", *s.Start, *s.End, sp.In(x.text), *s.Text)
	}
	return &sp, nil
}
