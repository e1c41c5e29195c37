package cluster

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/kb"
)

// Cluster is one real-world event as reported by one or more articles.
type Cluster struct {
	ID        string         `json:"id"`
	Type      string         `json:"type"`  // PLOVER type most mentions give
	CAMEO     string         `json:"cameo"` // CAMEO code most mentions give
	Goldstein float64        `json:"goldstein"`
	Quad      int            `json:"quad"`
	Mode      string         `json:"mode"`
	Negated   bool           `json:"negated"`
	Date      string         `json:"date,omitempty"` // the date most mentions give, stated dates first
	Source    *Actor         `json:"source,omitempty"`
	Target    *Actor         `json:"target,omitempty"`
	Place     *Place         `json:"place,omitempty"`
	Articles  int            `json:"articles"` // distinct articles
	Sources   int            `json:"sources"`  // independent sources: outlets, wire copies counted once
	Mentions  []Mention      `json:"mentions"`
	Disagree  []Disagreement `json:"disagreements,omitempty"`
}

// Actor is an actor as the cluster reports it.
type Actor struct {
	Name string `json:"name"`
	Code string `json:"code,omitempty"`
}

// Place is a place as the cluster reports it.
type Place struct {
	Name     string  `json:"name"`
	Country  string  `json:"country,omitempty"`
	Admin1   string  `json:"admin1,omitempty"`
	Lat      float64 `json:"lat"`
	Lon      float64 `json:"lon"`
	GeoNames int     `json:"geonames,omitempty"`
}

// Mention is one article's report of the clustered event.
type Mention struct {
	Article   string `json:"article"` // article id
	Event     string `json:"event"`   // event id within the article
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Date      string `json:"date,omitempty"`
	DateText  string `json:"date_text,omitempty"`
	CAMEO     string `json:"cameo"`
	Place     string `json:"place,omitempty"`
	Sentence  string `json:"sentence"`
	Killed    int    `json:"killed,omitempty"`  // toll read from the sentence, 0 when none
	Wounded   int    `json:"wounded,omitempty"` // toll read from the sentence, 0 when none
}

// Disagreement lists the values that the mentions give for one field
// when they give more than one.
type Disagreement struct {
	Field  string  `json:"field"` // date, place, cameo, killed, wounded
	Values []Value `json:"values"`
}

// Value is one value of a disputed field and the articles that give it.
type Value struct {
	Value    string   `json:"value"`
	Articles []string `json:"articles"`
}

// Key identifies an event of an article; Index maps keys to clusters.
type Key struct{ Article, Event string }

// Index returns, for every clustered event, the position of its cluster
// in cs.
func Index(cs []Cluster) map[Key]int {
	m := make(map[Key]int)
	for i, c := range cs {
		for _, mt := range c.Mentions {
			m[Key{mt.Article, mt.Event}] = i
		}
	}
	return m
}

// Window and distance limits.
const (
	exactSlack = 1  // days between two stated dates of one event
	looseSlack = 2  // days when a date is a fallback or month-precise
	maxSpan    = 31 // a date vaguer than this (a year) cannot be clustered
	nearKm     = 50
)

// side is one actor of a mention, ready for comparison.
type side struct {
	name, norm, code, kind string
	tokens                 []string
}

func (s *side) empty() bool { return s == nil }

// item is one event mention being clustered.
type item struct {
	rec       *khaldun.Record
	ev        *khaldun.Event
	group     string // compatible-type group
	src, tgt  *side
	place     *khaldun.Place
	lo, hi    int // days since 1970, inclusive; lo > hi when undated
	stated    bool
	sentence  string
	sourceKey string
	killed    int
	wounded   int
}

