package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/khaldun/khaldun"
)

// Open returns an empty store for one test; the suite closes it.
type Open func(t *testing.T) khaldun.Store

// Run runs the conformance suite against the stores open returns. Every
// subtest opens its own empty store.
func Run(t *testing.T, open Open) {
	tests := []struct {
		name string
		run  func(t *testing.T, s khaldun.Store)
	}{
		{"PutAndGet", testPutAndGet},
		{"Idempotent", testIdempotent},
		{"Known", testKnown},
		{"EventFilters", testEventFilters},
		{"EventRow", testEventRow},
		{"QuoteFilters", testQuoteFilters},
		{"ActorFilters", testActorFilters},
		{"ArticleFilters", testArticleFilters},
		{"Search", testSearch},
		{"Failures", testFailures},
		{"Atomic", testAtomic},
		{"ConcurrentWriters", testConcurrent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer func() {
				if err := s.Close(); err != nil {
					t.Errorf("close: %v", err)
				}
			}()
			tc.run(t, s)
		})
	}
}

func put(t *testing.T, s khaldun.Store, b khaldun.Batch) int {
	t.Helper()
	n, err := s.Put(context.Background(), b)
	if err != nil {
		t.Fatalf("put: %v", err)
	}
	return n
}

func counts(t *testing.T, s khaldun.Store) khaldun.Counts {
	t.Helper()
	c, err := s.Count(context.Background())
	if err != nil {
		t.Fatalf("count: %v", err)
	}
	return c
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	return string(b)
}

func testPutAndGet(t *testing.T, s khaldun.Store) {
	recs := Fixtures()
	if n := put(t, s, khaldun.Batch{Records: recs}); n != len(recs) {
		t.Fatalf("put added %d, want %d", n, len(recs))
	}
	for _, want := range Fixtures() {
		got, ok, err := s.Record(context.Background(), want.ID)
		if err != nil || !ok {
			t.Fatalf("record %q: ok=%v err=%v", want.ID, ok, err)
		}
		if g, w := asJSON(t, got), asJSON(t, want); g != w {
			t.Errorf("record %q round trip:\ngot  %s\nwant %s", want.ID, g, w)
		}
	}
	if _, ok, err := s.Record(context.Background(), "no-such-article"); ok || err != nil {
		t.Errorf("missing record: ok=%v err=%v, want false, nil", ok, err)
	}
	want := khaldun.Counts{Articles: 3, Events: 4, Quotes: 2, Actors: 7}
	if got := counts(t, s); got != want {
		t.Errorf("counts = %+v, want %+v", got, want)
	}
}

func testIdempotent(t *testing.T, s khaldun.Store) {
	fail := khaldun.Failure{File: "feeds/world.jsonl", Line: 7, ID: "x-7", Problem: "invalid json"}
	put(t, s, khaldun.Batch{Records: Fixtures(), Failures: []khaldun.Failure{fail}})
	before := counts(t, s)
	cases := []struct {
		name string
		b    khaldun.Batch
	}{
		{"same batch again", khaldun.Batch{Records: Fixtures(), Failures: []khaldun.Failure{fail}}},
		{"same text under another id", khaldun.Batch{Records: func() []khaldun.Record {
			r := Fixtures()[1]
			r.ID, r.URL = "copy-of-reuters", ""
			return []khaldun.Record{r}
		}()}},
		{"same url with edited text", khaldun.Batch{Records: func() []khaldun.Record {
			r := Fixtures()[0]
			r.Text += " Updated at 14:00."
			return []khaldun.Record{r}
		}()}},
		{"duplicate inside one batch", khaldun.Batch{Records: []khaldun.Record{Fixtures()[2], Fixtures()[2]}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if n := put(t, s, tc.b); n != 0 {
				t.Errorf("added %d, want 0", n)
			}
			if got := counts(t, s); got != before {
				t.Errorf("counts = %+v, want %+v", got, before)
			}
		})
	}
	t.Run("duplicate inside a new batch", func(t *testing.T) {
		g := Generated("dup", 1)
		if n := put(t, s, khaldun.Batch{Records: []khaldun.Record{g[0], g[0]}}); n != 1 {
			t.Errorf("added %d, want 1", n)
		}
	})
}

