package export

import (
	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/event"
)

// ploverEvent is one event in PLOVER/POLECAT JSON. "event_type" is the
// PLOVER type and "polecat_type" its sixteen-type POLECAT variant; "mode"
// is PLOVER's type-specific mode ("visit", "firearms") and "modality"
// khaldun's (intention, forecast, ...). Spans are byte offsets into the
// article's text.
type ploverEvent struct {
	ID              string       `json:"id"`
	StoryID         string       `json:"story_id"`
	Date            string       `json:"date,omitempty"`
	DateText        string       `json:"date_text,omitempty"`
	PublicationDate string       `json:"publication_date,omitempty"`
	Publisher       string       `json:"publisher,omitempty"`
	URL             string       `json:"url,omitempty"`
	EventType       string       `json:"event_type"`
	POLECATType     string       `json:"polecat_type,omitempty"`
	Mode            string       `json:"mode"`
	Modality        string       `json:"modality"`
	Negated         bool         `json:"negated"`
	Killed          int          `json:"killed,omitempty"`
	Wounded         int          `json:"wounded,omitempty"`
	CAMEO           string       `json:"cameo"`
	Goldstein       float64      `json:"goldstein"`
	Quad            int          `json:"quad_class"`
	Source          *ploverActor `json:"source,omitempty"`
	Target          *ploverActor `json:"target,omitempty"`
	Location        *ploverPlace `json:"location,omitempty"`
	Sentence        string       `json:"sentence"`
	Spans           ploverSpans  `json:"spans"`
	Confidence      float64      `json:"confidence"`
	Rule            string       `json:"rule,omitempty"`
	Cluster         string       `json:"cluster,omitempty"`
	NumMentions     int          `json:"num_mentions"`
	NumArticles     int          `json:"num_articles"`
	NumSources      int          `json:"num_sources"`
}

type ploverActor struct {
	Text     string         `json:"text"`
	Name     string         `json:"name"`
	Kind     string         `json:"kind,omitempty"`
	Code     string         `json:"code,omitempty"`
	Country  string         `json:"country,omitempty"`
	Sector   string         `json:"sector,omitempty"`
	Mentions []khaldun.Span `json:"mentions,omitempty"`
}

type ploverPlace struct {
	Name     string         `json:"name"`
	Country  string         `json:"country,omitempty"`
	Admin1   string         `json:"admin1,omitempty"`
	Lat      float64        `json:"lat"`
	Lon      float64        `json:"lon"`
	GeoNames int            `json:"geonames,omitempty"`
	Feature  string         `json:"feature,omitempty"`
	Mentions []khaldun.Span `json:"mentions,omitempty"`
}

type ploverSpans struct {
	Sentence khaldun.Span `json:"sentence"`
	Trigger  khaldun.Span `json:"trigger"`
}

func ploverOf(it *item) *ploverEvent {
	e, r := it.ev, it.rec
	p := &ploverEvent{
		ID: it.id(), StoryID: r.ID, Date: e.Date, DateText: e.DateText, PublicationDate: r.Published,
		Publisher: r.Source, URL: r.URL, EventType: e.Type, Modality: e.Mode, Negated: e.Negated,
		Killed: e.Killed, Wounded: e.Wounded,
		CAMEO: e.CAMEO, Goldstein: e.Goldstein, Quad: e.Quad, Sentence: e.Sentence.In(r.Text),
		Spans: ploverSpans{Sentence: e.Sentence, Trigger: e.Trigger}, Confidence: e.Confidence,
		Rule: e.Rule, Cluster: it.cluster, NumMentions: it.mentions, NumArticles: it.articles, NumSources: it.sources,
	}
	if e.Type != "" {
		p.POLECATType = string(event.Type(e.Type).POLECAT())
	}
	p.Mode = e.PLOVERMode
	if info, ok := event.Lookup(event.Code(e.CAMEO)); ok && p.Mode == "" {
		p.Mode = info.Subtype // a record stored before events carried their mode
	}
	p.Source = ploverActorOf(r, it.src, e.Sentence)
	p.Target = ploverActorOf(r, it.tgt, e.Sentence)
	if pl := it.place; pl != nil {
		p.Location = &ploverPlace{Name: pl.Name, Country: pl.Country, Admin1: pl.Admin1, Lat: pl.Lat, Lon: pl.Lon,
			GeoNames: pl.GeoNames, Feature: pl.Feature, Mentions: pl.Mentions}
	}
	return p
}

func ploverActorOf(r *khaldun.Record, a *khaldun.Actor, sentence khaldun.Span) *ploverActor {
	if a == nil {
		return nil
	}
	return &ploverActor{Text: actorText(r, a, sentence), Name: a.Name, Kind: a.Kind, Code: a.Code,
		Country: a.Country, Sector: a.Sector, Mentions: a.Mentions}
}
