package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"strings"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/cluster"
)

// Format is an export format.
type Format string

// The formats a Writer writes.
const (
	GDELT   Format = "gdelt"   // GDELT 2.0 event TSV, no header
	PLOVER  Format = "plover"  // PLOVER/POLECAT JSON, one event per line
	CSV     Format = "csv"     // one event per row, with a header
	JSONL   Format = "jsonl"   // the records themselves, one per line
	Parquet Format = "parquet" // the CSV columns, typed
)

// Formats lists the formats in the order usage text names them.
var Formats = []Format{GDELT, PLOVER, CSV, JSONL, Parquet}

// ParseFormat returns the format named s.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == strings.ToLower(s) {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown export format %q (want gdelt, plover, csv, jsonl or parquet)", s)
}

// Options change what a Writer writes.
type Options struct {
	// Clusters, when set, gives each event the id and counts of the
	// cluster holding it. Events of no cluster count once.
	Clusters []cluster.Cluster
	// OnePerCluster writes only the first event met of each cluster.
	OnePerCluster bool
	// Filter, when set, keeps only the events that Match it; JSONL
	// writes whole the records with at least one such event.
	Filter *khaldun.Filter
	// Added is written as GDELT's DATEADDED; when zero, the article's
	// publication date (or the event's date) at midnight is written.
	Added time.Time
}

// Writer writes records in one format. Close must be called to flush
// the output (and, for Parquet, to write the file's footer).
type Writer struct {
	enc     encoder
	opt     Options
	index   map[cluster.Key]int
	written map[int]bool
	err     error
}

// encoder is one format.
type encoder interface {
	record(r *khaldun.Record, matched bool) error
	event(e *item) error
	close() error
}

// item is one event with everything a format writes about it resolved.
type item struct {
	rec      *khaldun.Record
	ev       *khaldun.Event
	src, tgt *khaldun.Actor
	place    *khaldun.Place
	cluster  string
	mentions int
	articles int
	sources  int
}

// NewWriter returns a Writer of format f on w.
func NewWriter(w io.Writer, f Format, opt Options) (*Writer, error) {
	ew := &Writer{opt: opt, written: map[int]bool{}}
	if opt.Clusters != nil {
		ew.index = cluster.Index(opt.Clusters)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	switch f {
	case GDELT:
		ew.enc = &gdeltEncoder{w: bw, added: opt.Added}
	case PLOVER:
		ew.enc = newJSONEncoder(bw, false)
	case JSONL:
		ew.enc = newJSONEncoder(bw, true)
	case CSV:
		ew.enc = newCSVEncoder(bw)
	case Parquet:
		ew.enc = newParquetEncoder(bw)
	default:
		return nil, fmt.Errorf("unknown export format %q", f)
	}
	return ew, nil
}

// Write writes one record: its events, or the record itself for JSONL.
func (w *Writer) Write(r *khaldun.Record) error {
	if w.err != nil {
		return w.err
	}
	if err := w.enc.record(r, w.opt.Filter == nil || anyMatch(w.opt.Filter, r)); err != nil {
		w.err = fmt.Errorf("export %s: %w", r.ID, err)
		return w.err
	}
	for i := range r.Events {
		if !Match(w.opt.Filter, r, &r.Events[i]) {
			continue
		}
		it := resolve(r, &r.Events[i])
		if w.index != nil {
			if ci, ok := w.index[cluster.Key{Article: r.ID, Event: r.Events[i].ID}]; ok {
				if w.opt.OnePerCluster && w.written[ci] {
					continue
				}
				w.written[ci] = true
				c := &w.opt.Clusters[ci]
				it.cluster, it.mentions, it.articles, it.sources = c.ID, len(c.Mentions), c.Articles, c.Sources
			}
		}
		if err := w.enc.event(it); err != nil {
			w.err = fmt.Errorf("export %s event %s: %w", r.ID, r.Events[i].ID, err)
			return w.err
		}
	}
	return nil
}

// Close flushes the output. The Writer cannot be used after it.
func (w *Writer) Close() error {
	if err := w.enc.close(); err != nil && w.err == nil {
		w.err = fmt.Errorf("export: %w", err)
	}
	return w.err
}

// anyMatch reports whether one of r's events passes f.
func anyMatch(f *khaldun.Filter, r *khaldun.Record) bool {
	for i := range r.Events {
		if Match(f, r, &r.Events[i]) {
			return true
		}
	}
	return false
}

// resolve looks up the actors and place of an event.
func resolve(r *khaldun.Record, e *khaldun.Event) *item {
	it := &item{rec: r, ev: e, mentions: 1, articles: 1, sources: 1}
	for i := range r.Actors {
		switch r.Actors[i].ID {
		case "":
		case e.Source:
			it.src = &r.Actors[i]
		case e.Target:
			it.tgt = &r.Actors[i]
		}
	}
	for i := range r.Places {
		if e.Place != "" && r.Places[i].ID == e.Place {
			it.place = &r.Places[i]
		}
	}
	return it
}

// id is the event's id in exports: the article id and the event id.
func (it *item) id() string { return it.rec.ID + "/" + it.ev.ID }

// globalID is a stable number for the event, as GDELT's GlobalEventID:
// the first 53 bits of a hash of its id, so JSON readers keep it exact.
func (it *item) globalID() int64 {
	h := fnv.New64a()
	h.Write([]byte(it.id()))
	return int64(h.Sum64() & (1<<53 - 1))
}

// actorText is the words that name an actor in the event's sentence, or
// its first mention, or its name.
func actorText(r *khaldun.Record, a *khaldun.Actor, sentence khaldun.Span) string {
	for _, m := range a.Mentions {
		if sentence.Contains(m) {
			return m.In(r.Text)
		}
	}
	if len(a.Mentions) > 0 {
		if s := a.Mentions[0].In(r.Text); s != "" {
			return s
		}
	}
	return a.Name
}

// jsonEncoder writes records (JSONL) or PLOVER events, one per line.
type jsonEncoder struct {
	w       *bufio.Writer
	enc     *json.Encoder
	records bool
}

func newJSONEncoder(w *bufio.Writer, records bool) *jsonEncoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonEncoder{w: w, enc: enc, records: records}
}

func (j *jsonEncoder) record(r *khaldun.Record, matched bool) error {
	if !j.records || !matched {
		return nil
	}
	return j.enc.Encode(r)
}

func (j *jsonEncoder) event(it *item) error {
	if j.records {
		return nil
	}
	return j.enc.Encode(ploverOf(it))
}

func (j *jsonEncoder) close() error { return j.w.Flush() }
