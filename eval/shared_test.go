package eval_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khaldun/khaldun/internal/sharedtest"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/coder"
	"github.com/khaldun/khaldun/eval"
)

var update = flag.Bool("update", false, "rewrite testdata/figures.golden with the current figures")

// sharedEval returns the gold folder: $KHALDUN_SHARED/eval, or
// ../shared/eval beside the repository. It skips the test when the folder
// is absent, and fails it when CI is set.
func sharedEval(t *testing.T) string {
	t.Helper()
	return sharedtest.Path(t, "eval")
}

func loadShared(t *testing.T, task string) []eval.Item {
	t.Helper()
	items, err := eval.LoadFile(filepath.Join(sharedEval(t), task, "dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func find(t *testing.T, items []eval.Item, id string) eval.Item {
	t.Helper()
	for _, it := range items {
		if it.Article.ID == id {
			return it
		}
	}
	t.Fatalf("no record %s", id)
	return eval.Item{}
}

// TestSharedRecords spot-checks real gold records after loading: the
// byte spans cover the words the README's schema says they do, also after
// non-ASCII text where code points and bytes part.
func TestSharedRecords(t *testing.T) {
	t.Run("conll", func(t *testing.T) {
		it := find(t, loadShared(t, "entities"), "conll2003-test:003")
		if it.Task != eval.TaskEntities || it.Set != "conll2003-test" {
			t.Fatalf("task %s set %s", it.Task, it.Set)
		}
		e := it.Gold.Entities[0]
		if got := e.Span.In(it.Article.Text); got != "SKIING-WORLD CUP" || e.Type != "MISC" {
			t.Errorf("first entity %q %s", got, e.Type)
		}
	})
	t.Run("polnear after curly quotes", func(t *testing.T) {
		it := find(t, loadShared(t, "quotes"), "polnear:breitbart_2016-09-15_pat-caddell-democrat-voters-worr")
		q := it.Gold.Quotes[2] // E3: content split around "said Caddell"
		if len(q.Content) != 2 || q.Kind != "direct" {
			t.Fatalf("E3: %d fragments, kind %s", len(q.Content), q.Kind)
		}
		text := it.Article.Text
		if got := q.Content[0].In(text); !strings.HasPrefix(got, "“One of the things") {
			t.Errorf("E3 content starts %q", got)
		}
		if got := q.Speaker[0].In(text); got != "Caddell" {
			t.Errorf("E3 speaker %q", got)
		}
		// The title holds four curly quotes (three bytes each) before E3.
		if q.Content[0].Start == 315 {
			t.Errorf("E3 content starts at byte 315, the code-point offset: not converted")
		}
	})
	t.Run("petrarch dictionaries", func(t *testing.T) {
		items := loadShared(t, "events")
		p := find(t, items, "petrarch2-unittest:DEMO-00")
		u := find(t, items, "udpetrarch-validate:DEMO-01")
		if filepath.Base(p.PetrarchDir) != "petrarch2-dicts" || filepath.Base(u.PetrarchDir) != "udpetrarch-dicts" {
			t.Errorf("dictionaries %q and %q", p.PetrarchDir, u.PetrarchDir)
		}
		if p.Task != eval.TaskCAMEO || p.Gold.Events[0].CAMEO != "064" || p.Gold.Events[0].Source[0].Code != "ARN" {
			t.Errorf("DEMO-00: %+v", p.Gold)
		}
		for id, task := range map[string]eval.Task{
			"plover-gsr:PLOVER-GSR01-AGREE-0002": eval.TaskPLOVER, "case2021-task2:1": eval.TaskCASE, "indiapoliceevents:11": eval.TaskPolice,
		} {
			if got := find(t, items, id).Task; got != task {
				t.Errorf("%s: task %s, want %s", id, got, task)
			}
		}
	})
}

// oracle codes every article as its gold says, so that every figure that
// the record format can express comes out 1.
type oracle map[string]khaldun.Record

func (o oracle) Code(a khaldun.Article) khaldun.Record {
	r := o[a.ID]
	r.Article = a
	return r
}

func oracleRecord(it eval.Item) khaldun.Record {
	var r khaldun.Record
	text := it.Article.Text
	g := it.Gold
	for _, tx := range g.Timexes {
		if tx.Type == "DATE" {
			r.Dates = append(r.Dates, khaldun.Date{Text: tx.Span.In(text), Start: tx.Span.Start, End: tx.Span.End, Value: tx.Value})
		}
	}
	for i, tp := range g.Toponyms {
		if tp.HasCoord {
			r.Places = append(r.Places, khaldun.Place{ID: fmt.Sprint("p", i), Name: tp.Span.In(text), Lat: tp.Lat, Lon: tp.Lon,
				Mentions: []khaldun.Span{tp.Span}})
		}
	}
	for i, q := range g.Quotes {
		id := ""
		if len(q.Speaker) > 0 {
			id = fmt.Sprint("s", i)
			r.Actors = append(r.Actors, khaldun.Actor{ID: id, Name: q.Speaker[0].In(text), Kind: khaldun.KindPerson, Mentions: q.Speaker[:1]})
		}
		var cue khaldun.Span
		if len(q.Cue) > 0 {
			cue = q.Cue[0]
		}
		for _, c := range q.Content {
			r.Quotes = append(r.Quotes, khaldun.Quote{Speaker: id, Start: c.Start, End: c.End, Text: c.In(text), Kind: q.Kind, Cue: cue})
		}
	}
	for i, e := range g.Events {
		src, tgt := fmt.Sprint("a", i, "s"), fmt.Sprint("a", i, "t")
		r.Actors = append(r.Actors, khaldun.Actor{ID: src, Code: e.Source[0].Code}, khaldun.Actor{ID: tgt, Code: e.Target[0].Code})
		r.Events = append(r.Events, khaldun.Event{CAMEO: e.CAMEO, Source: src, Target: tgt})
	}
	return r
}

// TestOracle runs the scorers on real gold with records made from the
// gold itself: loaders and scorers must agree to the last item.
func TestOracle(t *testing.T) {
	for _, tc := range []struct {
		task, set string
		want      []string // figures that must be 1
	}{
		{"timex", "tempeval3-timebank", []string{"span_exact.f1", "span_overlap.f1", "value.f1", "value_acc"}},
		{"toponyms", "lgl", []string{"acc161", "acc161_all"}},
		{"toponyms", "geovirus", []string{"recognition_exact.f1", "acc161"}},
		{"quotes", "polnear", []string{"content_overlap.f1", "speaker_overlap.r", "cue_exact.r", "direct_overlap.f1"}},
		{"events", "petrarch2-unittest", []string{"events.f1", "cameo.f1", "records_exact"}},
	} {
		t.Run(tc.set, func(t *testing.T) {
			items := loadShared(t, tc.task)
			o := oracle{}
			for _, it := range items {
				if it.Set == tc.set {
					o[it.Article.ID] = oracleRecord(it)
				}
			}
			reports, err := eval.Run(context.Background(), items, eval.Options{Set: tc.set,
				NewCoder: func(string) (eval.Coder, error) { return o, nil }})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]float64{}
			for _, f := range reports[0].Figures() {
				got[f.Name] = f.Value
			}
			for _, name := range tc.want {
				if v, ok := got[name]; !ok || v != 1 {
					t.Errorf("%s %s = %v (present %v), want 1", tc.set, name, v, ok)
				}
			}
		})
	}
}

// TestDevFigures runs the whole eval on the dev sets with the real coder,
// compares the figures with testdata/figures.golden (rewrite it with
// go test ./eval -update) and fails when a figure falls below its floor
// in testdata/floors.tsv.
func TestDevFigures(t *testing.T) {
	dir := sharedEval(t)
	if testing.Short() {
		t.Skip("the full eval of the dev sets takes minutes; skipped with -short")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*", "dev.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no dev.jsonl under %s: %v", dir, err)
	}
	var items []eval.Item
	for _, f := range files {
		its, err := eval.LoadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, its...)
	}
	began := time.Now()
	reports, err := eval.Run(context.Background(), items, eval.Options{
		NewCoder: func(dir string) (eval.Coder, error) { return coder.New(coder.Config{PetrarchDir: dir}) },
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("coded and scored %d records in %s", len(items), time.Since(began).Round(time.Millisecond))
	var buf bytes.Buffer
	if err := eval.WriteFigures(&buf, reports); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "figures.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (create it with go test ./eval -update)", err)
	}
	if got := buf.String(); got != string(want) {
		t.Errorf("figures differ from %s (if the change is meant, rerun with -update and review the diff):\n%s",
			golden, lineDiff(string(want), got))
	}
	f, err := os.Open(filepath.Join("testdata", "floors.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	floors, err := eval.ParseFloors(f, "testdata/floors.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range eval.CheckFloors(reports, floors) {
		t.Error(b)
	}
}

// lineDiff lists the lines of want missing from got and those of got
// missing from want, in order.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	inG, inW := map[string]int{}, map[string]int{}
	for _, l := range g {
		inG[l]++
	}
	for _, l := range w {
		inW[l]++
	}
	var b strings.Builder
	for _, l := range w {
		if inG[l] > 0 {
			inG[l]--
			continue
		}
		fmt.Fprintf(&b, "- %s\n", l)
	}
	for _, l := range g {
		if inW[l] > 0 {
			inW[l]--
			continue
		}
		fmt.Fprintf(&b, "+ %s\n", l)
	}
	return b.String()
}
