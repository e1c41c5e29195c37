package eval

import (
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

func TestRuneIndex(t *testing.T) {
	// Code points and bytes differ from the first character on: “ is three
	// bytes, ü and é two, 東京 three each, 🌍 four (one code point, as in
	// Python; two UTF-16 units, which the gold does not use).
	text := "“Zürich” 東京 and Genève 🌍 said Iran."
	for _, tc := range []struct {
		name       string
		start, end int // code points
		want       string
	}{
		{"quote mark", 0, 1, "“"},
		{"after quote", 1, 7, "Zürich"},
		{"cjk", 9, 11, "東京"},
		{"accented", 16, 22, "Genève"},
		{"after emoji", 25, 29, "said"},
		{"last word", 30, 34, "Iran"},
		{"empty at end", 35, 35, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := newRuneIndex(text)
			sp, err := x.span(tc.start, tc.end)
			if err != nil {
				t.Fatal(err)
			}
			if got := sp.In(text); got != tc.want {
				t.Errorf("[%d,%d) = bytes %v = %q, want %q", tc.start, tc.end, sp, got, tc.want)
			}
			// Go's own reading of code points agrees.
			if want := len(string([]rune(text)[:tc.start])); sp.Start != want {
				t.Errorf("start byte %d, want %d", sp.Start, want)
			}
		})
	}
	if _, err := newRuneIndex(text).span(30, 36); err == nil {
		t.Error("span past the end: no error")
	}
}

