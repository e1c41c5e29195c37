package eval

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/kb"
)

// fakeCoder returns hand-made records by article id.
type fakeCoder map[string]khaldun.Record

func (f fakeCoder) Code(a khaldun.Article) khaldun.Record {
	r := f[a.ID]
	r.Article = a
	return r
}

// at returns the byte span of the n-th (from 0) occurrence of sub in text.
func at(t *testing.T, text, sub string, n int) khaldun.Span {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		k := strings.Index(text[off:], sub)
		if k < 0 {
			t.Fatalf("%q not found %d times in %q", sub, n+1, text)
		}
		if i == n {
			return khaldun.Span{Start: off + k, End: off + k + len(sub)}
		}
		off += k + len(sub)
	}
}

// runFake scores items against hand-made records and returns the one report.
func runFake(t *testing.T, items []Item, recs fakeCoder) Report {
	t.Helper()
	reports, err := Run(context.Background(), items, Options{Errors: 10, Workers: 2,
		NewCoder: func(string) (Coder, error) { return recs, nil }})
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 1 {
		t.Fatalf("got %d reports, want 1", len(reports))
	}
	return reports[0]
}

// want is one expected figure.
type want struct {
	name string
	v    float64
}

func checkFigures(t *testing.T, r Report, wants []want) {
	t.Helper()
	got := map[string]float64{}
	for _, f := range r.Figures() {
		got[f.Name] = f.Value
	}
	for _, w := range wants {
		v, ok := got[w.name]
		if !ok {
			t.Errorf("%s: no figure %s (have %v)", r.Set, w.name, got)
			continue
		}
		if math.Abs(v-w.v) > 1e-9 {
			t.Errorf("%s %s = %.6f, want %.6f", r.Set, w.name, v, w.v)
		}
	}
}

func TestScoreEntities(t *testing.T) {
	text := "Iranian envoy Ali Akbar met Swedish officials in Stockholm on Monday ."
	it := Item{Set: "ner", Task: TaskEntities, Article: khaldun.Article{ID: "a", Text: text},
		Gold: Gold{Entities: []Entity{
			{at(t, text, "Iranian", 0), "MISC"}, {at(t, text, "Ali Akbar", 0), "PER"},
			{at(t, text, "Swedish", 0), "MISC"}, {at(t, text, "Stockholm", 0), "LOC"},
		}}}
	rec := khaldun.Record{
		Actors: []khaldun.Actor{
			{ID: "p1", Name: "Ali Akbar", Kind: khaldun.KindPerson,
				Mentions: []khaldun.Span{at(t, text, "Ali Akbar", 0), at(t, text, "envoy", 0)}}, // "envoy" is no name
			{ID: "c1", Name: "Iran", Kind: khaldun.KindCountry, Mentions: []khaldun.Span{at(t, text, "Iranian", 0)}},
			{ID: "o1", Name: "Swedish officials", Kind: khaldun.KindOrganization, Mentions: []khaldun.Span{at(t, text, "Swedish officials", 0)}},
		},
		Places: []khaldun.Place{{ID: "l1", Name: "Stockholm", Mentions: []khaldun.Span{at(t, text, "Stockholm", 0)}}},
	}
	r := runFake(t, []Item{it}, fakeCoder{"a": rec})
	checkFigures(t, r, []want{
		{"PER.p", 1}, {"PER.r", 1}, {"PER.f1", 1},
		{"MISC.p", 1}, {"MISC.r", 0.5}, {"MISC.f1", 2.0 / 3},
		{"ORG.p", 0}, {"ORG.r", 0}, {"ORG.f1", 0},
		{"LOC.p", 1}, {"LOC.r", 1},
		{"micro.p", 0.75}, {"micro.r", 0.75}, {"micro.f1", 0.75},
	})
	if len(r.Errors) != 1 || r.Errors[0].Cost != 2 {
		t.Fatalf("errors = %+v, want one sentence with two disagreements", r.Errors)
	}
}

