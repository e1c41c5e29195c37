package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/khaldun/khaldun/article"
	"github.com/khaldun/khaldun/ingest"
)

const ingestUsage = `usage: khaldun ingest [flags] FILE|DIR|- ...

Reads articles (text, HTML, JSON Lines, .gz, RSS and Atom feeds, WARC
files; a directory is read recursively; - reads standard input), codes
them and stores the records. Ingest can be repeated or resumed after a
crash: an article already stored (same text, or same URL) is skipped.
Articles that cannot be read are stored as failures: see 'khaldun errors'.

Example:
  khaldun ingest ../shared/corpus
  khaldun ingest --db news.db --workers 4 crawl/2017-09.warc.gz feeds/

Flags:
`

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var opt article.Options
	var cf coderFlags
	db := fs.String("db", "khaldun.db", "store: a SQLite `PATH` or a postgres:// URL")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "number of articles coded at once")
	batch := fs.Int("batch", 64, "records stored per transaction")
	fs.StringVar(&opt.Published, "published", "", "publication date `YYYY-MM-DD` for articles that do not carry one")
	fs.StringVar(&opt.Source, "source", "", "source `NAME` for articles that do not carry one")
	fs.StringVar(&opt.Format, "input-format", "", "input format: text, html or jsonl (default: from the file name and content)")
	cf.register(fs)
	fs.Usage = func() { fmt.Fprint(e.stderr, ingestUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	inputs, err := ingest.Expand(fs.Args())
	if err != nil {
		return err
	}
	c, err := cf.coder()
	if err != nil {
		return err
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	var bar *progressBar
	if terminal(e.stderr) {
		bar = &progressBar{w: e.stderr}
	}
	g, err := ingest.New(ingest.Config{Coder: c, Store: s, Workers: *workers, BatchSize: *batch,
		Options: opt, Stdin: e.stdin, Progress: bar.show})
	if err != nil {
		return err
	}
	st, err := g.Run(ctx, inputs)
	bar.done()
	fmt.Fprintln(e.stderr, summary(st))
	return err
}

// summary is the line printed at the end of an ingest.
func summary(st ingest.Stats) string {
	secs := max(st.Elapsed.Seconds(), 1e-9)
	return fmt.Sprintf("ingest: %d inputs, %d articles read, %d stored, %d already stored, %d failures; %.0f articles/s, %.0f words/s, %s",
		st.Inputs, st.Articles, st.Added, st.Skipped+st.Duplicate, st.Failed,
		float64(st.Added+st.Duplicate)/secs, float64(st.Words)/secs, st.Elapsed.Round(time.Millisecond))
}

// terminal reports whether w is a character device (a terminal).
func terminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progressBar redraws one status line on a terminal; a nil bar shows
// nothing.
type progressBar struct {
	w     io.Writer
	drawn bool
}

func (p *progressBar) show(st ingest.Stats) {
	if p == nil {
		return
	}
	done := st.Added + st.Duplicate
	secs := max(st.Elapsed.Seconds(), 1e-9)
	line := fmt.Sprintf("%d articles stored, %d skipped, %.0f/s, %d errors", done, st.Skipped, float64(done)/secs, st.Failed)
	if st.Total > 0 && st.Bytes > 0 && st.Bytes < st.Total {
		eta := time.Duration(float64(st.Elapsed) * float64(st.Total-st.Bytes) / float64(st.Bytes))
		line += fmt.Sprintf(", %d%% of input, ETA %s", 100*st.Bytes/st.Total, eta.Round(time.Second))
	}
	const width = 30
	filled := 0
	if st.Total > 0 {
		filled = int(width * st.Bytes / st.Total)
	}
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = '.'
		if i < filled {
			bar[i] = '#'
		}
	}
	fmt.Fprintf(p.w, "\r[%s] %s\x1b[K", bar, line)
	p.drawn = true
}

func (p *progressBar) done() {
	if p != nil && p.drawn {
		fmt.Fprintln(p.w)
	}
}
