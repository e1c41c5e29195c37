package khaldun

import (
	"encoding/json"
	"fmt"
)

// Span is a half-open byte range [Start, End) into an article's text.
// It is written in JSON as a two-element array.
type Span struct {
	Start, End int
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// In returns the text the span covers, or "" when it lies outside text.
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// MarshalJSON writes the span as [start,end].
func (s Span) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf("[%d,%d]", s.Start, s.End)), nil
}

// UnmarshalJSON reads a span written as [start,end].
func (s *Span) UnmarshalJSON(b []byte) error {
	var a []int
	if err := json.Unmarshal(b, &a); err != nil {
		return fmt.Errorf("span: %w", err)
	}
	if len(a) != 2 {
		return fmt.Errorf("span: want 2 numbers, got %d", len(a))
	}
	s.Start, s.End = a[0], a[1]
	return nil
}

// Article is one news article as read from its source, before any coding.
type Article struct {
	ID        string `json:"id"`
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD when known
	Dateline  string `json:"dateline,omitempty"`  // place named at the head of the story, as written
	License   string `json:"license,omitempty"`   // SPDX id where recognised, else the statement
	Title     string `json:"title,omitempty"`
	Text      string `json:"text"` // body text; every offset in a record points into it
}

// Actor kinds.
const (
	KindPerson       = "person"
	KindOrganization = "organization"
	KindCountry      = "country"
	KindGroup        = "group"
)

// Actor is one person, organisation, country or group named in an article,
// with every span that refers to it.
type Actor struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Country  string   `json:"country,omitempty"` // ISO 3166 alpha-3, or an IGO code
	Sector   string   `json:"sector,omitempty"`  // GOV, MIL, REB, OPP, MED, BUS, CVL, IGO, ...
	Code     string   `json:"code,omitempty"`    // CAMEO-style actor code: country + sector
	Roles    []string `json:"roles,omitempty"`   // titles and descriptions attached in the text
	Mentions []Span   `json:"mentions"`
	Evidence string   `json:"evidence,omitempty"` // where country and sector came from
}

// Place is one gazetteer entry referred to in an article.
type Place struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Country  string  `json:"country,omitempty"`
	Admin1   string  `json:"admin1,omitempty"`
	Lat      float64 `json:"lat"`
	Lon      float64 `json:"lon"`
	GeoNames int     `json:"geonames,omitempty"`
	Feature  string  `json:"feature,omitempty"` // city, admin1, admin2, country, region
	Mentions []Span  `json:"mentions"`
}

// Event modes; the empty mode is a real, reported event.
const (
	ModeReal        = ""
	ModeForecast    = "forecast"
	ModeIntention   = "intention"
	ModeConditional = "conditional"
	ModeRequest     = "request"
	ModeQuestion    = "question"
)

// Event is who did what to whom, where and when, coded in PLOVER and CAMEO.
type Event struct {
	ID         string  `json:"id"`
	Type       string  `json:"type"`                  // PLOVER event type
	PLOVERMode string  `json:"plover_mode,omitempty"` // PLOVER's mode of the type, where the code implies one: "visit", "firearms"
	CAMEO      string  `json:"cameo"`                 // CAMEO event code
	Goldstein  float64 `json:"goldstein"`
	Quad       int     `json:"quad"` // QuadClass 1..4
	Source     string  `json:"source,omitempty"`
	Target     string  `json:"target,omitempty"`
	Place      string  `json:"place,omitempty"`
	Date       string  `json:"date,omitempty"`
	DateText   string  `json:"date_text,omitempty"`
	Killed     int     `json:"killed,omitempty"`  // people the sentence reports killed, on its first violent event
	Wounded    int     `json:"wounded,omitempty"` // people the sentence reports wounded, likewise
	Negated    bool    `json:"negated"`
	Mode       string  `json:"mode"` // modality: "" for a reported event, else forecast, intention, ...
	Sentence   Span    `json:"sentence"`
	Trigger    Span    `json:"trigger"`
	Confidence float64 `json:"confidence"`
	Rule       string  `json:"rule"` // the lexicon entry or rule that produced the event
}

// Quote kinds.
const (
	QuoteDirect   = "direct"
	QuoteIndirect = "indirect"
	QuoteMixed    = "mixed"
)

// Quote is what someone said, with the span of the words and of the cue.
type Quote struct {
	ID      string   `json:"id"`
	Speaker string   `json:"speaker,omitempty"` // actor id
	Text    string   `json:"text"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Kind    string   `json:"kind"`
	Cue     Span     `json:"cue"`
	Events  []string `json:"events,omitempty"` // ids of events reported inside the quote
}

// Date is one temporal expression with its normalised ISO 8601 value
// (2017-09-05, 2017-09, 2017-W36, 2017, or a duration such as P3Y).
type Date struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Value string `json:"value"`
}

// Span returns the byte range of the expression.
func (d Date) Span() Span { return Span{d.Start, d.End} }

// Record is the coded form of one article: the public output of khaldun.
type Record struct {
	Article
	Actors []Actor `json:"actors"`
	Places []Place `json:"places"`
	Events []Event `json:"events"`
	Quotes []Quote `json:"quotes"`
	Dates  []Date  `json:"dates"`
}