func TestPlaceType(t *testing.T) {
	for _, tc := range []struct{ mention, name, want string }{
		{"Iranian", "Iran", "MISC"},
		{"Iran", "Iran", "LOC"},
		{"French", "France", "MISC"},
		{"Americans", "United States", "MISC"},
		{"U.S.", "United States", "LOC"},
		{"Islamic Republic of Iran", "Iran", "LOC"},
		{"Afghan", "Afghanistan", "MISC"},
		{"Pakistani", "Pakistan", "MISC"},
		{"Britain", "United Kingdom", "LOC"},
		{"Japan", "Japan", "LOC"},
	} {
		t.Run(tc.mention, func(t *testing.T) {
			if got := placeType(tc.mention, tc.name); got != tc.want {
				t.Errorf("placeType(%q, %q) = %s, want %s", tc.mention, tc.name, got, tc.want)
			}
		})
	}
}

func TestIsName(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Ali Akbar", true}, {"The Hague", true}, {"The minister", false}, {"He", false},
		{"the president", false}, {"1. FC Koeln", true}, {"Zürich", true}, {"Élysée", true},
	} {
		t.Run(tc.s, func(t *testing.T) {
			if got := isName(tc.s); got != tc.want {
				t.Errorf("isName(%q) = %v, want %v", tc.s, got, tc.want)
			}
		})
	}
}

// actors builds country actors with CAMEO codes.
func codeActor(id, code string) khaldun.Actor {
	return khaldun.Actor{ID: id, Name: id, Kind: khaldun.KindCountry, Country: code[:3], Sector: code[3:], Code: code}
}

func TestScoreCAMEO(t *testing.T) {
	text := "Arnor restored ties with Gondor."
	ev := func(cameo, src, tgt string) GoldEvent {
		return GoldEvent{CAMEO: cameo, Source: []GoldActor{{Code: src}}, Target: []GoldActor{{Code: tgt}}}
	}
	items := []Item{
		{Set: "p", Task: TaskCAMEO, Article: khaldun.Article{ID: "r1", Text: text},
			Gold: Gold{Expect: "events", Events: []GoldEvent{ev("064", "ARNGOV", "GON"), ev("032", "ARN", "DAG")}}},
		{Set: "p", Task: TaskCAMEO, Article: khaldun.Article{ID: "r2", Text: text}, Gold: Gold{Expect: "no_events"}},
		{Set: "p", Task: TaskCAMEO, Article: khaldun.Article{ID: "r3", Text: text}, Gold: Gold{Expect: "error"}},
		{Set: "p", Task: TaskCAMEO, Article: khaldun.Article{ID: "r4", Text: text}, Gold: Gold{Expect: "events", Skip: "not valid",
			Events: []GoldEvent{ev("064", "ARN", "GON")}}},
	}
	actors := []khaldun.Actor{codeActor("a", "ARNGOV"), codeActor("g", "GON"), codeActor("n", "ARN"), codeActor("o", "OSG")}
	recs := fakeCoder{
		"r1": {Actors: actors, Events: []khaldun.Event{
			{Source: "a", Target: "g", CAMEO: "064"},
			{Source: "n", Target: "o", CAMEO: "032"},
			{Source: "n", Target: "g", CAMEO: "111", Negated: true},
		}},
		"r3": {Actors: actors, Events: []khaldun.Event{{Source: "n", Target: "g", CAMEO: "010"}}},
	}
	r := runFake(t, items, recs)
	if r.Records != 3 || r.Skipped != 1 {
		t.Errorf("records %d skipped %d, want 3 and 1", r.Records, r.Skipped)
	}
	checkFigures(t, r, []want{
		{"events.p", 1.0 / 3}, {"events.r", 0.5}, {"events.f1", 0.4},
		{"cameo.p", 2.0 / 3}, {"cameo.r", 1}, {"cameo.f1", 0.8},
		{"records_exact", 1.0 / 3},
	})
	if len(r.Errors) != 2 || r.Errors[0].ID != "r1" || r.Errors[0].Expected[0] != "ARN 032 DAG" || r.Errors[0].Produced[0] != "ARN 032 OSG" {
		t.Errorf("errors = %+v", r.Errors)
	}
}