// Build groups the events of recs into clusters, in the order of their
// earliest date (undated ones last). Every event is in exactly one
// cluster; an event reported once is a cluster of one. Bare statements
// (no PLOVER type) are clustered like other events.
func Build(recs []khaldun.Record) []Cluster {
	var items []*item
	for ri := range recs {
		r := &recs[ri]
		for ei := range r.Events {
			items = append(items, newItem(r, &r.Events[ei]))
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if a.dated() != b.dated() {
			return a.dated()
		}
		if a.lo != b.lo {
			return a.lo < b.lo
		}
		// the more specific mention seeds a cluster first
		return a.anchors() > b.anchors()
	})
	var groups [][]*item
	active := map[string][]int{} // type group → open clusters
	for _, it := range items {
		best, bestScore := -1, 0
		if it.dated() {
			open := active[it.group][:0]
			for _, gi := range active[it.group] {
				g := groups[gi]
				if maxHi(g)+looseSlack < it.lo {
					continue // closed for good: items come in date order
				}
				open = append(open, gi)
				if s := fits(it, g); s > bestScore {
					best, bestScore = gi, s
				}
			}
			active[it.group] = open
		}
		if best >= 0 {
			groups[best] = append(groups[best], it)
			continue
		}
		groups = append(groups, []*item{it})
		if it.dated() {
			active[it.group] = append(active[it.group], len(groups)-1)
		}
	}
	out := make([]Cluster, len(groups))
	for i, g := range groups {
		out[i] = summarise(g)
		out[i].ID = fmt.Sprintf("c%d", i+1)
	}
	return out
}

func (it *item) dated() bool { return it.lo <= it.hi }

func (it *item) anchors() int {
	n := 0
	if it.src != nil {
		n++
	}
	if it.tgt != nil {
		n++
	}
	if it.place != nil {
		n++
	}
	return n
}

func maxHi(g []*item) int {
	m := g[0].hi
	for _, it := range g[1:] {
		m = max(m, it.hi)
	}
	return m
}

// fits returns how well it joins g: 0 when it cannot, else the best
// anchor score it has with one member.
func fits(it *item, g []*item) int {
	best := 0
	for _, o := range g {
		s, ok := compatible(it, o)
		if !ok {
			return 0
		}
		best = max(best, s)
	}
	if best < 2 {
		return 0
	}
	return best
}

// compatible reports whether a and b can be the same event, and a score
// for the named anchors they share.
func compatible(a, b *item) (int, bool) {
	if a.group != b.group || a.ev.Negated != b.ev.Negated || a.ev.Mode != b.ev.Mode {
		return 0, false
	}
	slack := exactSlack
	if !a.stated || !b.stated {
		slack = looseSlack
	}
	if a.lo-slack > b.hi || b.lo-slack > a.hi {
		return 0, false
	}
	score := 0
	for _, p := range [][2]*side{{a.src, b.src}, {a.tgt, b.tgt}} {
		s, ok := sameActor(p[0], p[1])
		if !ok {
			return 0, false
		}
		score += s
	}
	s, ok := samePlace(a.place, b.place)
	if !ok {
		return 0, false
	}
	score += s
	if score > 0 && a.stated && b.stated && a.lo == b.lo && a.hi == b.hi {
		score++
	}
	return score, true
}

// sameActor compares two sides: 2 for the same named actor, 1 for the
// same code only, 0 when one side is unknown; false when they differ.
func sameActor(a, b *side) (int, bool) {
	if a.empty() || b.empty() {
		return 0, true
	}
	if a.norm != "" && a.norm == b.norm {
		return 2, true
	}
	names := a.norm != "" && b.norm != "" && (subset(a.tokens, b.tokens) || subset(b.tokens, a.tokens))
	if a.code == "" || b.code == "" {
		if names {
			return 2, true
		}
		return 0, false
	}
	if !codesCompatible(a.code, b.code) {
		return 0, false
	}
	if a.kind == khaldun.KindPerson && b.kind == khaldun.KindPerson && !names {
		return 0, false // two different people of one government
	}
	if names {
		return 2, true
	}
	return 1, true
}

// codesCompatible: equal codes, or the state of one country told as the
// country, its government, its army, police or intelligence ("Syria",
// "the Syrian government", "the Syrian army").
func codesCompatible(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < 3 || len(b) < 3 || a[:3] != b[:3] {
		return false
	}
	return stateSector[a[3:]] && stateSector[b[3:]]
}

var stateSector = map[string]bool{"": true, "GOV": true, "MIL": true, "SPY": true, "POL": true}

