package cluster

import (
	"fmt"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/event"
)

// report is one composed article reporting one event.
type report struct {
	id, outlet, published string
	sentence              string
	typ, cameo            string
	src, srcCode, srcKind string
	tgt, tgtCode, tgtKind string
	place                 *khaldun.Place
	date, dateText        string
	mode                  string
}

var (
	douma  = &khaldun.Place{Name: "Douma", Country: "SYR", Admin1: "Rif Dimashq", Lat: 33.5711, Lon: 36.4019, GeoNames: 170592, Feature: "city"}
	harast = &khaldun.Place{Name: "Harasta", Country: "SYR", Admin1: "Rif Dimashq", Lat: 33.5583, Lon: 36.365, GeoNames: 170418, Feature: "city"}
	ghouta = &khaldun.Place{Name: "Rif Dimashq", Country: "SYR", Lat: 33.5, Lon: 36.6, Feature: "admin1"}
	syria  = &khaldun.Place{Name: "Syria", Country: "SYR", Lat: 35.0, Lon: 38.5, Feature: "country"}
	aleppo = &khaldun.Place{Name: "Aleppo", Country: "SYR", Admin1: "Aleppo", Lat: 36.2021, Lon: 37.1343, GeoNames: 170063, Feature: "city"}
	ankara = &khaldun.Place{Name: "Ankara", Country: "TUR", Admin1: "Ankara", Lat: 39.91987, Lon: 32.85427, GeoNames: 323786, Feature: "capital"}
)

func (r report) record() khaldun.Record {
	text := r.sentence
	rec := khaldun.Record{Article: khaldun.Article{ID: r.id, Source: r.outlet, Published: r.published, Text: text}}
	ev := khaldun.Event{ID: "e1", Type: r.typ, CAMEO: r.cameo, Date: r.date, DateText: r.dateText,
		Mode: r.mode, Sentence: khaldun.Span{Start: 0, End: len(text)}}
	ev.Killed, ev.Wounded = event.Tolls(text) // as the coder reads them
	add := func(name, code, kind string) string {
		if name == "" {
			return ""
		}
		id := fmt.Sprintf("a%d", len(rec.Actors)+1)
		at := strings.Index(text, name)
		rec.Actors = append(rec.Actors, khaldun.Actor{ID: id, Name: name, Code: code, Kind: kind,
			Mentions: []khaldun.Span{{Start: at, End: at + len(name)}}})
		return id
	}
	ev.Source = add(r.src, r.srcCode, r.srcKind)
	ev.Target = add(r.tgt, r.tgtCode, r.tgtKind)
	if r.place != nil {
		p := *r.place
		p.ID = "p1"
		rec.Places = append(rec.Places, p)
		ev.Place = "p1"
	}
	rec.Events = []khaldun.Event{ev}
	return rec
}

// airstrike returns a report of the 7 April 2018 air strike on Douma as
// outlet tells it; tweak changes the details.
func airstrike(id, outlet, sentence string, tweak func(*report)) report {
	r := report{id: id, outlet: outlet, published: "2018-04-08", sentence: sentence,
		typ: "ASSAULT", cameo: "195", src: "Syrian army", srcCode: "SYRMIL", srcKind: khaldun.KindOrganization,
		place: douma, date: "2018-04-07", dateText: "Saturday"}
	if tweak != nil {
		tweak(&r)
	}
	return r
}

