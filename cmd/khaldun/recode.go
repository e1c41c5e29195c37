package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"runtime"
	"time"

	"github.com/khaldun/khaldun"
)

const recodeUsage = `usage: khaldun recode [flags]

Codes the stored articles again with the current knowledge base and
lexicons (the embedded ones and the user's --kb, --lexicon and --petrarch
directories) and replaces the records that change: run it after adding an
actor, a name or a verb pattern, instead of ingesting the sources again.
The filters choose the articles, as for 'khaldun articles' (on their
records as stored before recoding).

Articles are replaced in batches, each in one transaction: a recode that
is stopped leaves every article either as it was or re-coded, never half,
and running it again finishes the work. A summary of what changed goes to
standard error.

Example:
  khaldun recode --lexicon my-lexicon/ --country SYR --from 2017-01-01
  khaldun recode --db postgres://localhost/news --kb my-kb/ --dry-run

Flags:
`

// recodeStats counts what a recode read and changed.
type recodeStats struct {
	articles, changed    int
	eventsOld, eventsNew int
	quotesOld, quotesNew int
	actorsOld, actorsNew int
	elapsed              time.Duration
	dryRun               bool
}

func (st recodeStats) String() string {
	verb := "replaced"
	if st.dryRun {
		verb = "would be replaced (dry run)"
	}
	return fmt.Sprintf("recode: %d articles re-coded, %d records changed and %s, %d unchanged; events %d -> %d, quotes %d -> %d, actors %d -> %d; %s",
		st.articles, st.changed, verb, st.articles-st.changed, st.eventsOld, st.eventsNew, st.quotesOld, st.quotesNew,
		st.actorsOld, st.actorsNew, st.elapsed.Round(time.Millisecond))
}

func runRecode(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("recode", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var cf coderFlags
	var f khaldun.Filter
	db := fs.String("db", "khaldun.db", "store: a SQLite `PATH` or a postgres:// URL")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "number of articles coded at once")
	batch := fs.Int("batch", 64, "articles replaced per transaction")
	dryRun := fs.Bool("dry-run", false, "count what would change; store nothing")
	cf.register(fs)
	fs.StringVar(&f.Type, "type", "", "only articles with an event of PLOVER `TYPE`")
	fs.StringVar(&f.CAMEO, "cameo", "", "only articles with an event of CAMEO `CODE` or its prefix")
	fs.StringVar(&f.Actor, "actor", "", "only articles naming an actor: part of a `NAME`, or a code or its prefix")
	fs.StringVar(&f.Country, "country", "", "only articles with an actor or place of ISO 3166 alpha-3 `CODE`")
	fs.StringVar(&f.Place, "place", "", "only articles with a place: part of its `NAME`")
	fs.StringVar(&f.From, "from", "", "only articles published on or after `DATE` (YYYY-MM-DD)")
	fs.StringVar(&f.To, "to", "", "only articles published on or before `DATE` (YYYY-MM-DD)")
	fs.StringVar(&f.Source, "source", "", "only articles whose source contains `NAME`")
	fs.StringVar(&f.Search, "search", "", "only articles where all the `WORDS` occur")
	fs.Usage = func() { fmt.Fprint(e.stderr, recodeUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 || *batch < 1 {
		fs.Usage()
		return errUsage
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
	rep, ok := s.(khaldun.Replacer)
	if !ok {
		return fmt.Errorf("recode: the store at %s cannot replace records", redact(*db))
	}
	start := time.Now()
	rows, err := s.Articles(ctx, f)
	if err != nil {
		return fmt.Errorf("recode: %w", err)
	}
	st := recodeStats{dryRun: *dryRun}
	defer func() {
		st.elapsed = time.Since(start)
		fmt.Fprintln(e.stderr, st)
	}()
	for len(rows) > 0 {
		n := min(len(rows), *batch)
		chunk := rows[:n]
		rows = rows[n:]
		arts := make([]khaldun.Article, n)
		for i := range chunk {
			arts[i] = chunk[i].Article
		}
		recs := codeAll(ctx, c, arts, *workers)
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("recode: stopped: %w", err)
		}
		var changed []khaldun.Record
		for i := range recs {
			old, now := &chunk[i].Record, &recs[i]
			same, err := sameRecord(old, now)
			if err != nil {
				return fmt.Errorf("recode article %q: %w", old.ID, err)
			}
			st.eventsOld += len(old.Events)
			st.quotesOld += len(old.Quotes)
			st.actorsOld += len(old.Actors)
			st.eventsNew += len(now.Events)
			st.quotesNew += len(now.Quotes)
			st.actorsNew += len(now.Actors)
			if !same {
				changed = append(changed, *now)
			}
		}
		if len(changed) > 0 && !*dryRun {
			if err := rep.Replace(ctx, changed); err != nil {
				return fmt.Errorf("recode: %w", err)
			}
		}
		st.articles += n
		st.changed += len(changed)
	}
	return nil
}

// sameRecord reports whether two records would be stored alike.
func sameRecord(a, b *khaldun.Record) (bool, error) {
	ja, err := json.Marshal(a)
	if err != nil {
		return false, err
	}
	jb, err := json.Marshal(b)
	if err != nil {
		return false, err
	}
	return string(ja) == string(jb), nil
}
