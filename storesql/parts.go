package storesql

import (
	"encoding/json"
	"fmt"

	"github.com/khaldun/khaldun"
)

// RecordJSON is the record as stored: JSON without its text, which has a
// column of its own.
func RecordJSON(r *khaldun.Record) (string, error) {
	text := r.Text
	r.Text = ""
	js, err := json.Marshal(r)
	r.Text = text
	if err != nil {
		return "", fmt.Errorf("encode record %q: %w", r.ID, err)
	}
	return string(js), nil
}

// NullIfEmpty is nil for "", so that an empty URL is NULL and does not
// collide with other empty URLs in the unique index.
func NullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Parts are the rows of one record's actors, places, events and quotes as
// the schema stores them; each store inserts them with its own SQL.
type Parts struct {
	Actors []khaldun.Actor
	Places []khaldun.Place
	Events []EventPart
	Quotes []QuotePart
}

// EventPart is one events row: the columns filters read, and the event
// with its actors and place as JSON.
type EventPart struct {
	Type, CAMEO, Day string
	Source, Target   khaldun.Actor
	Place            khaldun.Place
	Row              string
}

// QuotePart is one quotes row.
type QuotePart struct {
	Speaker khaldun.Actor
	Text    string
	Row     string
}

// PartsOf builds the rows of r's actors, places, events and quotes. An
// event without a date is filed under the day of publication.
func PartsOf(r *khaldun.Record) (Parts, error) {
	p := Parts{Actors: r.Actors, Places: r.Places}
	actors := map[string]*khaldun.Actor{}
	for i := range r.Actors {
		actors[r.Actors[i].ID] = &r.Actors[i]
	}
	places := map[string]*khaldun.Place{}
	for i := range r.Places {
		places[r.Places[i].ID] = &r.Places[i]
	}
	for _, e := range r.Events {
		row := khaldun.EventRow{Event: e, SourceActor: actors[e.Source], TargetActor: actors[e.Target],
			PlaceEntry: places[e.Place], Evidence: e.Sentence.In(r.Text)}
		js, err := json.Marshal(row)
		if err != nil {
			return p, fmt.Errorf("encode event %s: %w", e.ID, err)
		}
		day := e.Date
		if day == "" {
			day = r.Published
		}
		p.Events = append(p.Events, EventPart{Type: e.Type, CAMEO: e.CAMEO, Day: day, Source: value(row.SourceActor),
			Target: value(row.TargetActor), Place: value(row.PlaceEntry), Row: string(js)})
	}
	for _, q := range r.Quotes {
		row := khaldun.QuoteRow{Quote: q, SpeakerActor: actors[q.Speaker]}
		js, err := json.Marshal(row)
		if err != nil {
			return p, fmt.Errorf("encode quote %s: %w", q.ID, err)
		}
		p.Quotes = append(p.Quotes, QuotePart{Speaker: value(row.SpeakerActor), Text: q.Text, Row: string(js)})
	}
	return p, nil
}

// value is *p, or the zero value when p is nil.
func value[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