func TestScorePLOVER(t *testing.T) {
	t1 := "The Asia-Pacific Economic Cooperation forum agreed to set up a research center in Tokyo."
	t2 := "Serbian students protested in Belgrade."
	sp := func(s khaldun.Span) *khaldun.Span { return &s }
	items := []Item{
		{Set: "g", Task: TaskPLOVER, Article: khaldun.Article{ID: "r1", Text: t1}, Gold: Gold{Expect: "events", Events: []GoldEvent{{
			PLOVER: "AGREE",
			Source: []GoldActor{{Code: "IGO", Span: sp(at(t, t1, "Asia-Pacific Economic Cooperation", 0))}},
			Target: []GoldActor{{Code: "JAP", Span: sp(at(t, t1, "Tokyo", 0))}},
		}}}},
		{Set: "g", Task: TaskPLOVER, Article: khaldun.Article{ID: "r2", Text: t2}, Gold: Gold{Expect: "events", Events: []GoldEvent{{
			PLOVER: "PROTEST", Mode: "demo-org",
			Source: []GoldActor{{Code: "SRB", Sector: "CVL", Span: sp(at(t, t2, "Serbian students", 0))}},
		}}}},
	}
	recs := fakeCoder{"r1": {
		Actors: []khaldun.Actor{
			{ID: "apec", Kind: khaldun.KindOrganization, Sector: "IGO", Code: "IGOASP", Mentions: []khaldun.Span{at(t, t1, "Asia-Pacific Economic Cooperation forum", 0)}},
			{ID: "jpn", Kind: khaldun.KindCountry, Country: "JPN", Code: "JPN", Mentions: []khaldun.Span{at(t, t1, "Tokyo", 0)}},
		},
		Events: []khaldun.Event{
			{Type: "AGREE", CAMEO: "057", Source: "apec", Target: "jpn"},
			{Type: "CONSULT", CAMEO: "040", Source: "apec"},
		},
	}}
	r := runFake(t, items, recs)
	checkFigures(t, r, []want{
		{"type.p", 0.5}, {"type.r", 0.5}, {"type.f1", 0.5},
		{"source_code", 1}, {"source_span", 1},
		{"target_code", 0}, {"target_span", 1},
		{"mode", 0},
	})
	for _, s := range r.Scores {
		if s.Name == "mode" && s.N != 0 {
			t.Errorf("mode scored over %d events; the only gold mode is on an event whose type was missed", s.N)
		}
	}
}

func TestScoreCASE(t *testing.T) {
	item := func(id, label string) Item {
		return Item{Set: "c", Task: TaskCASE, Article: khaldun.Article{ID: id, Text: "Some text."},
			Gold: Gold{Expect: "labels", Labels: []string{label}}}
	}
	ev := func(cameo string) khaldun.Record {
		return khaldun.Record{Events: []khaldun.Event{{Type: "ASSAULT", CAMEO: cameo}}}
	}
	items := []Item{item("1", "AIR_STRIKE"), item("2", "ARREST"), item("3", "GRENADE"), item("4", "DIPLO")}
	recs := fakeCoder{"1": ev("1951"), "2": ev("173"), "3": ev("190")}
	r := runFake(t, items, recs)
	checkFigures(t, r, []want{
		{"accuracy", 0.5}, {"coverage", 0.75},
		{"macro_p", 0.4}, {"macro_r", 0.4}, {"macro_f1", 0.4},
		{"AIR_STRIKE.f1", 1}, {"ARMED_CLASH.p", 0}, {"GRENADE.r", 0},
	})
}

