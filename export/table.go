package export

import (
	"bufio"
	"encoding/csv"
	"strconv"

	"github.com/parquet-go/parquet-go"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/event"
)

// Row is one event as a flat row: the columns of CSV and Parquet, in
// order. Offsets are byte offsets into the article's text; Lat and Lon
// are nil (empty in CSV) when the event has no place.
type Row struct {
	ID            string   `parquet:"id"`
	Article       string   `parquet:"article"`
	Event         string   `parquet:"event"`
	Date          string   `parquet:"date"`
	DateText      string   `parquet:"date_text"`
	Published     string   `parquet:"published"`
	Outlet        string   `parquet:"outlet"`
	URL           string   `parquet:"url"`
	Type          string   `parquet:"type"`
	CAMEO         string   `parquet:"cameo"`
	CAMEOName     string   `parquet:"cameo_name"`
	Goldstein     float64  `parquet:"goldstein"`
	Quad          int32    `parquet:"quad"`
	Mode          string   `parquet:"mode"`
	Negated       bool     `parquet:"negated"`
	PLOVERMode    string   `parquet:"plover_mode"`
	Killed        int32    `parquet:"killed"`
	Wounded       int32    `parquet:"wounded"`
	SourceName    string   `parquet:"source_name"`
	SourceCode    string   `parquet:"source_code"`
	SourceCountry string   `parquet:"source_country"`
	SourceSector  string   `parquet:"source_sector"`
	TargetName    string   `parquet:"target_name"`
	TargetCode    string   `parquet:"target_code"`
	TargetCountry string   `parquet:"target_country"`
	TargetSector  string   `parquet:"target_sector"`
	Place         string   `parquet:"place"`
	PlaceCountry  string   `parquet:"place_country"`
	PlaceAdmin1   string   `parquet:"place_admin1"`
	Lat           *float64 `parquet:"lat,optional"`
	Lon           *float64 `parquet:"lon,optional"`
	GeoNames      int64    `parquet:"geonames"`
	Sentence      string   `parquet:"sentence"`
	SentenceStart int64    `parquet:"sentence_start"`
	SentenceEnd   int64    `parquet:"sentence_end"`
	Trigger       string   `parquet:"trigger"`
	TriggerStart  int64    `parquet:"trigger_start"`
	TriggerEnd    int64    `parquet:"trigger_end"`
	Confidence    float64  `parquet:"confidence"`
	Rule          string   `parquet:"rule"`
	Cluster       string   `parquet:"cluster"`
	NumMentions   int32    `parquet:"num_mentions"`
	NumArticles   int32    `parquet:"num_articles"`
	NumSources    int32    `parquet:"num_sources"`
}

// Columns are the names of Row's columns, in order: CSV's header.
var Columns = []string{
	"id", "article", "event", "date", "date_text", "published", "outlet", "url",
	"type", "cameo", "cameo_name", "goldstein", "quad", "mode", "negated", "plover_mode", "killed", "wounded",
	"source_name", "source_code", "source_country", "source_sector",
	"target_name", "target_code", "target_country", "target_sector",
	"place", "place_country", "place_admin1", "lat", "lon", "geonames",
	"sentence", "sentence_start", "sentence_end", "trigger", "trigger_start", "trigger_end",
	"confidence", "rule", "cluster", "num_mentions", "num_articles", "num_sources",
}