func subset(small, big []string) bool {
	if len(small) == 0 {
		return false
	}
	for _, w := range small {
		found := false
		for _, v := range big {
			if w == v {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// samePlace compares two places: 2 for the same place or one within
// nearKm, 0 when one is unknown or contains the other; false when they
// are apart.
func samePlace(a, b *khaldun.Place) (int, bool) {
	if a == nil || b == nil {
		return 0, true
	}
	if a.GeoNames != 0 && a.GeoNames == b.GeoNames {
		return 2, true
	}
	if a.Country != "" && b.Country != "" && a.Country != b.Country {
		return 0, false
	}
	if kb.Normalize(a.Name) == kb.Normalize(b.Name) {
		return 2, true
	}
	if contains(a, b) || contains(b, a) {
		return 0, true
	}
	if kb.DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon) <= nearKm {
		return 2, true
	}
	return 0, false
}

// contains reports whether the area a holds the place b.
func contains(a, b *khaldun.Place) bool {
	switch a.Feature {
	case "country":
		return a.Country != "" && a.Country == b.Country
	case "admin1":
		return b.Admin1 != "" && kb.Normalize(b.Admin1) == kb.Normalize(a.Name) && b.Country == a.Country
	}
	return false
}

// typeGroup puts codes that can describe one event in one group: the
// CAMEO root, with assault, fight and mass violence (18-20) together.
func typeGroup(e *khaldun.Event) string {
	root := e.CAMEO
	if len(root) >= 2 {
		root = root[:2]
	}
	switch root {
	case "18", "19", "20":
		return "violence"
	case "":
		return "type:" + e.Type
	}
	return root
}

func newItem(r *khaldun.Record, e *khaldun.Event) *item {
	it := &item{rec: r, ev: e, group: typeGroup(e), lo: 1, hi: 0}
	it.src = newSide(r, e.Source)
	it.tgt = newSide(r, e.Target)
	for i := range r.Places {
		if e.Place != "" && r.Places[i].ID == e.Place {
			it.place = &r.Places[i]
		}
	}
	it.lo, it.hi, it.stated = dateRange(e, r.Published)
	it.sentence = e.Sentence.In(r.Text)
	it.sourceKey = sourceKey(r)
	it.killed, it.wounded = e.Killed, e.Wounded
	return it
}

func newSide(r *khaldun.Record, id string) *side {
	if id == "" {
		return nil
	}
	for i := range r.Actors {
		a := &r.Actors[i]
		if a.ID == id {
			n := kb.Normalize(a.Name)
			return &side{name: a.Name, norm: n, code: a.Code, kind: a.Kind, tokens: strings.Fields(n)}
		}
	}
	return nil
}

// dateRange returns the days an event may have happened on and whether
// the date is stated in the text. An event without a date of its own
// falls back on the publication date, loosely.
func dateRange(e *khaldun.Event, published string) (lo, hi int, stated bool) {
	d, stated := e.Date, e.DateText != ""
	if d == "" {
		d, stated = published, false
	}
	lo, hi, ok := days(d)
	if !ok || hi-lo > maxSpan {
		return 1, 0, false
	}
	if hi > lo {
		stated = false // a month: loose
	}
	return lo, hi, stated
}

// days turns YYYY-MM-DD or YYYY-MM into an inclusive range of day numbers.
func days(d string) (lo, hi int, ok bool) {
	const day = 24 * time.Hour
	if t, err := time.Parse("2006-01-02", d); err == nil {
		n := int(t.Unix() / int64(day/time.Second))
		return n, n, true
	}
	if t, err := time.Parse("2006-01", d); err == nil {
		end := t.AddDate(0, 1, -1)
		return int(t.Unix() / int64(day/time.Second)), int(end.Unix() / int64(day/time.Second)), true
	}
	return 0, 0, false
}

func dayString(n int) string {
	return time.Unix(int64(n)*86400, 0).UTC().Format("2006-01-02")
}

// sourceKey names the outlet of an article: its source, else the host of
// its URL, else the article itself.
func sourceKey(r *khaldun.Record) string {
	if s := kb.Normalize(r.Source); s != "" {
		return s
	}
	if u, err := url.Parse(r.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	}
	return "article:" + r.ID
}
