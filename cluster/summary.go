package cluster

import (
	"sort"
	"strconv"
	"strings"

	"github.com/khaldun/khaldun/kb"
)

// summarise turns a group of mentions into a cluster: the values most
// mentions give, the counts, and the disagreements.
func summarise(g []*item) Cluster {
	sort.SliceStable(g, func(i, j int) bool {
		if g[i].rec.ID != g[j].rec.ID {
			return g[i].rec.ID < g[j].rec.ID
		}
		return g[i].ev.ID < g[j].ev.ID
	})
	var c Cluster
	cameo := modal(g, func(it *item) string { return it.ev.CAMEO })
	for _, it := range g {
		if it.ev.CAMEO == cameo {
			c.Type, c.CAMEO, c.Goldstein, c.Quad = it.ev.Type, it.ev.CAMEO, it.ev.Goldstein, it.ev.Quad
			c.Mode, c.Negated = it.ev.Mode, it.ev.Negated
			break
		}
	}
	c.Date = modal(g, func(it *item) string {
		if it.stated {
			return it.ev.Date
		}
		return ""
	})
	if c.Date == "" {
		c.Date = modal(g, func(it *item) string {
			if it.dated() {
				if it.lo == it.hi {
					return dayString(it.lo)
				}
				return it.ev.Date
			}
			return ""
		})
	}
	c.Source = modalActor(g, func(it *item) *side { return it.src })
	c.Target = modalActor(g, func(it *item) *side { return it.tgt })
	if name := modal(g, func(it *item) string { return specificPlace(it, g) }); name != "" {
		for _, it := range g {
			if placeName(it) == name {
				p := it.place
				c.Place = &Place{Name: p.Name, Country: p.Country, Admin1: p.Admin1, Lat: p.Lat, Lon: p.Lon, GeoNames: p.GeoNames}
				break
			}
		}
	}
	articles := map[string]bool{}
	for _, it := range g {
		articles[it.rec.ID] = true
		m := Mention{Article: it.rec.ID, Event: it.ev.ID, Source: it.rec.Source, URL: it.rec.URL,
			Published: it.rec.Published, Date: it.ev.Date, DateText: it.ev.DateText, CAMEO: it.ev.CAMEO,
			Sentence: it.sentence, Killed: it.killed, Wounded: it.wounded}
		if it.place != nil {
			m.Place = it.place.Name
		}
		c.Mentions = append(c.Mentions, m)
	}
	c.Articles = len(articles)
	c.Sources = independentSources(g)
	c.Disagree = disagreements(g)
	return c
}

// specificPlace names the place of it unless it is a country or province
// that holds the place another mention gives.
func specificPlace(it *item, g []*item) string {
	if it.place == nil {
		return ""
	}
	for _, o := range g {
		if o.place != nil && o.place.Name != it.place.Name && contains(it.place, o.place) {
			return ""
		}
	}
	return it.place.Name
}

func placeName(it *item) string {
	if it.place == nil {
		return ""
	}
	return it.place.Name
}

// modal returns the non-empty value most items give, the smallest on a tie.
func modal(g []*item, f func(*item) string) string {
	n := map[string]int{}
	for _, it := range g {
		if v := f(it); v != "" {
			n[v]++
		}
	}
	best := ""
	for v, k := range n {
		if k > n[best] || (k == n[best] && v < best) {
			best = v
		}
	}
	return best
}

func modalActor(g []*item, f func(*item) *side) *Actor {
	name := modal(g, func(it *item) string {
		if s := f(it); s != nil {
			return s.name
		}
		return ""
	})
	if name == "" {
		return nil
	}
	code := modal(g, func(it *item) string {
		if s := f(it); s != nil && s.name == name {
			return s.code
		}
		return ""
	})
	return &Actor{Name: name, Code: code}
}

// independentSources counts outlets, joining outlets that print the same
// sentence word for word (a wire copy).
func independentSources(g []*item) int {
	parent := map[string]string{}
	var find func(string) string
	find = func(s string) string {
		if parent[s] == s {
			return s
		}
		parent[s] = find(parent[s])
		return parent[s]
	}
	bySentence := map[string]string{}
	for _, it := range g {
		if _, ok := parent[it.sourceKey]; !ok {
			parent[it.sourceKey] = it.sourceKey
		}
		key := kb.Normalize(it.sentence)
		if len(key) < 40 {
			continue // short sentences repeat by chance
		}
		// a copy may carry its own dateline before the same sentence:
		// "BAMAKO (Wire) - Fighters attacked ..." and "Fighters attacked ..."
		joined := false
		for k, other := range bySentence {
			if k == key || strings.HasSuffix(k, key) || strings.HasSuffix(key, k) {
				parent[find(it.sourceKey)] = find(other)
				joined = true
				break
			}
		}
		if !joined {
			bySentence[key] = it.sourceKey
		}
	}
	n := 0
	for s := range parent {
		if find(s) == s {
			n++
		}
	}
	return n
}

// disagreements lists the fields on which the mentions differ: stated
// dates, places, CAMEO codes and tolls.
func disagreements(g []*item) []Disagreement {
	fields := []struct {
		name string
		f    func(*item) string
	}{
		{"date", func(it *item) string {
			if it.stated {
				return it.ev.Date
			}
			return ""
		}},
		{"place", func(it *item) string { return specificPlace(it, g) }},
		{"cameo", func(it *item) string { return it.ev.CAMEO }},
		{"killed", func(it *item) string { return count(it.killed) }},
		{"wounded", func(it *item) string { return count(it.wounded) }},
	}
	var out []Disagreement
	for _, fd := range fields {
		arts := map[string][]string{}
		for _, it := range g {
			v := fd.f(it)
			if v == "" {
				continue
			}
			if l := arts[v]; len(l) == 0 || l[len(l)-1] != it.rec.ID {
				arts[v] = append(l, it.rec.ID)
			}
		}
		if len(arts) < 2 {
			continue
		}
		d := Disagreement{Field: fd.name}
		for v, a := range arts {
			d.Values = append(d.Values, Value{Value: v, Articles: a})
		}
		sort.Slice(d.Values, func(i, j int) bool {
			a, b := d.Values[i].Value, d.Values[j].Value
			if len(a) != len(b) && (fd.name == "killed" || fd.name == "wounded") {
				return len(a) < len(b) // numbers
			}
			return a < b
		})
		out = append(out, d)
	}
	return out
}

func count(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