func rowOf(it *item) Row {
	e, r := it.ev, it.rec
	row := Row{ID: it.id(), Article: r.ID, Event: e.ID, Date: e.Date, DateText: e.DateText,
		Published: r.Published, Outlet: r.Source, URL: r.URL, Type: e.Type, CAMEO: e.CAMEO,
		Goldstein: e.Goldstein, Quad: int32(e.Quad), Mode: e.Mode, Negated: e.Negated,
		PLOVERMode: e.PLOVERMode, Killed: int32(e.Killed), Wounded: int32(e.Wounded),
		Sentence: e.Sentence.In(r.Text), SentenceStart: int64(e.Sentence.Start), SentenceEnd: int64(e.Sentence.End),
		Trigger: e.Trigger.In(r.Text), TriggerStart: int64(e.Trigger.Start), TriggerEnd: int64(e.Trigger.End),
		Confidence: e.Confidence, Rule: e.Rule, Cluster: it.cluster,
		NumMentions: int32(it.mentions), NumArticles: int32(it.articles), NumSources: int32(it.sources)}
	if info, ok := event.Lookup(event.Code(e.CAMEO)); ok {
		row.CAMEOName = info.Name
	}
	if a := it.src; a != nil {
		row.SourceName, row.SourceCode, row.SourceCountry, row.SourceSector = a.Name, a.Code, a.Country, a.Sector
	}
	if a := it.tgt; a != nil {
		row.TargetName, row.TargetCode, row.TargetCountry, row.TargetSector = a.Name, a.Code, a.Country, a.Sector
	}
	if p := it.place; p != nil {
		lat, lon := p.Lat, p.Lon
		row.Place, row.PlaceCountry, row.PlaceAdmin1 = p.Name, p.Country, p.Admin1
		row.Lat, row.Lon, row.GeoNames = &lat, &lon, int64(p.GeoNames)
	}
	return row
}

// strings returns the row's fields as CSV writes them.
func (r *Row) strings() []string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	opt := func(x *float64) string {
		if x == nil {
			return ""
		}
		return f(*x)
	}
	i := func(n int64) string { return strconv.FormatInt(n, 10) }
	geo := ""
	if r.GeoNames != 0 {
		geo = i(r.GeoNames)
	}
	return []string{r.ID, r.Article, r.Event, r.Date, r.DateText, r.Published, r.Outlet, r.URL,
		r.Type, r.CAMEO, r.CAMEOName, f(r.Goldstein), i(int64(r.Quad)), r.Mode, strconv.FormatBool(r.Negated),
		r.PLOVERMode, i(int64(r.Killed)), i(int64(r.Wounded)),
		r.SourceName, r.SourceCode, r.SourceCountry, r.SourceSector,
		r.TargetName, r.TargetCode, r.TargetCountry, r.TargetSector,
		r.Place, r.PlaceCountry, r.PlaceAdmin1, opt(r.Lat), opt(r.Lon), geo,
		r.Sentence, i(r.SentenceStart), i(r.SentenceEnd), r.Trigger, i(r.TriggerStart), i(r.TriggerEnd),
		f(r.Confidence), r.Rule, r.Cluster, i(int64(r.NumMentions)), i(int64(r.NumArticles)), i(int64(r.NumSources))}
}

type csvEncoder struct {
	bw     *bufio.Writer
	w      *csv.Writer
	header bool
}

func newCSVEncoder(w *bufio.Writer) *csvEncoder { return &csvEncoder{bw: w, w: csv.NewWriter(w)} }

func (c *csvEncoder) record(*khaldun.Record, bool) error { return nil }

func (c *csvEncoder) event(it *item) error {
	if !c.header {
		if err := c.w.Write(Columns); err != nil {
			return err
		}
		c.header = true
	}
	row := rowOf(it)
	return c.w.Write(row.strings())
}

func (c *csvEncoder) close() error {
	if !c.header {
		if err := c.w.Write(Columns); err != nil {
			return err
		}
	}
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return c.bw.Flush()
}

// parquetEncoder writes rows in row groups of up to batch rows, Snappy
// compressed.
type parquetEncoder struct {
	bw  *bufio.Writer
	w   *parquet.GenericWriter[Row]
	buf []Row
}

const parquetBatch = 4096

func newParquetEncoder(w *bufio.Writer) *parquetEncoder {
	return &parquetEncoder{bw: w, w: parquet.NewGenericWriter[Row](w, parquet.Compression(&parquet.Snappy))}
}

func (p *parquetEncoder) record(*khaldun.Record, bool) error { return nil }

func (p *parquetEncoder) event(it *item) error {
	p.buf = append(p.buf, rowOf(it))
	if len(p.buf) >= parquetBatch {
		return p.flush()
	}
	return nil
}

func (p *parquetEncoder) flush() error {
	if len(p.buf) == 0 {
		return nil
	}
	_, err := p.w.Write(p.buf)
	p.buf = p.buf[:0]
	return err
}

func (p *parquetEncoder) close() error {
	if err := p.flush(); err != nil {
		return err
	}
	if err := p.w.Close(); err != nil {
		return err
	}
	return p.bw.Flush()
}
