package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/article"
	"github.com/khaldun/khaldun/coder"
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
	files, err := expand(fs.Args())
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
		arts, errs := readInput(name, e.stdin, opt)
		for _, err := range errs {
			failed++
			fmt.Fprintln(e.stderr, "khaldun:", err)
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

// expand turns directories into the article files they hold.
func expand(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if a == "-" {
			out = append(out, a)
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a, err)
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && articleFile(p) {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a, err)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// articleFile reports whether a file in a directory holds articles, by
// its extension.
func articleFile(p string) bool {
	p = strings.TrimSuffix(strings.ToLower(p), ".gz")
	switch filepath.Ext(p) {
	case ".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson":
		return true
	}
	return false
}

// readInput reads one named input ("-" for stdin), gunzipping .gz files.
func readInput(name string, stdin io.Reader, opt article.Options) ([]khaldun.Article, []error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, []error{err}
		}
		defer f.Close()
		r = f
	}
	label := name
	if strings.HasSuffix(strings.ToLower(name), ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, []error{fmt.Errorf("%s: %w", name, err)}
		}
		defer zr.Close()
		r = zr
		label = name[:len(name)-3]
	}
	data, err := io.ReadAll(io.LimitReader(r, 1<<31))
	if err != nil {
		return nil, []error{fmt.Errorf("%s: %w", name, err)}
	}
	arts, errs := article.Read(label, data, opt)
	return arts, errs
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