func testKnown(t *testing.T, s khaldun.Store) {
	recs := Fixtures()
	put(t, s, khaldun.Batch{Records: recs[:2]})
	hashes := []string{khaldun.ContentHash(recs[0].Article), khaldun.ContentHash(recs[1].Article), khaldun.ContentHash(recs[2].Article)}
	got, err := s.Known(context.Background(), hashes)
	if err != nil {
		t.Fatalf("known: %v", err)
	}
	want := map[string]bool{hashes[0]: true, hashes[1]: true}
	for _, h := range hashes {
		if got[h] != want[h] {
			t.Errorf("known[%s…] = %v, want %v", h[:8], got[h], want[h])
		}
	}
	if got, err := s.Known(context.Background(), nil); err != nil || len(got) != 0 {
		t.Errorf("known(nil) = %v, %v; want empty", got, err)
	}
}

// eventKey names an event row as article/event.
func eventKeys(rows []khaldun.EventRow) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Article + "/" + r.ID
	}
	sort.Strings(out)
	return out
}

func testEventFilters(t *testing.T, s khaldun.Store) {
	put(t, s, khaldun.Batch{Records: Fixtures()})
	const (
		meet    = "mehr-4109/e1"
		siege   = "reuters-2017-0906-1/e1"
		accuse  = "bbc-2005-0301/e1"
		unaccep = "bbc-2005-0301/e2"
	)
	cases := []struct {
		name string
		f    khaldun.Filter
		want []string
	}{
		{"everything", khaldun.Filter{}, []string{accuse, unaccep, meet, siege}},
		{"type", khaldun.Filter{Type: "ASSAULT"}, []string{siege}},
		{"type any case", khaldun.Filter{Type: "consult"}, []string{meet}},
		{"cameo exact", khaldun.Filter{CAMEO: "112"}, []string{accuse}},
		{"cameo prefix", khaldun.Filter{CAMEO: "11"}, []string{accuse, unaccep}},
		{"actor name substring", khaldun.Filter{Actor: "zarif"}, []string{meet}},
		{"actor as target", khaldun.Filter{Actor: "Greece"}, []string{accuse, unaccep}},
		{"actor code", khaldun.Filter{Actor: "SYRMIL"}, []string{siege}},
		{"actor code prefix", khaldun.Filter{Actor: "SYR"}, []string{meet, siege}},
		{"country of an actor", khaldun.Filter{Country: "IRN"}, []string{meet}},
		{"country of actor or place", khaldun.Filter{Country: "SYR"}, []string{meet, siege}},
		{"place", khaldun.Filter{Place: "deir"}, []string{siege}},
		{"from", khaldun.Filter{From: "2017-01-01"}, []string{meet, siege}},
		{"to", khaldun.Filter{To: "2005-12-31"}, []string{accuse, unaccep}},
		{"date without event date uses published", khaldun.Filter{From: "2005-03-01", To: "2005-03-01"}, []string{unaccep}},
		{"from and to inclusive", khaldun.Filter{From: "2017-09-05", To: "2017-09-05"}, []string{meet, siege}},
		{"source", khaldun.Filter{Source: "reuters"}, []string{siege}},
		{"combined", khaldun.Filter{Country: "SYR", Type: "CONSULT", From: "2017-09-01"}, []string{meet}},
		{"nothing matches", khaldun.Filter{Type: "ASSAULT", Country: "TUR"}, []string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := s.Events(context.Background(), tc.f)
			if err != nil {
				t.Fatalf("events(%+v): %v", tc.f, err)
			}
			got := eventKeys(rows)
			want := slices.Clone(tc.want)
			sort.Strings(want)
			if !slices.Equal(got, want) {
				t.Errorf("events(%+v) = %v, want %v", tc.f, got, want)
			}
		})
	}
	t.Run("limit and order", func(t *testing.T) {
		rows, err := s.Events(context.Background(), khaldun.Filter{Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 {
			t.Fatalf("limit 2 gave %d rows", len(rows))
		}
		for _, r := range rows {
			if !strings.HasPrefix(r.Published, "2017") {
				t.Errorf("newest first: got an event published %s among the first two", r.Published)
			}
		}
	})
}

func testEventRow(t *testing.T, s khaldun.Store) {
	put(t, s, khaldun.Batch{Records: Fixtures()})
	rows, err := s.Events(context.Background(), khaldun.Filter{Type: "CONSULT"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("events: %d rows, %v", len(rows), err)
	}
	r := rows[0]
	want := Fixtures()[0]
	if r.Article != want.ID || r.Published != want.Published || r.Outlet != want.Source {
		t.Errorf("article fields = %q %q %q, want %q %q %q", r.Article, r.Published, r.Outlet, want.ID, want.Published, want.Source)
	}
	if g, w := asJSON(t, r.Event), asJSON(t, want.Events[0]); g != w {
		t.Errorf("event:\ngot  %s\nwant %s", g, w)
	}
	if r.SourceActor == nil || r.SourceActor.Name != "Mohammad Javad Zarif" {
		t.Errorf("source actor = %+v, want Zarif", r.SourceActor)
	}
	if r.TargetActor == nil || r.TargetActor.Code != "SYRGOV" {
		t.Errorf("target actor = %+v, want SYRGOV", r.TargetActor)
	}
	if r.PlaceEntry == nil || r.PlaceEntry.Name != "Tehran" {
		t.Errorf("place = %+v, want Tehran", r.PlaceEntry)
	}
	if ev := want.Events[0].Sentence.In(want.Text); r.Evidence != ev || !strings.Contains(ev, " met ") {
		t.Errorf("evidence = %q, want %q", r.Evidence, ev)
	}
}

func testQuoteFilters(t *testing.T, s khaldun.Store) {
	put(t, s, khaldun.Batch{Records: Fixtures()})
	cases := []struct {
		name string
		f    khaldun.Filter
		want []string
	}{
		{"everything", khaldun.Filter{}, []string{"bbc-2005-0301/q1", "mehr-4109/q1"}},
		{"speaker name", khaldun.Filter{Actor: "namik"}, []string{"bbc-2005-0301/q1"}},
		{"speaker code", khaldun.Filter{Actor: "IRNGOV"}, []string{"mehr-4109/q1"}},
		{"speaker country", khaldun.Filter{Country: "TUR"}, []string{"bbc-2005-0301/q1"}},
		{"published range", khaldun.Filter{From: "2017-01-01", To: "2017-12-31"}, []string{"mehr-4109/q1"}},
		{"source", khaldun.Filter{Source: "Mehr"}, []string{"mehr-4109/q1"}},
		{"search", khaldun.Filter{Search: "unacceptable"}, []string{"bbc-2005-0301/q1"}},
		{"search all words", khaldun.Filter{Search: "syrian people"}, []string{"mehr-4109/q1"}},
		{"search no match", khaldun.Filter{Search: "siege"}, []string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := s.Quotes(context.Background(), tc.f)
			if err != nil {
				t.Fatalf("quotes(%+v): %v", tc.f, err)
			}
			got := make([]string, len(rows))
			for i, r := range rows {
				got[i] = r.Article + "/" + r.ID
			}
			sort.Strings(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("quotes(%+v) = %v, want %v", tc.f, got, tc.want)
			}
		})
	}
	rows, err := s.Quotes(context.Background(), khaldun.Filter{Actor: "Zarif"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("quotes by Zarif: %d rows, %v", len(rows), err)
	}
	if r := rows[0]; r.SpeakerActor == nil || r.SpeakerActor.Code != "IRNGOV" || r.Text != Fixtures()[0].Quotes[0].Text || r.Kind != khaldun.QuoteDirect {
		t.Errorf("quote row = %+v", r)
	}
}

func testActorFilters(t *testing.T, s khaldun.Store) {
	put(t, s, khaldun.Batch{Records: append(Fixtures(), Generated("kabul", 3)...)})
	rows, err := s.Actors(context.Background(), khaldun.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 8 {
		t.Errorf("actors: %d rows, want 8 (7 in the fixtures and one shared by the generated articles)", len(rows))
	}
	if len(rows) > 0 {
		if r := rows[0]; r.Name != "Afghan police" || r.Articles != 3 || r.Mentions != 3 || r.Code != "AFGCOP" {
			t.Errorf("first actor = %+v, want Afghan police in 3 articles with 3 mentions", r)
		}
	}
	cases := []struct {
		name string
		f    khaldun.Filter
		want []string
	}{
		{"country", khaldun.Filter{Country: "TUR"}, []string{"Namik Tan", "Turkey"}},
		{"name", khaldun.Filter{Actor: "army"}, []string{"Syrian army"}},
		{"code prefix", khaldun.Filter{Actor: "IMG"}, []string{"Islamic State"}},
		{"source", khaldun.Filter{Source: "Mehr"}, []string{"Faisal Mekdad", "Mohammad Javad Zarif"}},
		{"published range", khaldun.Filter{From: "2005-01-01", To: "2005-12-31"}, []string{"Greece", "Namik Tan", "Turkey"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := s.Actors(context.Background(), tc.f)
			if err != nil {
				t.Fatal(err)
			}
			got := make([]string, len(rows))
			for i, r := range rows {
				got[i] = r.Name
			}
			sort.Strings(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("actors(%+v) = %v, want %v", tc.f, got, tc.want)
			}
		})
	}
}

func articleIDs(rows []khaldun.ArticleRow) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.ID
	}
	return out
}

func testArticleFilters(t *testing.T, s khaldun.Store) {
	put(t, s, khaldun.Batch{Records: Fixtures()})
	rows, err := s.Articles(context.Background(), khaldun.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := articleIDs(rows), []string{"reuters-2017-0906-1", "mehr-4109", "bbc-2005-0301"}; !slices.Equal(got, want) {
		t.Errorf("articles, newest first = %v, want %v", got, want)
	}
	for _, r := range rows {
		if r.Hash != khaldun.ContentHash(r.Article) || len(r.Events) == 0 || r.Text == "" {
			t.Errorf("article row %s lacks its hash, events or text", r.ID)
		}
	}
	cases := []struct {
		name string
		f    khaldun.Filter
		want []string
	}{
		{"source", khaldun.Filter{Source: "bbc"}, []string{"bbc-2005-0301"}},
		{"range", khaldun.Filter{From: "2017-09-06"}, []string{"reuters-2017-0906-1"}},
		{"place", khaldun.Filter{Place: "tehran"}, []string{"mehr-4109"}},
		{"country of a place or actor", khaldun.Filter{Country: "SYR"}, []string{"mehr-4109", "reuters-2017-0906-1"}},
		{"actor", khaldun.Filter{Actor: "Islamic State"}, []string{"reuters-2017-0906-1"}},
		{"type", khaldun.Filter{Type: "ACCUSE"}, []string{"bbc-2005-0301"}},
		{"limit", khaldun.Filter{Limit: 1}, []string{"reuters-2017-0906-1"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := s.Articles(context.Background(), tc.f)
			if err != nil {
				t.Fatal(err)
			}
			got := articleIDs(rows)
			sort.Strings(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("articles(%+v) = %v, want %v", tc.f, got, tc.want)
			}
		})
	}
}

func testSearch(t *testing.T, s khaldun.Store) {
	put(t, s, khaldun.Batch{Records: Fixtures()})
	cases := []struct {
		query string
		want  []string
	}{
		{"siege", []string{"reuters-2017-0906-1"}},
		{"SIEGE", []string{"reuters-2017-0906-1"}},
		{"terrorism", []string{"mehr-4109"}},
		{"airspace Aegean", []string{"bbc-2005-0301"}},
		{"Confer", []string{"mehr-4109"}}, // from the title
		{"syrian", []string{"mehr-4109", "reuters-2017-0906-1"}},
		{"siege airspace", []string{}},
		{"zeppelin", []string{}},
		{`"quoted" (odd) AND-syntax*`, []string{}},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			rows, err := s.Articles(context.Background(), khaldun.Filter{Search: tc.query})
			if err != nil {
				t.Fatalf("search %q: %v", tc.query, err)
			}
			got := articleIDs(rows)
			sort.Strings(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("search %q = %v, want %v", tc.query, got, tc.want)
			}
		})
	}
}