func TestLoad(t *testing.T) {
	for _, tc := range []struct {
		name string
		line string
		task Task
		span string // text of the first gold span
	}{
		{"conll", `{"id":"conll2003-test:1","set":"conll2003-test","text":"Genève , Zürich","sentences":[[0,15]],"entities":[{"start":9,"end":15,"text":"Zürich","type":"LOC"}]}`,
			TaskEntities, "Zürich"},
		{"petrarch", `{"id":"petrarch2-unittest:X","set":"petrarch2-unittest","text":"Arnor met Gondor.","date":"1995-01-01","expect":"events","events":[{"cameo":"040","plover":null,"source":[{"code":"ARN","sector":null,"text":null,"start":null,"end":null}],"target":[{"code":"GON"}],"location":[],"trigger":[]}],"labels":[],"meta":{"valid":true}}`,
			TaskCAMEO, ""},
		{"plover", `{"id":"plover-gsr:1","set":"plover-gsr","text":"Côte d’Ivoire rebels attacked.","date":null,"expect":"events","events":[{"cameo":null,"plover":"ASSAULT","source":[{"code":"CIV","sector":"REB","text":"Côte d’Ivoire rebels","start":0,"end":20}],"target":[],"location":[],"trigger":[{"text":"attacked","start":21,"end":29}]}],"labels":[],"meta":{}}`,
			TaskPLOVER, "Côte d’Ivoire rebels"},
		{"user plover set", `{"id":"mine:1","set":"mine","text":"Rebels attacked.","expect":"events","events":[{"plover":"ASSAULT","source":[],"target":[],"trigger":[]}]}`,
			TaskPLOVER, ""},
		{"case", `{"id":"case2021-task2:1","set":"case2021-task2","text":"Warplanes pounded Kashkash.","date":null,"expect":"labels","events":[],"labels":["AIR_STRIKE"],"meta":{}}`,
			TaskCASE, ""},
		{"police", `{"id":"indiapoliceevents:1","set":"indiapoliceevents","text":"police fired. calm.","date":"2002-03-10","expect":"labels","events":[],"labels":["FORCE"],"sentences":[{"start":0,"end":13,"labels":["FORCE"]},{"start":14,"end":19,"labels":[]}],"meta":{}}`,
			TaskPolice, ""},
		{"polnear", `{"id":"polnear:1","set":"polnear","published":"2016-09-15","title":"T","text":"“Yes,” said Pat.","quotes":[{"id":"E1","speaker":{"spans":[[12,15]],"text":"Pat"},"cue":{"spans":[[7,11]],"text":"said"},"content":{"spans":[[0,6]],"text":"“Yes,”"},"kind":"direct"}]}`,
			TaskQuotes, "“Yes,”"},
		{"toponyms", `{"id":"lgl:1","set":"lgl","title":null,"url":null,"published":null,"text":"In São Paulo today","toponyms":[{"start":3,"end":12,"text":"São Paulo","lat":-23.5,"lon":-46.6}]}`,
			TaskToponyms, "São Paulo"},
		{"timex", `{"id":"tempeval3-timebank:1","set":"tempeval3-timebank","dct":"1998-01-20","title":null,"text":"Ça va — today.","timexes":[{"start":8,"end":13,"text":"today","type":"DATE","value":"1998-01-20"}]}`,
			TaskTimex, "today"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			items, err := Load(strings.NewReader(tc.line+"\n"), "gold.jsonl")
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != 1 {
				t.Fatalf("%d items, want 1", len(items))
			}
			it := items[0]
			if it.Task != tc.task {
				t.Errorf("task %s, want %s", it.Task, tc.task)
			}
			if tc.span == "" {
				return
			}
			var sp khaldun.Span
			g := it.Gold
			switch {
			case len(g.Entities) > 0:
				sp = g.Entities[0].Span
			case len(g.Events) > 0:
				sp = *g.Events[0].Source[0].Span
			case len(g.Quotes) > 0:
				sp = g.Quotes[0].Content[0]
			case len(g.Toponyms) > 0:
				sp = g.Toponyms[0].Span
			case len(g.Timexes) > 0:
				sp = g.Timexes[0].Span
			}
			if got := sp.In(it.Article.Text); got != tc.span {
				t.Errorf("first span %v covers %q, want %q", sp, got, tc.span)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, input, want string
	}{
		{"bad json", "{\"id\":\n", "gold.jsonl:1: bad json"},
		{"no gold", `{"id":"x:1","text":"a"}`, "gold.jsonl:1: record x:1: no gold field"},
		{"offsets past end", `{"id":"x:1","text":"Zürich","entities":[{"start":0,"end":7,"text":"Zürich","type":"LOC"}]}`, "outside a text of 6 code points"},
		{"text disagrees", `{"id":"x:1","text":"Zürich","entities":[{"start":0,"end":5,"text":"Zürich","type":"LOC"}]}`, `cover "Züric", not "Zürich"`},
		{"second line", "{\"id\":\"x:1\",\"text\":\"a\",\"timexes\":[]}\n{\"id\":\"x:2\",\"text\":\"a\",\"entities\":[]}", "gold.jsonl:2: set x mixes tasks timex and entities"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(strings.NewReader(tc.input), "gold.jsonl")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestEmbeddedCrosswalks(t *testing.T) {
	for name, load := range map[string]func() (*crosswalk, error){"case2021": caseCrosswalk, "police": policeCrosswalk} {
		cw, err := load()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(cw.rows) == 0 {
			t.Errorf("%s: no rows", name)
		}
	}
	if _, err := parseCrosswalk("x.tsv", "# c\ncameo:19\tany\n"); err == nil || !strings.Contains(err.Error(), "x.tsv:2") {
		t.Errorf("err = %v, want one naming x.tsv:2", err)
	}
	if _, err := parseCrosswalk("x.tsv", "verb:19\tany\tX\n"); err == nil {
		t.Error("unknown key kind: no error")
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(`{"id":"conll2003-test:1","text":"Genève , Zürich","sentences":[[0,15]],"entities":[{"start":9,"end":15,"text":"Zürich","type":"LOC"}]}`)
	f.Add(`{"id":"q:1","text":"“Yes,” said Pat.","quotes":[{"speaker":{"spans":[[12,15]]},"cue":null,"content":{"spans":[[0,6]]},"kind":"direct"}]}`)
	f.Add(`{"id":"i:1","text":"a. b.","expect":"labels","labels":[],"sentences":[{"start":0,"end":2,"labels":["KILL"]}]}`)
	f.Add(`{"id":"t:1","text":"x","toponyms":[{"start":-1,"end":0}]}`)
	f.Fuzz(func(t *testing.T, s string) {
		items, err := Load(strings.NewReader(s), "fuzz")
		if err != nil {
			return
		}
		for _, it := range items {
			text := it.Article.Text
			check := func(sp khaldun.Span) {
				if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
					t.Fatalf("span %v outside text of %d bytes", sp, len(text))
				}
			}
			for _, e := range it.Gold.Entities {
				check(e.Span)
			}
			for _, s := range it.Gold.Sentences {
				check(s)
			}
			for _, q := range it.Gold.Quotes {
				for _, s := range append(append(q.Content, q.Speaker...), q.Cue...) {
					check(s)
				}
			}
			for _, tp := range it.Gold.Toponyms {
				check(tp.Span)
			}
			for _, tx := range it.Gold.Timexes {
				check(tx.Span)
			}
			if len(it.Gold.Sentences) != len(it.Gold.SentenceLabels) && it.Task == TaskPolice {
				t.Fatalf("%d sentences, %d label lists", len(it.Gold.Sentences), len(it.Gold.SentenceLabels))
			}
		}
	})
}
