package storesql

import (
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

var (
	lite = Dialect{
		ILike: "LIKE",
		SearchText: func(s string) (string, bool) {
			w := Words(s)
			return strings.Join(w, " "), len(w) > 0
		},
		ArticleSearch: "a.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
		QuoteSearch:   "q.qk IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)",
	}
	pg = Dialect{
		ILike:         "ILIKE",
		DateBound:     ` COLLATE "C"`,
		SearchText:    lite.SearchText,
		ArticleSearch: "a.tsv @@ plainto_tsquery('english', ?)",
		QuoteSearch:   "q.tsv @@ plainto_tsquery('english', ?)",
	}
)

// builders are the five condition builders, each reporting ok.
var builders = map[string]func(Dialect, khaldun.Filter) (string, []any, bool){
	"events":   Dialect.Events,
	"quotes":   Dialect.Quotes,
	"actors":   Dialect.Actors,
	"articles": Dialect.Articles,
	"failures": func(d Dialect, f khaldun.Filter) (string, []any, bool) {
		c, a := d.Failures(f)
		return c, a, true
	},
}

func TestPlaceholdersMatchArgs(t *testing.T) {
	filters := []struct {
		name string
		f    khaldun.Filter
	}{
		{"none", khaldun.Filter{}},
		{"siege of Deir ez-Zor", khaldun.Filter{Type: "fight", CAMEO: "19", Actor: "Syrian Army", Country: "SYR",
			Place: "Deir ez-Zor", From: "2017-09", To: "2017-10-01", Source: "Reuters", Search: "siege lifted", Limit: 20}},
		{"Iranian quotes", khaldun.Filter{Actor: "IRN", Country: "irn", Type: "consult"}},
		{"percent in source", khaldun.Filter{Source: "100%_news\\wire"}},
	}
	for _, d := range []struct {
		name string
		d    Dialect
	}{{"sqlite", lite}, {"postgres", pg}} {
		for _, tc := range filters {
			for name, build := range builders {
				t.Run(d.name+"/"+tc.name+"/"+name, func(t *testing.T) {
					cond, args, ok := build(d.d, tc.f)
					if !ok {
						t.Fatalf("%+v: ok false, want true", tc.f)
					}
					if n := strings.Count(cond, "?"); n != len(args) {
						t.Errorf("%d placeholders, %d args %v in\n%s", n, len(args), args, cond)
					}
					if d.name == "sqlite" && strings.Contains(cond, "ILIKE") {
						t.Errorf("ILIKE in SQLite condition %s", cond)
					}
				})
			}
		}
	}
}

func TestConditions(t *testing.T) {
	cases := []struct {
		name     string
		d        Dialect
		build    func(Dialect, khaldun.Filter) (string, []any, bool)
		f        khaldun.Filter
		want     string
		wantArgs []any
	}{
		{"sqlite events by actor and month", lite, Dialect.Events, khaldun.Filter{Actor: "Kurdish_50%", From: "2017-09", To: "2017-09"},
			`(e.src_name LIKE ? ESCAPE '\' OR e.src_code LIKE ? ESCAPE '\' OR e.tgt_name LIKE ? ESCAPE '\' OR e.tgt_code LIKE ? ESCAPE '\') AND e.day >= ? AND e.day <= ?`,
			[]any{`%Kurdish\_50\%%`, `Kurdish\_50\%%`, `%Kurdish\_50\%%`, `Kurdish\_50\%%`, "2017-09", "2017-09~"}},
		{"postgres quotes on their article's events", pg, Dialect.Quotes, khaldun.Filter{CAMEO: "04", From: "2019"},
			`q.article IN (SELECT a.pk FROM articles a WHERE EXISTS (SELECT 1 FROM events e WHERE e.article = a.pk AND e.cameo LIKE ? ESCAPE '\')) AND a.published >= ? COLLATE "C"`,
			[]any{"04%", "2019"}},
		{"postgres articles by place and search", pg, Dialect.Articles, khaldun.Filter{Place: "Mosul", Search: "Nineveh offensive"},
			`EXISTS (SELECT 1 FROM places p WHERE p.article = a.pk AND p.name ILIKE ? ESCAPE '\') AND a.tsv @@ plainto_tsquery('english', ?)`,
			[]any{"%Mosul%", "Nineveh offensive"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, args, ok := tc.build(tc.d, tc.f)
			if !ok || got != tc.want || !equal(args, tc.wantArgs) {
				t.Errorf("got %v\n%s\n%q\nwant\n%s\n%q", ok, got, args, tc.want, tc.wantArgs)
			}
		})
	}
}

func TestSearchWithoutWordsMatchesNothing(t *testing.T) {
	f := khaldun.Filter{Search: `*()"&|!`, Country: "IRQ"}
	for name, build := range builders {
		if name == "failures" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			if cond, args, ok := build(lite, f); ok {
				t.Errorf("ok true with %s %v, want false", cond, args)
			}
		})
	}
}

func equal(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