func TestBuild(t *testing.T) {
	type want struct {
		articles, sources int
		disagree          []string // fields
	}
	cases := []struct {
		name    string
		reports []report
		want    []want // one per cluster, in output order
	}{
		{
			name: "three outlets one air strike",
			reports: []report{
				airstrike("sana-1", "SANA", "The Syrian army struck positions in Douma on Saturday, killing 12 terrorists.", nil),
				airstrike("alarabiya-7", "Al Arabiya", "Syrian government aircraft bombed residential areas of Douma late on Friday, killing at least 40 civilians.", func(r *report) {
					r.src, r.srcCode, r.date, r.dateText, r.cameo = "Syrian government", "SYRGOV", "2018-04-06", "Friday", "190"
				}),
				airstrike("reuters-3", "Reuters", "Air strikes hit the rebel-held town of Douma, rescuers said, where 40 people were killed.", func(r *report) {
					r.src, r.srcCode, r.date, r.dateText = "", "", "", ""
				}),
			},
			want: []want{{articles: 3, sources: 3, disagree: []string{"date", "cameo", "killed"}}},
		},
		{
			name: "wire copies count once",
			reports: []report{
				airstrike("afp-1", "AFP", "Syrian army helicopters dropped barrel bombs on Douma on Saturday, a monitor said.", nil),
				airstrike("daily-star-9", "Daily Star", "Syrian army helicopters dropped barrel bombs on Douma on Saturday, a monitor said.", nil),
				airstrike("new-arab-2", "The New Arab", "Barrel bombs dropped by the Syrian army fell on Douma on Saturday.", nil),
			},
			want: []want{{articles: 3, sources: 2}},
		},
		{
			name: "a country and its army, a town and its province",
			reports: []report{
				airstrike("a", "Daily Sabah", "Syria shelled Douma on Saturday.", func(r *report) { r.src, r.srcCode, r.srcKind = "Syria", "SYR", khaldun.KindCountry }),
				airstrike("b", "TRT World", "The Syrian army shelled towns in Rif Dimashq on Saturday.", func(r *report) { r.place = ghouta }),
				airstrike("c", "Al-Manar", "The Syrian army shelled Harasta on Saturday.", func(r *report) { r.place = harast }),
			},
			want: []want{{articles: 3, sources: 3, disagree: []string{"place"}}},
		},
		{
			name: "places far apart stay apart",
			reports: []report{
				airstrike("a", "SANA", "The Syrian army struck Douma on Saturday.", nil),
				airstrike("b", "SANA", "The Syrian army struck Aleppo on Saturday.", func(r *report) { r.place = aleppo }),
			},
			want: []want{{articles: 1, sources: 1}, {articles: 1, sources: 1}},
		},
		{
			name: "dates a week apart stay apart",
			reports: []report{
				airstrike("a", "SANA", "The Syrian army struck Douma on Saturday.", nil),
				airstrike("b", "TASS", "The Syrian army struck Douma on Sunday.", func(r *report) { r.date, r.dateText = "2018-04-15", "Sunday" }),
			},
			want: []want{{articles: 1, sources: 1}, {articles: 1, sources: 1}},
		},
		{
			name: "a fallback date counts loosely",
			reports: []report{
				airstrike("a", "SANA", "The Syrian army struck Douma on Saturday.", nil),
				airstrike("b", "TASS", "The Syrian army struck Douma, the ministry said.", func(r *report) {
					r.date, r.dateText, r.published = "2018-04-09", "", "2018-04-09"
				}),
			},
			want: []want{{articles: 2, sources: 2}},
		},
		{
			name: "different event types stay apart",
			reports: []report{
				airstrike("a", "SANA", "The Syrian army struck Douma on Saturday.", nil),
				airstrike("b", "SANA", "The Syrian army opened a corridor in Douma on Saturday.", func(r *report) { r.typ, r.cameo = "AID", "0743" }),
			},
			want: []want{{articles: 1, sources: 1}, {articles: 1, sources: 1}},
		},
		{
			name: "two ministers of one government are two meetings",
			reports: []report{
				{id: "a", outlet: "Anadolu", published: "2025-03-03", sentence: "Selim Aydoğan met Nurlan Abenov in Ankara on Monday.",
					typ: "CONSULT", cameo: "040", src: "Selim Aydoğan", srcCode: "TURGOV", srcKind: khaldun.KindPerson,
					tgt: "Nurlan Abenov", tgtCode: "KAZGOV", tgtKind: khaldun.KindPerson, place: ankara, date: "2025-03-03", dateText: "Monday"},
				{id: "b", outlet: "Hurriyet", published: "2025-03-03", sentence: "Hakan Fidan met Nurlan Abenov in Ankara on Monday.",
					typ: "CONSULT", cameo: "040", src: "Hakan Fidan", srcCode: "TURGOV", srcKind: khaldun.KindPerson,
					tgt: "Nurlan Abenov", tgtCode: "KAZGOV", tgtKind: khaldun.KindPerson, place: ankara, date: "2025-03-03", dateText: "Monday"},
				{id: "c", outlet: "Kazinform", published: "2025-03-04", sentence: "Abenov held talks with Aydogan in Ankara.",
					typ: "CONSULT", cameo: "040", src: "Nurlan Abenov", srcCode: "KAZGOV", srcKind: khaldun.KindPerson,
					tgt: "Selim Aydogan", tgtCode: "TURGOV", tgtKind: khaldun.KindPerson, place: ankara},
				{id: "d", outlet: "Trend", published: "2025-03-03", sentence: "Turkish deputy minister Aydogan held talks with Abenov on Monday.",
					typ: "CONSULT", cameo: "040", src: "Aydogan", srcCode: "TURGOV", srcKind: khaldun.KindPerson,
					tgt: "Abenov", tgtCode: "KAZGOV", tgtKind: khaldun.KindPerson, date: "2025-03-03", dateText: "Monday"},
			},
			// c has source and target the other way round: a separate report
			want: []want{{articles: 2, sources: 2}, {articles: 1, sources: 1}, {articles: 1, sources: 1}},
		},
		{
			name: "nothing named is not clustered",
			reports: []report{
				airstrike("a", "SANA", "Shells fell on Saturday.", func(r *report) { r.src, r.place = "", nil }),
				airstrike("b", "TASS", "Shells fell on Saturday.", func(r *report) { r.src, r.place = "", nil }),
			},
			want: []want{{articles: 1, sources: 1}, {articles: 1, sources: 1}},
		},
		{
			name: "a country-wide report joins a town's",
			reports: []report{
				airstrike("a", "SANA", "The Syrian army struck Douma on Saturday.", nil),
				airstrike("b", "Sputnik", "The Syrian army struck in Syria on Saturday.", func(r *report) { r.place = syria }),
			},
			want: []want{{articles: 2, sources: 2}},
		},
		{
			name: "an intention is not the act",
			reports: []report{
				airstrike("a", "SANA", "The Syrian army struck Douma on Saturday.", nil),
				airstrike("b", "SANA", "The Syrian army will strike Douma on Saturday.", func(r *report) { r.mode = khaldun.ModeIntention }),
			},
			want: []want{{articles: 1, sources: 1}, {articles: 1, sources: 1}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var recs []khaldun.Record
			for _, r := range tc.reports {
				recs = append(recs, r.record())
			}
			got := Build(recs)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d clusters, want %d:\n%s", len(got), len(tc.want), describe(got))
			}
			for i, w := range tc.want {
				c := got[i]
				var fields []string
				for _, d := range c.Disagree {
					fields = append(fields, d.Field)
				}
				if c.Articles != w.articles || c.Sources != w.sources || strings.Join(fields, ",") != strings.Join(w.disagree, ",") {
					t.Errorf("cluster %d: got %d articles, %d sources, disagreement on %v; want %d, %d, %v\n%s",
						i, c.Articles, c.Sources, fields, w.articles, w.sources, w.disagree, describe(got))
				}
			}
		})
	}
}

