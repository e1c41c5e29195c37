package cluster_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/article"
	"github.com/khaldun/khaldun/cluster"
	"github.com/khaldun/khaldun/coder"
	"github.com/khaldun/khaldun/internal/sharedtest"
)

// TestFakesSyria codes the FA-KES corpus (789 reports on the Syrian war
// from 15 outlets) and clusters its events. It checks the invariants and
// logs the figures and the largest multi-source clusters for reading.
func TestFakesSyria(t *testing.T) {
	if testing.Short() {
		t.Skip("codes a whole corpus; skipped with -short")
	}
	path := sharedtest.Path(t, "corpus", "fakes-syria.jsonl")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	arts, errs := article.Read(path, data, article.Options{})
	if len(errs) > 0 {
		t.Logf("%d articles could not be read, first: %v", len(errs), errs[0])
	}
	c, err := coder.New(coder.Config{})
	if err != nil {
		t.Fatal(err)
	}
	recs := make([]khaldun.Record, len(arts))
	events := 0
	for i, a := range arts {
		recs[i] = c.Code(a)
		events += len(recs[i].Events)
	}
	cs := cluster.Build(recs)

	seen := 0
	multiArticle, multiSource := 0, 0
	for _, cl := range cs {
		seen += len(cl.Mentions)
		if cl.Articles < 1 || cl.Sources < 1 || cl.Sources > cl.Articles || cl.Articles > len(cl.Mentions) {
			t.Errorf("%s: %d mentions, %d articles, %d sources: counts out of order", cl.ID, len(cl.Mentions), cl.Articles, cl.Sources)
		}
		if cl.Articles > 1 {
			multiArticle++
		}
		if cl.Sources > 1 {
			multiSource++
		}
	}
	if seen != events {
		t.Errorf("clusters hold %d mentions, the records %d events", seen, events)
	}
	t.Logf("%d articles, %d events → %d clusters; %d of more than one article, %d of more than one source",
		len(recs), events, len(cs), multiArticle, multiSource)

	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Sources > cs[j].Sources })
	for _, cl := range cs[:min(6, len(cs))] {
		if cl.Sources < 2 {
			break
		}
		t.Log(show(cl))
	}
}

func show(c cluster.Cluster) string {
	var b strings.Builder
	name := func(a *cluster.Actor) string {
		if a == nil {
			return "-"
		}
		return a.Name + "/" + a.Code
	}
	place := "-"
	if c.Place != nil {
		place = c.Place.Name
	}
	fmt.Fprintf(&b, "%s %s %s %s → %s at %s on %s: %d articles, %d sources", c.ID, c.Type, c.CAMEO,
		name(c.Source), name(c.Target), place, c.Date, c.Articles, c.Sources)
	for _, d := range c.Disagree {
		var vs []string
		for _, v := range d.Values {
			vs = append(vs, fmt.Sprintf("%s×%d", v.Value, len(v.Articles)))
		}
		fmt.Fprintf(&b, "\n    disagree on %s: %s", d.Field, strings.Join(vs, ", "))
	}
	for _, m := range c.Mentions {
		s := m.Sentence
		if len(s) > 160 {
			s = s[:160] + "…"
		}
		fmt.Fprintf(&b, "\n    %s (%s, %s): %s", m.Article, m.Source, m.Date, s)
	}
	return b.String()
}
