package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/article"
	"github.com/khaldun/khaldun/sqlite"
)

// stubCoder codes an article as one event by the first capitalised word
// of its text against nobody: enough to see records flow, fast and
// deterministic. It waits delay per article.
type stubCoder struct{ delay time.Duration }

func (c stubCoder) Code(a khaldun.Article) khaldun.Record {
	if c.delay > 0 {
		time.Sleep(c.delay)
	}
	end := strings.IndexByte(a.Text, ' ')
	if end < 0 {
		end = len(a.Text)
	}
	return khaldun.Record{Article: a,
		Actors: []khaldun.Actor{{ID: "a1", Name: a.Text[:end], Kind: khaldun.KindGroup, Mentions: []khaldun.Span{{Start: 0, End: end}}}},
		Places: []khaldun.Place{}, Quotes: []khaldun.Quote{}, Dates: []khaldun.Date{},
		Events: []khaldun.Event{{ID: "e1", Type: "PROTEST", CAMEO: "140", Goldstein: -6.5, Quad: 3, Source: "a1",
			Sentence: khaldun.Span{Start: 0, End: len(a.Text)}, Trigger: khaldun.Span{Start: 0, End: end}, Rule: "stub"}},
	}
}

func openStore(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Gulf Wire</title>
<item><title>Protesters march in Manama</title><link>https://gulfwire.example.com/manama-march</link>
<pubDate>Fri, 18 Feb 2011 15:00:00 +0300</pubDate>
<description>&lt;p&gt;Thousands of protesters marched through Manama on Friday demanding political reform, witnesses said.&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://gulfwire.example.com/empty</link><description></description></item>
</channel></rss>`

func warcFile() []byte {
	page := `<html><head><title>Kurdish forces advance on Raqqa</title></head><body><article>` +
		`<p>RAQQA, Syria - Kurdish-led forces advanced into the eastern districts of Raqqa on Tuesday, a spokesman said.</p>` +
		`<p>The fighting drove hundreds of families from their homes.</p></article></body></html>`
	resp := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + fmt.Sprint(len(page)) + "\r\n\r\n" + page
	notFound := "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\nnot found"
	var buf bytes.Buffer
	for i, block := range []string{resp, notFound} {
		rec := fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example.org/raqqa-%d\r\n"+
			"WARC-Record-ID: <urn:uuid:5e1c0000-0000-4000-8000-00000000000%d>\r\nContent-Type: application/http; msgtype=response\r\n"+
			"Content-Length: %d\r\n\r\n%s\r\n\r\n", i, i, len(block), block)
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(rec))
		zw.Close()
	}
	return buf.Bytes()
}

// writeInputs writes one input of each kind under dir.
func writeInputs(t *testing.T, dir string) {
	t.Helper()
	lines := []string{
		`{"id":"ap-1","text":"Police fired tear gas at students protesting in Santiago on Thursday.","published":"2011-08-04","source":"AP"}`,
		`{"id":"ap-2","text":"Farmers blocked roads near Delhi for a third day on Monday, demanding higher crop prices.","source":"AP"}`,
		`{"id":"ap-3","text":`,
		`{"id":"ap-4","text":"   "}`,
	}
	files := map[string][]byte{
		"wire/ap.jsonl":            []byte(strings.Join(lines, "\n") + "\n"),
		"wire/story.txt":           []byte("Miners strike in Johannesburg\n\nJOHANNESBURG - Thousands of platinum miners went on strike on Wednesday over pay, their union said.\n"),
		"feeds/gulf.rss":           []byte(rssFeed),
		"crawl/news.warc.gz":       warcFile(),
		"wire/notes.bin":           {0, 1, 2, 3}, // not an input by its name: ignored in a directory
		"wire/compressed.jsonl.gz": gz(`{"id":"afp-9","text":"Opposition supporters rallied in Caracas on Saturday against the government.","source":"AFP"}` + "\n"),
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func gz(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	writeInputs(t, dir)
	s := openStore(t, filepath.Join(t.TempDir(), "khaldun.db"))
	inputs, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) != 5 {
		t.Fatalf("Expand found %d inputs, want 5: %v", len(inputs), inputs)
	}
	var progress []Stats
	g, err := New(Config{Coder: stubCoder{}, Store: s, Workers: 2, BatchSize: 3, Progress: func(st Stats) { progress = append(progress, st) }})
	if err != nil {
		t.Fatal(err)
	}
	st, err := g.Run(context.Background(), inputs)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	// ap-1, ap-2, afp-9, the story, the feed's first item, the WARC page
	if st.Inputs != 5 || st.Articles != 6 || st.Added != 6 || st.Skipped != 0 {
		t.Errorf("stats = %+v, want 5 inputs, 6 articles read and added", st)
	}
	if st.Failed != 3 || st.Words == 0 || len(progress) == 0 {
		t.Errorf("stats = %+v (%d progress calls), want 3 failures, some words and progress", st, len(progress))
	}
	rows, err := s.Articles(context.Background(), khaldun.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	byURL := map[string]khaldun.ArticleRow{}
	var ids []string
	for _, r := range rows {
		ids = append(ids, r.ID)
		byURL[r.URL] = r
	}
	slices.Sort(ids)
	if !slices.Contains(ids, "ap-1") || !slices.Contains(ids, "afp-9") || !slices.Contains(ids, "urn:uuid:5e1c0000-0000-4000-8000-000000000000") {
		t.Errorf("stored ids = %v", ids)
	}
	if r := byURL["https://gulfwire.example.com/manama-march"]; r.Published != "2011-02-18" || r.Source != "Gulf Wire" || !strings.Contains(r.Text, "Manama") {
		t.Errorf("feed article = %+v", r.Article)
	}
	if r := byURL["https://news.example.org/raqqa-0"]; !strings.Contains(r.Text, "Kurdish-led forces") || r.Title == "" {
		t.Errorf("warc article = %+v", r.Article)
	}
	fails, err := s.Failures(context.Background(), khaldun.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fails {
		got = append(got, fmt.Sprintf("%s:%d", filepath.Base(f.File), f.Line))
	}
	slices.Sort(got)
	if want := []string{"ap.jsonl:3", "ap.jsonl:4", "gulf.rss:2"}; !slices.Equal(got, want) {
		t.Errorf("failures = %v (%+v), want %v", got, fails, want)
	}

	t.Run("rerun adds nothing", func(t *testing.T) {
		before, _ := s.Count(context.Background())
		st, err := g.Run(context.Background(), inputs)
		if err != nil {
			t.Fatal(err)
		}
		if st.Added != 0 || st.Skipped != 6 {
			t.Errorf("rerun stats = %+v, want nothing added and 6 skipped", st)
		}
		if after, _ := s.Count(context.Background()); after != before {
			t.Errorf("counts after rerun = %+v, want %+v", after, before)
		}
	})
}

func TestRead(t *testing.T) {
	cases := []struct {
		name   string
		file   string
		data   string
		opt    article.Options
		ids    []string
		failed int
	}{
		{"jsonl", "a.jsonl", `{"id":"x1","text":"Rebels shelled the town overnight, residents said."}` + "\n" + `{"id":"x2"}` + "\n", article.Options{}, []string{"x1"}, 1},
		{"feed sniffed without an extension", "feed", rssFeed, article.Options{}, []string{"https://gulfwire.example.com/manama-march"}, 1},
		{"text", "note.txt", "Rebels shelled the town overnight, residents said.", article.Options{Source: "Wire"}, []string{"note"}, 0},
		{"broken feed", "x.rss", "<rss><channel><item>", article.Options{}, nil, 1},
		{"broken warc", "x.warc", "WARC/1.0\r\nContent-Length: x\r\n\r\n", article.Options{}, nil, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			arts, fails := Read(tc.file, []byte(tc.data), tc.opt)
			var ids []string
			for _, a := range arts {
				ids = append(ids, a.ID)
			}
			if !slices.Equal(ids, tc.ids) || len(fails) != tc.failed {
				t.Errorf("Read(%s) = %v and %d failures %+v; want %v and %d", tc.file, ids, len(fails), fails, tc.ids, tc.failed)
			}
		})
	}
}

// corpusFile writes n distinct JSON Lines articles.
func corpusFile(t *testing.T, path string, n int) {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := 0; i < n; i++ {
		enc.Encode(map[string]string{"id": fmt.Sprintf("wire-%04d", i), "source": "Wire", "published": "2020-01-02",
			"text": fmt.Sprintf("Protesters gathered outside parliament for the %dth day on Monday, organisers said.", i+1)})
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sqliteOpen(ctx context.Context, path string) (*sqlite.Store, error) {
	return sqlite.Open(ctx, path)
}

func articleOptions() article.Options { return article.Options{} }
