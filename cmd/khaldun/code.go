package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/article"
	"github.com/khaldun/khaldun/coder"
	"github.com/khaldun/khaldun/ingest"
)

const codeUsage = `usage: khaldun code [flags] FILE|DIR|- ...

Codes news articles (plain text, HTML, or JSON Lines with one article per
line; a directory is read file by file; - reads standard input) and writes
one JSON record per article to standard output, in input order.

Example:
  khaldun code --published 2017-09-05 story.txt
  khaldun code examples/

Flags:
`

// coderFlags are the flags of every command that builds a coder.
type coderFlags struct {
	kbDir, lexDir, petrarchDir string
}

func (f *coderFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.kbDir, "kb", "", "directory of knowledge-base files to add to the embedded ones (default: ~/.config/khaldun/kb when it exists)")
	fs.StringVar(&f.lexDir, "lexicon", "", "directory of event-lexicon files to add to the embedded ones (default: ~/.config/khaldun/lexicon when it exists)")
	fs.StringVar(&f.petrarchDir, "petrarch", "", "directory of PETRARCH dictionaries (actors, agents, verbs, discards) to code with")
}

func (f *coderFlags) coder() (*coder.Coder, error) {
	return coder.New(coder.Config{KBDir: orConfigDir(f.kbDir, "kb"), LexiconDir: orConfigDir(f.lexDir, "lexicon"), PetrarchDir: f.petrarchDir})
}

// orConfigDir returns dir, or when it is empty the user's own directory
// of that name under the configuration directory (~/.config/khaldun/kb on
// Linux) if there is one: files a user keeps there extend the embedded
// data for every run.
func orConfigDir(dir, name string) string {
	if dir != "" {
		return dir
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	p := filepath.Join(base, "khaldun", name)
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return p
	}
	return ""
}

func runCode(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("code", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var opt article.Options
	var cf coderFlags
	fs.StringVar(&opt.Published, "published", "", "publication date `YYYY-MM-DD` for articles that do not carry one")
	fs.StringVar(&opt.Source, "source", "", "source `NAME` (news agency or site)")
	fs.StringVar(&opt.URL, "url", "", "`URL` of the article")
	fs.StringVar(&opt.Format, "input-format", "", "input format: text, html or jsonl (default: from the file name and content)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "number of articles coded at once")
	cf.register(fs)
	fs.Usage = func() { fmt.Fprint(e.stderr, codeUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	c, err := cf.coder()
	if err != nil {
		return err
	}
	files, err := ingest.Expand(fs.Args())
	if err != nil {
		return err
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	coded, failed := 0, 0
	for _, name := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		arts, fails := readInput(name, e.stdin, opt)
		for _, f := range fails {
			failed++
			fmt.Fprintln(e.stderr, "khaldun:", failureText(f))
		}
		recs := codeAll(ctx, c, arts, *workers)
		for i := range recs {
			if err := enc.Encode(&recs[i]); err != nil {
				return fmt.Errorf("write record: %w", err)
			}
			coded++
		}
	}
	if coded == 0 {
		return fmt.Errorf("no article could be coded (%d problems)", failed)
	}
	return nil
}

// readInput reads the articles of one input, as ingest reads them: text,
// HTML, JSON Lines, feeds, WARC, gzipped files and http(s) addresses.
func readInput(name string, stdin io.Reader, opt article.Options) ([]khaldun.Article, []khaldun.Failure) {
	data, label, err := ingest.Load(name, stdin)
	if err != nil {
		return nil, []khaldun.Failure{{File: name, Problem: err.Error()}}
	}
	return ingest.Read(label, data, opt)
}

// codeAll codes articles on several goroutines and returns the records in
// input order.
func codeAll(ctx context.Context, c *coder.Coder, arts []khaldun.Article, workers int) []khaldun.Record {
	recs := make([]khaldun.Record, len(arts))
	if workers < 1 {
		workers = 1
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				recs[i] = c.Code(arts[i])
			}
		}()
	}
	for i := range arts {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return recs
}

// failureText writes a failure as one line: file, line, article, problem.
func failureText(f khaldun.Failure) string {
	s := f.File
	if f.Line > 0 {
		s += ":" + strconv.Itoa(f.Line)
	}
	if f.ID != "" {
		s += fmt.Sprintf(": article %q", f.ID)
	}
	return s + ": " + f.Problem
}
