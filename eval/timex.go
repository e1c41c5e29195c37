package eval

import (
	"strings"

	"github.com/khaldun/khaldun"
)

// isDateValue reports whether a coded value is a date (2017-09-05,
// 2017-09, 2017-W36, 2017, PRESENT_REF) rather than a duration (P3Y)
// or a set.
func isDateValue(v string) bool {
	return v != "" && !strings.HasPrefix(v, "P") || v == "PRESENT_REF" || v == "PAST_REF"
}

// scoreTimex scores DATE expressions: spans exactly and by overlap
// (P/R/F1), and values on the overlap pairs ("value_acc"), and as P/R/F1
// where a hit needs an overlapping span and the same value ("value").
// Coded dates that overlap only a gold TIME, DURATION or SET expression
// are neither right nor wrong.
func scoreTimex(recs []coded) ([]Score, []Case) {
	var exact, over, value PRF
	right, paired := 0, 0
	var cases []Case
	for _, c := range recs {
		text := c.item.Article.Text
		u := newUnitCases(c.item.Article.ID, text, nil)
		var gold []Timex
		var gs, other []khaldun.Span
		for _, t := range c.item.Gold.Timexes {
			if t.Type == "DATE" {
				gold = append(gold, t)
				gs = append(gs, t.Span)
			} else {
				other = append(other, t.Span)
			}
		}
		var pred []khaldun.Date
		var ps []khaldun.Span
		for _, d := range c.rec.Dates {
			if !isDateValue(d.Value) {
				continue
			}
			if overlapsAny(d.Span(), other) && !overlapsAny(d.Span(), gs) {
				continue
			}
			pred = append(pred, d)
			ps = append(ps, d.Span())
		}
		exact.plus(countMatches(matchSpans(gs, ps, true), len(ps)))
		m := matchSpans(gs, ps, false)
		over.plus(countMatches(m, len(ps)))
		value.Gold += len(gs)
		value.Pred += len(ps)
		used := make([]bool, len(pred))
		for i, g := range gold {
			j := m[i]
			want := quoted(text, g.Span) + " = " + g.Value
			if j < 0 {
				u.expected(g.Span.Start, want)
				continue
			}
			used[j] = true
			paired++
			if pred[j].Value == g.Value {
				right++
				value.hit()
				continue
			}
			u.expected(g.Span.Start, want)
			u.produced(g.Span.Start, quoted(text, pred[j].Span())+" = "+pred[j].Value)
		}
		for j, p := range pred {
			if !used[j] {
				u.produced(p.Start, quoted(text, p.Span())+" = "+p.Value)
			}
		}
		cases = append(cases, u.list()...)
	}
	return []Score{
		{Name: "span_exact", PRF: &exact},
		{Name: "span_overlap", PRF: &over},
		{Name: "value", PRF: &value},
		{Name: "value_acc", Value: ratio(right, paired), N: paired},
	}, cases
}