func TestCaseCrosswalkConditions(t *testing.T) {
	cw, err := caseCrosswalk()
	if err != nil {
		t.Fatal(err)
	}
	army := &khaldun.Actor{Country: "SYR", Sector: "MIL", Code: "SYRMIL"}
	rebels := &khaldun.Actor{Country: "SYR", Sector: "REB", Code: "SYRREB"}
	for _, tc := range []struct {
		name  string
		ev    khaldun.Event
		src   *khaldun.Actor
		label string
	}{
		{"army occupies", khaldun.Event{CAMEO: "192"}, army, "GOV_REGAINS_TERIT"},
		{"rebels occupy", khaldun.Event{CAMEO: "192"}, rebels, "NON_STATE_ACTOR_OVERTAKES_TER"},
		{"nobody occupies", khaldun.Event{CAMEO: "192"}, nil, "ARMED_CLASH"},
		{"suicide bombing", khaldun.Event{CAMEO: "1831"}, rebels, "SUIC_BOMB"},
		{"roadside bomb", khaldun.Event{CAMEO: "1833"}, rebels, "REM_EXPLOS"},
		{"plover only", khaldun.Event{Type: "PROTEST"}, nil, "PEACE_PROTEST"},
		{"statement", khaldun.Event{Type: "ACCUSE", CAMEO: "010"}, nil, "ATTRIB"},
		{"sign agreement", khaldun.Event{CAMEO: "057"}, army, "AGREEMENT"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cw.label(&tc.ev, tc.src); got != tc.label {
				t.Errorf("label = %q, want %q", got, tc.label)
			}
		})
	}
}

func TestScorePolice(t *testing.T) {
	text := "police arrested five men. police opened fire, killing two. a mob burned shops."
	s := func(sub string) khaldun.Span { return at(t, text, sub, 0) }
	it := Item{Set: "ipe", Task: TaskPolice, Article: khaldun.Article{ID: "a", Text: text}, Gold: Gold{
		Expect:         "labels",
		Sentences:      []khaldun.Span{s("police arrested five men."), s("police opened fire, killing two."), s("a mob burned shops.")},
		SentenceLabels: [][]string{{"ANY_ACTION", "ARREST"}, {"ANY_ACTION", "FORCE", "KILL"}, {}},
	}}
	rec := khaldun.Record{
		Actors: []khaldun.Actor{
			{ID: "p", Name: "police", Kind: khaldun.KindGroup, Country: "IND", Sector: "COP", Code: "INDCOP"},
			{ID: "m", Name: "mob", Kind: khaldun.KindGroup, Country: "IND", Sector: "CVL", Code: "INDCVL"},
		},
		Events: []khaldun.Event{
			{CAMEO: "173", Source: "p", Trigger: s("arrested")},
			{CAMEO: "190", Source: "p", Trigger: s("opened fire")},
			{CAMEO: "1712", Source: "m", Trigger: s("burned")},
		},
	}
	r := runFake(t, []Item{it}, fakeCoder{"a": rec})
	checkFigures(t, r, []want{
		{"KILL.p", 0}, {"KILL.r", 0},
		{"ARREST.p", 1}, {"ARREST.r", 1},
		{"FORCE.p", 1}, {"FORCE.r", 1},
		{"ANY_ACTION.p", 1}, {"ANY_ACTION.r", 1},
		{"micro.p", 1}, {"micro.r", 0.8}, {"micro.f1", 2 * 0.8 / 1.8},
	})
}

