package ingest

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/article"
)

// Coder codes one article; *coder.Coder is one. It must be safe for
// concurrent use.
type Coder interface {
	Code(khaldun.Article) khaldun.Record
}

// Config says what to ingest with. New sets the defaults of zero fields.
type Config struct {
	// Coder codes the articles. Required.
	Coder Coder
	// Store receives the records and failures. Required.
	Store khaldun.Store
	// Workers is the number of articles coded at once; default
	// runtime.GOMAXPROCS(0).
	Workers int
	// BatchSize is the number of records stored in one transaction;
	// default 64.
	BatchSize int
	// FlushEvery bounds how long a coded record waits to be stored when
	// batches fill slowly; default one second.
	FlushEvery time.Duration
	// Options are given to every article read (published, source, url,
	// licence, format), as for khaldun code.
	Options article.Options
	// Stdin is read for the input "-".
	Stdin io.Reader
	// Progress, when set, is called after each stored batch with the
	// figures so far, from one goroutine at a time.
	Progress func(Stats)
	// Now is the clock; default time.Now.
	Now func() time.Time
}

// Stats are the figures of one ingest.
type Stats struct {
	Inputs    int           // input files read
	Articles  int           // articles read from them
	Skipped   int           // articles already stored, not coded again
	Added     int           // records stored
	Duplicate int           // records coded but found stored when written
	Failed    int           // failures recorded
	Words     int           // words in the articles coded
	Bytes     int64         // bytes of the inputs read so far (as on disk)
	Total     int64         // bytes of all the inputs, when known (0 for stdin)
	Elapsed   time.Duration // time since the start
}

// Ingester reads inputs, codes their articles and stores the records.
type Ingester struct {
	cfg Config
}

// New checks the configuration and sets its defaults.
func New(cfg Config) (*Ingester, error) {
	if cfg.Coder == nil || cfg.Store == nil {
		return nil, fmt.Errorf("ingest: a coder and a store are required")
	}
	if cfg.Workers < 1 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.BatchSize < 1 {
		cfg.BatchSize = 64
	}
	if cfg.FlushEvery <= 0 {
		cfg.FlushEvery = time.Second
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Ingester{cfg: cfg}, nil
}

// job is one article to code and the input it came from.
type job struct {
	a    khaldun.Article
	file string
}

// item is what flows to the writer: a coded record, or a failure.
type item struct {
	rec   *khaldun.Record
	fail  *khaldun.Failure
	words int
}

// Run ingests the input files (as Expand returns them) and returns the
// figures. A per-article problem is stored as a failure and the run goes
// on; the error is for what stops the run: the store failing, or ctx
// being cancelled. Everything stored before an error stays stored, and a
// rerun with the same inputs completes the work without storing anything
// twice.
func (g *Ingester) Run(ctx context.Context, inputs []string) (Stats, error) {
	cfg := g.cfg
	start := cfg.Now()
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var st Stats
	for _, in := range inputs {
		if fi, err := os.Stat(in); err == nil && in != "-" {
			st.Total += fi.Size()
		}
	}
	var mu sync.Mutex // guards st between the reader and the writer
	jobs := make(chan job, cfg.Workers*4)
	out := make(chan item, cfg.Workers*4+cfg.BatchSize)
	var readErr error

	// reader: inputs to articles, skipping those already stored
	go func() {
		defer close(jobs)
		for _, in := range inputs {
			if ctx.Err() != nil {
				return
			}
			data, label, err := Load(in, cfg.Stdin)
			var arts []khaldun.Article
			var fails []khaldun.Failure
			if err != nil {
				fails = []khaldun.Failure{{File: in, Problem: err.Error()}}
			} else {
				arts, fails = Read(label, data, cfg.Options)
				if isURL(in) {
					// a page fetched by its address keeps it
					for i := range arts {
						if arts[i].URL == "" {
							arts[i].URL = in
						}
					}
				}
			}
			mu.Lock()
			st.Inputs++
			st.Articles += len(arts)
			mu.Unlock()
			for i := range fails {
				select {
				case out <- item{fail: &fails[i]}:
				case <-ctx.Done():
					return
				}
			}
			for len(arts) > 0 {
				n := min(len(arts), 256)
				chunk := arts[:n]
				arts = arts[n:]
				hashes := make([]string, n)
				for i := range chunk {
					hashes[i] = khaldun.ContentHash(chunk[i])
				}
				known, err := cfg.Store.Known(ctx, hashes)
				if err != nil {
					mu.Lock()
					readErr = err
					mu.Unlock()
					cancel()
					return
				}
				for i := range chunk {
					if known[hashes[i]] {
						mu.Lock()
						st.Skipped++
						mu.Unlock()
						continue
					}
					select {
					case jobs <- job{chunk[i], label}:
					case <-ctx.Done():
						return
					}
				}
			}
			if fi, err := os.Stat(in); err == nil && in != "-" {
				mu.Lock()
				st.Bytes += fi.Size()
				mu.Unlock()
			}
		}
	}()

	// coders
	var wg sync.WaitGroup
	for w := 0; w < cfg.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				it := code(cfg.Coder, j)
				select {
				case out <- it:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()

	// writer: batches to the store, here on the calling goroutine
	var batch khaldun.Batch
	words := 0
	flush := func() error {
		if len(batch.Records) == 0 && len(batch.Failures) == 0 {
			return nil
		}
		added, err := cfg.Store.Put(ctx, batch)
		if err != nil {
			return err
		}
		mu.Lock()
		st.Added += added
		st.Duplicate += len(batch.Records) - added
		st.Failed += len(batch.Failures)
		st.Words += words
		st.Elapsed = cfg.Now().Sub(start)
		snap := st
		mu.Unlock()
		batch, words = khaldun.Batch{}, 0
		if cfg.Progress != nil {
			cfg.Progress(snap)
		}
		return nil
	}
	tick := time.NewTicker(cfg.FlushEvery)
	defer tick.Stop()
	var err error
loop:
	for {
		select {
		case it, ok := <-out:
			if !ok {
				break loop
			}
			if it.rec != nil {
				batch.Records = append(batch.Records, *it.rec)
				words += it.words
			} else {
				batch.Failures = append(batch.Failures, *it.fail)
			}
			if len(batch.Records)+len(batch.Failures) >= cfg.BatchSize {
				if err = flush(); err != nil {
					break loop
				}
			}
		case <-tick.C:
			if err = flush(); err != nil {
				break loop
			}
		}
	}
	if err == nil && ctx.Err() == nil {
		err = flush()
	}
	cancel()
	mu.Lock()
	defer mu.Unlock()
	st.Elapsed = cfg.Now().Sub(start)
	switch {
	case readErr != nil:
		return st, fmt.Errorf("ingest: %w", readErr)
	case err != nil:
		return st, fmt.Errorf("ingest: %w", err)
	}
	if err := parent.Err(); err != nil {
		return st, fmt.Errorf("ingest: %w", err)
	}
	return st, nil
}

// code codes one article; a coder that panics costs the article, not the
// run.
func code(c Coder, j job) (it item) {
	defer func() {
		if p := recover(); p != nil {
			it = item{fail: &khaldun.Failure{File: j.file, ID: j.a.ID, Problem: fmt.Sprintf("coder failed: %v", p)}}
		}
	}()
	rec := c.Code(j.a)
	return item{rec: &rec, words: countWords(j.a.Text)}
}

// countWords counts the runs of non-space bytes in s.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
