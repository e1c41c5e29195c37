package eval

import (
	"fmt"
	"sort"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/kb"
)

// geoWebNewsToponyms are the GeoWebNews types khaldun claims to find:
// names of places, whether used literally, as modifiers, metonymically or
// embedded in a longer name, i.e. the types that carry coordinates.
// Demonyms, languages, homonyms, non-toponyms and expressions that are
// not names ("the community") are left out: a coded mention on one of
// those is neither right nor wrong.
var geoWebNewsToponyms = map[string]bool{
	"Literal": true, "Literal_Modifier": true, "Non_Literal_Modifier": true, "Metonymic": true,
	"Mixed": true, "Coercion": true, "Embedded_Literal": true, "Embedded_Non_Lit": true,
}

// AccuracyKm is the distance within which a resolved toponym counts as
// right (100 miles, the usual threshold).
const AccuracyKm = 161

// placeMention is one coded toponym mention, with coordinates when known.
type placeMention struct {
	span     khaldun.Span
	name     string
	hasCoord bool
	lat, lon float64
}

// codedToponyms lists a record's place mentions and the mentions of its
// country actors that name the country (not demonyms), one per span;
// a span that is also a place mention takes the place's coordinates.
func codedToponyms(rec *khaldun.Record) []placeMention {
	by := map[khaldun.Span]placeMention{}
	for _, p := range rec.Places {
		has := p.Lat != 0 || p.Lon != 0
		for _, m := range p.Mentions {
			if old, ok := by[m]; ok && old.hasCoord {
				continue
			}
			by[m] = placeMention{span: m, name: p.Name, hasCoord: has, lat: p.Lat, lon: p.Lon}
		}
	}
	for _, a := range rec.Actors {
		if a.Kind != khaldun.KindCountry {
			continue
		}
		for _, m := range a.Mentions {
			if _, ok := by[m]; ok || isDemonym(m.In(rec.Text), a.Name) || !isName(m.In(rec.Text)) {
				continue
			}
			by[m] = placeMention{span: m, name: a.Name}
		}
	}
	out := make([]placeMention, 0, len(by))
	for _, m := range by {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].span.Start < out[j].span.Start })
	return out
}

// scoreToponyms scores recognition (exact and overlapping spans, P/R/F1)
// and resolution: over the gold toponyms with coordinates that an
// overlapping coded mention with coordinates was paired with, the share
// within AccuracyKm ("acc161") and the median error; "acc161_all" divides
// by every gold toponym with coordinates, found or not.
func scoreToponyms(recs []coded) ([]Score, []Case) {
	var exact, over PRF
	var dists []float64
	within, withCoord := 0, 0
	var cases []Case
	for _, c := range recs {
		text := c.item.Article.Text
		u := newUnitCases(c.item.Article.ID, text, nil)
		var gold []Toponym
		var ignored []khaldun.Span
		for _, t := range c.item.Gold.Toponyms {
			if t.Type != "" && !geoWebNewsToponyms[t.Type] {
				ignored = append(ignored, t.Span)
				continue
			}
			gold = append(gold, t)
		}
		var pred []placeMention
		for _, p := range codedToponyms(&c.rec) {
			if overlapsAny(p.span, ignored) && !overlapsAny(p.span, toponymSpans(gold)) {
				continue
			}
			pred = append(pred, p)
		}
		gs := toponymSpans(gold)
		ps := make([]khaldun.Span, len(pred))
		for i, p := range pred {
			ps[i] = p.span
		}
		exact.plus(countMatches(matchSpans(gs, ps, true), len(ps)))
		m := matchSpans(gs, ps, false)
		over.plus(countMatches(m, len(ps)))
		used := make([]bool, len(pred))
		for i, g := range gold {
			j := m[i]
			if j >= 0 {
				used[j] = true
			}
			if !g.HasCoord {
				if j < 0 {
					u.expected(g.Span.Start, quoted(text, g.Span))
				}
				continue
			}
			withCoord++
			want := fmt.Sprintf("%s at %.2f,%.2f", quoted(text, g.Span), g.Lat, g.Lon)
			if j < 0 {
				u.expected(g.Span.Start, want)
				continue
			}
			p := pred[j]
			if !p.hasCoord {
				continue
			}
			d := kb.DistanceKm(g.Lat, g.Lon, p.lat, p.lon)
			dists = append(dists, d)
			if d <= AccuracyKm {
				within++
				continue
			}
			u.expected(g.Span.Start, want)
			u.produced(g.Span.Start, fmt.Sprintf("%s at %.2f,%.2f (%.0f km off)", p.name, p.lat, p.lon, d))
		}
		for j, p := range pred {
			if !used[j] {
				u.produced(p.span.Start, quoted(text, p.span)+" as "+p.name)
			}
		}
		cases = append(cases, u.list()...)
	}
	return []Score{
		{Name: "recognition_exact", PRF: &exact},
		{Name: "recognition_overlap", PRF: &over},
		{Name: "acc161", Value: ratio(within, len(dists)), N: len(dists)},
		{Name: "acc161_all", Value: ratio(within, withCoord), N: withCoord},
		{Name: "median_km", Value: median(dists), N: len(dists), Lower: true},
	}, cases
}

func toponymSpans(ts []Toponym) []khaldun.Span {
	out := make([]khaldun.Span, len(ts))
	for i, t := range ts {
		out[i] = t.Span
	}
	return out
}

func overlapsAny(s khaldun.Span, ss []khaldun.Span) bool {
	for _, t := range ss {
		if s.Overlaps(t) {
			return true
		}
	}
	return false
}

// median of xs; 0 when empty.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