func TestScoreQuotes(t *testing.T) {
	text := "“We will win,” said Smith. “It is close.” Jones said the race was tight."
	s := func(sub string, n int) khaldun.Span { return at(t, text, sub, n) }
	it := Item{Set: "q", Task: TaskQuotes, Article: khaldun.Article{ID: "a", Text: text}, Gold: Gold{Quotes: []GoldQuote{
		{Content: []khaldun.Span{s("“We will win,”", 0), s("“It is close.”", 0)}, Speaker: []khaldun.Span{s("Smith", 0)},
			Cue: []khaldun.Span{s("said", 0)}, Kind: "direct"},
		{Content: []khaldun.Span{s("the race was tight", 0)}, Speaker: []khaldun.Span{s("Jones", 0)},
			Cue: []khaldun.Span{s("said", 1)}, Kind: "indirect"},
	}}}
	q := func(content khaldun.Span, speaker string, cue khaldun.Span, kind string) khaldun.Quote {
		return khaldun.Quote{Start: content.Start, End: content.End, Speaker: speaker, Cue: cue, Kind: kind}
	}
	rec := khaldun.Record{
		Actors: []khaldun.Actor{
			{ID: "smith", Name: "Smith", Kind: khaldun.KindPerson, Mentions: []khaldun.Span{s("Smith", 0)}},
			{ID: "jones", Name: "Jones", Kind: khaldun.KindPerson, Mentions: []khaldun.Span{s("Jones", 0)}},
		},
		Quotes: []khaldun.Quote{
			q(s("We will win", 0), "smith", s("said", 0), "direct"), // fragments of one attribution
			q(s("It is close", 0), "smith", s("said", 0), "direct"),
			q(s("race was tight", 0), "jones", s("said", 1), "indirect"), // overlaps only
		},
	}
	r := runFake(t, []Item{it}, fakeCoder{"a": rec})
	checkFigures(t, r, []want{
		{"content_exact.p", 0.5}, {"content_exact.r", 0.5},
		{"content_overlap.p", 1}, {"content_overlap.r", 1},
		{"speaker_exact.f1", 1}, {"cue_exact.f1", 1},
		{"direct_exact.f1", 1}, {"indirect_exact.f1", 0}, {"indirect_overlap.f1", 1},
		{"mixed_exact.f1", 0},
	})
}

func TestScoreToponyms(t *testing.T) {
	text := "Floods hit Paris and Lyon, officials in Texas said; the city is calm."
	s := func(sub string) khaldun.Span { return at(t, text, sub, 0) }
	it := Item{Set: "lgl", Task: TaskToponyms, Article: khaldun.Article{ID: "a", Text: text}, Gold: Gold{Toponyms: []Toponym{
		{Span: s("Paris"), HasCoord: true, Lat: 48.8566, Lon: 2.3522},
		{Span: s("Lyon"), HasCoord: true, Lat: 45.764, Lon: 4.8357},
		{Span: s("Texas")},
	}}}
	rec := khaldun.Record{Places: []khaldun.Place{
		{ID: "1", Name: "Paris, Texas", Lat: 33.6609, Lon: -95.5555, Mentions: []khaldun.Span{s("Paris")}},
		{ID: "2", Name: "Lyon", Lat: 45.75, Lon: 4.85, Mentions: []khaldun.Span{s("Lyon")}},
		{ID: "3", Name: "Officials", Lat: 1, Lon: 1, Mentions: []khaldun.Span{s("officials")}},
	}}
	r := runFake(t, []Item{it}, fakeCoder{"a": rec})
	checkFigures(t, r, []want{
		{"recognition_exact.p", 2.0 / 3}, {"recognition_exact.r", 2.0 / 3},
		{"acc161", 0.5}, {"acc161_all", 0.5},
	})
	far, near := kb.DistanceKm(48.8566, 2.3522, 33.6609, -95.5555), kb.DistanceKm(45.764, 4.8357, 45.75, 4.85)
	checkFigures(t, r, []want{{"median_km", (far + near) / 2}})

	// GeoWebNews: only the types khaldun claims count; a coded mention on
	// an expression ("the city") is neither right nor wrong.
	gwn := Item{Set: "gwn", Task: TaskToponyms, Article: khaldun.Article{ID: "b", Text: text}, Gold: Gold{Toponyms: []Toponym{
		{Span: s("Paris"), Type: "Literal", HasCoord: true, Lat: 48.8566, Lon: 2.3522},
		{Span: s("the city"), Type: "Literal_Expression"},
	}}}
	rec2 := khaldun.Record{Places: []khaldun.Place{
		{ID: "1", Name: "Paris", Lat: 48.85, Lon: 2.35, Mentions: []khaldun.Span{s("Paris")}},
		{ID: "2", Name: "City", Lat: 1, Lon: 1, Mentions: []khaldun.Span{s("city")}},
	}}
	r = runFake(t, []Item{gwn}, fakeCoder{"b": rec2})
	checkFigures(t, r, []want{{"recognition_exact.p", 1}, {"recognition_exact.r", 1}, {"acc161", 1}})
}

