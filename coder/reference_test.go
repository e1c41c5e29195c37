package coder

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/article"
	"github.com/khaldun/khaldun/kb"
)

// TestReference codes the reference wire report and checks what an
// analyst codes from it (the full check is ../shared/reference/check.py,
// which CI runs too).
func TestReference(t *testing.T) {
	path := filepath.Join(shared(t), "reference", "tehran-talks.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	arts, errs := article.Read(path, b, article.Options{Published: "2017-09-05"})
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("read %s: %v", path, errs)
	}
	rec := newCoder(t).Code(arts[0])
	byName := func(part string) []khaldun.Actor {
		var out []khaldun.Actor
		for _, a := range rec.Actors {
			if strings.Contains(strings.ToLower(a.Name), part) {
				out = append(out, a)
			}
		}
		return out
	}
	for _, tt := range []struct{ name, country, sector string }{
		{"shamkhani", "IRN", "GOV"},
		{"lavrentiev", "RUS", "GOV"},
		{"mamlouk", "SYR", "GOV"},
		{"jaberi ansari", "IRN", "GOV"},
		{"putin", "RUS", "GOV"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			as := byName(tt.name)
			if len(as) != 1 {
				t.Fatalf("%d actors named %q, want 1: %+v", len(as), tt.name, as)
			}
			if as[0].Country != tt.country || as[0].Sector != tt.sector {
				t.Errorf("%s coded %s %s, want %s %s (evidence %q)", as[0].Name, as[0].Country, as[0].Sector, tt.country, tt.sector, as[0].Evidence)
			}
		})
	}
	if sh := byName("shamkhani"); len(sh) == 1 && len(sh[0].Mentions) < 7 {
		t.Errorf("Shamkhani has %d mentions, want surname, title and pronoun references (>= 7)", len(sh[0].Mentions))
	}
	for _, want := range []struct {
		name     string
		lat, lon float64
		km       float64
	}{
		{"tehran", 35.69, 51.39, 30}, {"deir", 35.336, 40.141, 30}, {"mosul", 36.34, 43.13, 30},
		{"tal afar", 36.377, 42.449, 30}, {"aleppo", 36.20, 37.16, 30}, {"astana", 51.17, 71.45, 50},
	} {
		ok := false
		for _, p := range rec.Places {
			if strings.Contains(strings.ToLower(p.Name), want.name) && kb.DistanceKm(p.Lat, p.Lon, want.lat, want.lon) <= want.km {
				ok = true
			}
		}
		if !ok {
			t.Errorf("no place %q within %.0f km of (%.2f, %.2f); places: %+v", want.name, want.km, want.lat, want.lon, rec.Places)
		}
	}
	var deir []khaldun.Place
	for _, p := range rec.Places {
		if strings.Contains(strings.ToLower(p.Name), "deir") {
			deir = append(deir, p)
		}
	}
	if len(deir) != 1 || len(deir[0].Mentions) < 3 {
		t.Errorf("Deir Ezzor and Deir er-Zor should be one place with >= 3 mentions, got %+v", deir)
	}
	name := func(id string) string {
		for _, a := range rec.Actors {
			if a.ID == id {
				return strings.ToLower(a.Name)
			}
		}
		return ""
	}
	found := map[string]bool{}
	for _, e := range rec.Events {
		s, g := name(e.Source), name(e.Target)
		switch {
		case e.Type == "CONSULT" && strings.Contains(s, "shamkhani") && strings.Contains(g, "lavrentiev") && e.Date == "2017-09-05":
			found["talks"] = true
		case strings.HasPrefix(e.CAMEO, "19") && strings.Contains(s, "army") && strings.Contains(g, "islamic state"):
			found["siege"] = true
		case e.CAMEO == "051" && strings.Contains(s, "shamkhani") && strings.Contains(g, "mamlouk"):
			found["congratulate"] = true
		}
	}
	for _, want := range []string{"talks", "siege", "congratulate"} {
		if !found[want] {
			t.Errorf("event %q not coded; events: %+v", want, rec.Events)
		}
	}
	if len(rec.Events) > 14 {
		t.Errorf("%d events, an analyst codes 5-9", len(rec.Events))
	}
	direct := 0
	for _, q := range rec.Quotes {
		if q.Kind == khaldun.QuoteDirect && strings.Contains(name(q.Speaker), "shamkhani") {
			direct++
		}
		if q.Start < 0 || q.End > len(rec.Text) || q.Text != rec.Text[q.Start:q.End] {
			t.Errorf("quote %s span [%d,%d) does not hold its text %q", q.ID, q.Start, q.End, q.Text)
		}
	}
	if direct != 3 {
		t.Errorf("%d direct quotes by Shamkhani, want 3", direct)
	}
}

// TestCorpusSpans codes real news and checks every span lies inside its
// text and every reference between records resolves.
func TestCorpusSpans(t *testing.T) {
	c := newCoder(t)
	for _, name := range []string{"bbc-2005.jsonl", "fakes-syria.jsonl", "agnews-test.jsonl"} {
		n := 300
		if testing.Short() {
			n = 50
		}
		for _, a := range corpus(t, name, n) {
			rec := c.Code(a)
			checkRecord(t, name, rec)
		}
	}
}

func checkRecord(t *testing.T, file string, rec khaldun.Record) {
	t.Helper()
	n := len(rec.Text)
	in := func(s khaldun.Span) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }
	ids := map[string]bool{}
	for _, a := range rec.Actors {
		ids[a.ID] = true
		for _, m := range a.Mentions {
			if !in(m) {
				t.Errorf("%s %s: actor %s mention %v outside text of %d bytes", file, rec.ID, a.ID, m, n)
			}
		}
	}
	for _, p := range rec.Places {
		ids[p.ID] = true
		for _, m := range p.Mentions {
			if !in(m) {
				t.Errorf("%s %s: place %s mention %v outside text", file, rec.ID, p.ID, m)
			}
		}
	}
	for _, e := range rec.Events {
		if !in(e.Sentence) || !in(e.Trigger) || !e.Sentence.Contains(e.Trigger) {
			t.Errorf("%s %s: event %s spans %v %v bad", file, rec.ID, e.ID, e.Sentence, e.Trigger)
		}
		for _, id := range []string{e.Source, e.Target, e.Place} {
			if id != "" && !ids[id] {
				t.Errorf("%s %s: event %s names unknown id %s", file, rec.ID, e.ID, id)
			}
		}
	}
	for _, q := range rec.Quotes {
		if !in(khaldun.Span{Start: q.Start, End: q.End}) || !in(q.Cue) {
			t.Errorf("%s %s: quote %s span bad", file, rec.ID, q.ID)
		}
		if q.Speaker != "" && !ids[q.Speaker] {
			t.Errorf("%s %s: quote %s speaker %s unknown", file, rec.ID, q.ID, q.Speaker)
		}
	}
	for _, d := range rec.Dates {
		if !in(khaldun.Span{Start: d.Start, End: d.End}) || rec.Text[d.Start:d.End] != d.Text {
			t.Errorf("%s %s: date %q span bad", file, rec.ID, d.Text)
		}
	}
}
