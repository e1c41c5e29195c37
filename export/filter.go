package export

import (
	"strings"

	"github.com/khaldun/khaldun"
)

// Match reports whether an event of r passes f, read as the store reads
// it for events (see khaldun.Filter): Type, CAMEO (a prefix), Actor (a
// name substring or a code prefix, on source or target), Country (of
// source, target or place), Place (a name substring), From and To (the
// event's date, else the publication date), Source (the outlet, a
// substring) and Search (every word in the title or text, any case;
// without the store's stemming). Limit is not applied here.
func Match(f *khaldun.Filter, r *khaldun.Record, e *khaldun.Event) bool {
	if f == nil {
		return true
	}
	it := resolve(r, e)
	if f.Type != "" && !strings.EqualFold(e.Type, f.Type) {
		return false
	}
	if f.CAMEO != "" && !strings.HasPrefix(e.CAMEO, f.CAMEO) {
		return false
	}
	if f.Actor != "" && !actorMatches(it.src, f.Actor) && !actorMatches(it.tgt, f.Actor) {
		return false
	}
	if c := f.Country; c != "" {
		in := func(s string) bool { return strings.EqualFold(s, c) }
		ok := (it.src != nil && in(it.src.Country)) || (it.tgt != nil && in(it.tgt.Country)) ||
			(it.place != nil && in(it.place.Country))
		if !ok {
			return false
		}
	}
	if f.Place != "" && (it.place == nil || !containsFold(it.place.Name, f.Place)) {
		return false
	}
	date := e.Date
	if date == "" {
		date = r.Published
	}
	if f.From != "" && date < f.From {
		return false
	}
	if f.To != "" && date > f.To && !strings.HasPrefix(date, f.To) {
		return false
	}
	if f.Source != "" && !containsFold(r.Source, f.Source) {
		return false
	}
	if f.Search != "" {
		body := strings.ToLower(r.Title + " " + r.Text)
		for _, w := range strings.FieldsFunc(strings.ToLower(f.Search), notWord) {
			if !strings.Contains(body, w) {
				return false
			}
		}
	}
	return true
}

func actorMatches(a *khaldun.Actor, q string) bool {
	if a == nil {
		return false
	}
	return containsFold(a.Name, q) || (a.Code != "" && strings.HasPrefix(strings.ToUpper(a.Code), strings.ToUpper(q)))
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

func notWord(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
}