func testFailures(t *testing.T, s khaldun.Store) {
	fails := []khaldun.Failure{
		{File: "corpus/world.jsonl", Line: 12, ID: "w-12", Problem: "invalid json: unexpected end of input"},
		{File: "corpus/world.jsonl", Line: 40, Problem: "empty"},
		{File: "pages/notes.html", Problem: "binary file"},
	}
	put(t, s, khaldun.Batch{Failures: fails[:2]})
	put(t, s, khaldun.Batch{Records: Fixtures()[:1], Failures: fails})
	got, err := s.Failures(context.Background(), khaldun.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if g, w := asJSON(t, got), asJSON(t, fails); g != w {
		t.Errorf("failures:\ngot  %s\nwant %s", g, w)
	}
	if c := counts(t, s); c.Failures != 3 || c.Articles != 1 {
		t.Errorf("counts = %+v, want 3 failures and 1 article", c)
	}
	got, err = s.Failures(context.Background(), khaldun.Filter{Source: "world"})
	if err != nil || len(got) != 2 {
		t.Errorf("failures in world.jsonl: %d, %v; want 2", len(got), err)
	}
	got, err = s.Failures(context.Background(), khaldun.Filter{Limit: 1})
	if err != nil || len(got) != 1 {
		t.Errorf("failures limit 1: %d, %v; want 1", len(got), err)
	}
}

func testAtomic(t *testing.T, s khaldun.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Put(ctx, khaldun.Batch{Records: Fixtures()}); err == nil {
		t.Errorf("put with a cancelled context: no error")
	}
	if c := counts(t, s); c != (khaldun.Counts{}) {
		t.Errorf("after a failed put, counts = %+v, want none", c)
	}
	if n := put(t, s, khaldun.Batch{Records: Fixtures()}); n != 3 {
		t.Errorf("put after a failed put added %d, want 3", n)
	}
}

func testConcurrent(t *testing.T, s khaldun.Store) {
	const writers, per = 4, 25
	shared := Generated("shared", per)
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	added := make(chan int, writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			own := Generated(fmt.Sprintf("w%d", w), per)
			total := 0
			for i := 0; i < per; i += 5 {
				b := khaldun.Batch{Records: append(slices.Clone(own[i:i+5]), shared[i:i+5]...)}
				n, err := s.Put(context.Background(), b)
				if err != nil {
					errs <- err
					return
				}
				total += n
			}
			added <- total
		}()
	}
	wg.Wait()
	close(errs)
	close(added)
	for err := range errs {
		t.Fatalf("concurrent put: %v", err)
	}
	sum := 0
	for n := range added {
		sum += n
	}
	want := writers*per + per
	if sum != want {
		t.Errorf("writers added %d in all, want %d", sum, want)
	}
	if c := counts(t, s); c.Articles != want || c.Events != want {
		t.Errorf("counts = %+v, want %d articles and events", c, want)
	}
}