func TestHaversine(t *testing.T) {
	// London to Paris is about 344 km; a quarter of the equator about 10,008 km.
	for _, tc := range []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		km                     float64
	}{
		{"London-Paris", 51.5074, -0.1278, 48.8566, 2.3522, 344},
		{"quarter equator", 0, 0, 0, 90, 10008},
		{"same point", 10, 10, 10, 10, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := kb.DistanceKm(tc.lat1, tc.lon1, tc.lat2, tc.lon2); math.Abs(got-tc.km) > 2 {
				t.Errorf("distance = %.1f km, want about %.0f", got, tc.km)
			}
		})
	}
}

func TestScoreTimex(t *testing.T) {
	text := "On Friday, March 6, officials met for three hours; last week they met too."
	s := func(sub string) khaldun.Span { return at(t, text, sub, 0) }
	it := Item{Set: "te3", Task: TaskTimex, Article: khaldun.Article{ID: "a", Text: text, Published: "1998-03-09"}, Gold: Gold{Timexes: []Timex{
		{Span: s("Friday, March 6"), Type: "DATE", Value: "1998-03-06"},
		{Span: s("three hours"), Type: "DURATION", Value: "PT3H"},
		{Span: s("last week"), Type: "DATE", Value: "1998-W09"},
	}}}
	d := func(sp khaldun.Span, v string) khaldun.Date {
		return khaldun.Date{Text: sp.In(text), Start: sp.Start, End: sp.End, Value: v}
	}
	rec := khaldun.Record{Dates: []khaldun.Date{
		d(s("March 6"), "1998-03-06"), d(s("three hours"), "PT3H"), d(s("last week"), "1998-W10"),
	}}
	r := runFake(t, []Item{it}, fakeCoder{"a": rec})
	checkFigures(t, r, []want{
		{"span_exact.p", 0.5}, {"span_exact.r", 0.5},
		{"span_overlap.p", 1}, {"span_overlap.r", 1},
		{"value.p", 0.5}, {"value.r", 0.5}, {"value_acc", 0.5},
	})
}

func TestTrimSpan(t *testing.T) {
	text := ` “We will win,” `
	got := trimSpan(text, khaldun.Span{Start: 0, End: len(text)}).In(text)
	if got != "We will win" {
		t.Errorf("trimmed to %q, want %q", got, "We will win")
	}
}

func TestFloors(t *testing.T) {
	floors, err := ParseFloors(strings.NewReader("# set metric floor\nner\tmicro.f1\t0.5\nner PER.p 0.9\nner nope 0\n"), "floors.tsv")
	if err != nil {
		t.Fatal(err)
	}
	c := PRF{Gold: 4, Pred: 4, GoldHit: 3, PredHit: 3}
	r := []Report{{Set: "ner", Scores: []Score{{Name: "micro", PRF: &c}, {Name: "PER", PRF: &PRF{Gold: 1, Pred: 2, GoldHit: 1, PredHit: 1}}}}}
	bad := CheckFloors(r, floors)
	if len(bad) != 2 || !strings.Contains(bad[0], "PER.p") || !strings.Contains(bad[1], "no such figure") {
		t.Errorf("CheckFloors = %q", bad)
	}
	if _, err := ParseFloors(strings.NewReader("ner micro.f1 high\n"), "floors.tsv"); err == nil || !strings.Contains(err.Error(), "floors.tsv:1") {
		t.Errorf("bad floor: err = %v, want one naming floors.tsv:1", err)
	}
}