func TestBuildSummary(t *testing.T) {
	recs := []khaldun.Record{
		airstrike("sana-1", "SANA", "The Syrian army struck positions in Douma on Saturday, killing 12 terrorists.", nil).record(),
		airstrike("tass-2", "TASS", "The Syrian army struck Douma on Saturday; 12 militants were killed.", nil).record(),
		airstrike("alarabiya-7", "Al Arabiya", "Syrian government aircraft bombed Douma on Friday, killing at least 40 civilians.", func(r *report) {
			r.src, r.srcCode, r.date, r.dateText = "Syrian government", "SYRGOV", "2018-04-06", "Friday"
		}).record(),
	}
	got := Build(recs)
	if len(got) != 1 {
		t.Fatalf("got %d clusters, want 1:\n%s", len(got), describe(got))
	}
	c := got[0]
	if c.Date != "2018-04-07" || c.Source == nil || c.Source.Name != "Syrian army" || c.Place == nil || c.Place.Name != "Douma" || c.CAMEO != "195" {
		t.Errorf("got date %s, source %+v, place %+v, cameo %s; want 2018-04-07, Syrian army, Douma, 195", c.Date, c.Source, c.Place, c.CAMEO)
	}
	want := "date: 2018-04-06 [alarabiya-7] | 2018-04-07 [sana-1 tass-2]; killed: 12 [sana-1 tass-2] | 40 [alarabiya-7]"
	if got := disagreeString(c.Disagree); got != want {
		t.Errorf("disagreements:\n got %s\nwant %s", got, want)
	}
	idx := Index(got)
	if i, ok := idx[Key{"tass-2", "e1"}]; !ok || i != 0 {
		t.Errorf("Index: tass-2/e1 → %d, %v; want 0, true", i, ok)
	}
}

func disagreeString(ds []Disagreement) string {
	var parts []string
	for _, d := range ds {
		var vs []string
		for _, v := range d.Values {
			vs = append(vs, fmt.Sprintf("%s %v", v.Value, v.Articles))
		}
		parts = append(parts, d.Field+": "+strings.Join(vs, " | "))
	}
	return strings.Join(parts, "; ")
}

func describe(cs []Cluster) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "  %s %s %s %s articles=%d sources=%d disagree=%s\n", c.ID, c.CAMEO, c.Date, placeOf(c), c.Articles, c.Sources, disagreeString(c.Disagree))
		for _, m := range c.Mentions {
			fmt.Fprintf(&b, "    %s/%s %s: %s\n", m.Article, m.Event, m.Source, m.Sentence)
		}
	}
	return b.String()
}

func placeOf(c Cluster) string {
	if c.Place == nil {
		return "-"
	}
	return c.Place.Name
}
