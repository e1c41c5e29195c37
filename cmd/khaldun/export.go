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
	"slices"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/cluster"
	"github.com/khaldun/khaldun/export"
)

const exportUsage = `usage: khaldun export --format gdelt|plover|csv|jsonl|parquet [flags] [RECORDS.jsonl ...]

Writes events in an exchange format: GDELT 2.0 event TSV (61 columns in
GDELT's order, no header), PLOVER/POLECAT JSON Lines, CSV, the records
themselves as JSON Lines, or Parquet. Events come from the store (--db), or
from files of records written by 'khaldun code' when files are named ("-"
reads standard input). Events reported by several articles are clustered
first, so each row carries the number of articles and sources reporting it.

Example:
  khaldun export --format gdelt --country SYR --from 2017-01-01 -o syria.tsv
  khaldun code examples/ | khaldun export --format csv -

Flags:
`

// exportFilter holds the filter flags of export and cluster.
type exportFilter struct{ f khaldun.Filter }

func (x *exportFilter) register(fs *flag.FlagSet) {
	fs.StringVar(&x.f.Type, "type", "", "PLOVER event `TYPE` (CONSULT, ASSAULT, ...)")
	fs.StringVar(&x.f.CAMEO, "cameo", "", "CAMEO event `CODE` or prefix (04 selects 040-046)")
	fs.StringVar(&x.f.Actor, "actor", "", "actor name substring or code prefix")
	fs.StringVar(&x.f.Country, "country", "", "ISO 3166 alpha-3 `CODE` of an actor or the place")
	fs.StringVar(&x.f.Place, "place", "", "place name substring")
	fs.StringVar(&x.f.From, "from", "", "first `DATE` (YYYY-MM-DD or shorter)")
	fs.StringVar(&x.f.To, "to", "", "last `DATE` (YYYY-MM-DD or shorter)")
	fs.StringVar(&x.f.Source, "source", "", "news source `NAME` substring")
	fs.StringVar(&x.f.Search, "search", "", "`WORDS` that must all occur in the article")
}

func (x *exportFilter) filter() *khaldun.Filter {
	if x.f == (khaldun.Filter{}) {
		return nil
	}
	f := x.f
	f.Country = strings.ToUpper(f.Country)
	f.Type = strings.ToUpper(f.Type)
	return &f
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "", "output format: gdelt, plover, csv, jsonl or parquet")
	out := fs.String("o", "", "write to `FILE` (atomically) instead of standard output")
	db := fs.String("db", "khaldun.db", "store to read: a SQLite `PATH` or a postgres:// URL")
	clustered := fs.Bool("cluster", true, "cluster events across articles to count their articles and sources")
	dedupe := fs.Bool("dedupe", false, "write one event per cluster (the first reported)")
	var xf exportFilter
	xf.register(fs)
	fs.Usage = func() { fmt.Fprint(e.stderr, exportUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	f, err := export.ParseFormat(*format)
	if err != nil {
		fs.Usage()
		return err
	}
	recs, err := loadRecords(ctx, e, fs.Args(), *db, xf.filter())
	if err != nil {
		return err
	}
	opt := export.Options{Filter: xf.filter(), OnePerCluster: *dedupe}
	if *clustered || *dedupe {
		opt.Clusters = cluster.Build(recs)
	}
	return writeOutput(*out, e.stdout, func(w io.Writer) error {
		ew, err := export.NewWriter(w, f, opt)
		if err != nil {
			return err
		}
		for i := range recs {
			if err := ew.Write(&recs[i]); err != nil {
				ew.Close()
				return err
			}
		}
		return ew.Close()
	})
}

// loadRecords reads records from the named files of 'khaldun code' output
// or, when none is named, from the store at db.
func loadRecords(ctx context.Context, e *env, files []string, db string, f *khaldun.Filter) ([]khaldun.Record, error) {
	if len(files) == 0 {
		return storeRecords(ctx, db, f)
	}
	var recs []khaldun.Record
	for _, name := range files {
		rs, err := readRecordFile(name, e.stdin)
		if err != nil {
			return nil, err
		}
		recs = append(recs, rs...)
	}
	return recs, nil
}

// readRecordFile reads JSON Lines of records, as 'khaldun code' writes them.
func readRecordFile(name string, stdin io.Reader) ([]khaldun.Record, error) {
	var r io.Reader = stdin
	if name != "-" {
		fh, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer fh.Close()
		r = fh
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	var recs []khaldun.Record
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var rec khaldun.Record
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: read record: %w", name, line, err)
		}
		recs = append(recs, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return recs, nil
}

// writeOutput runs write on standard output, or on a temporary file that
// replaces path only when write succeeds.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("create output: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("create output: %w", err)
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// storeRecords returns the stored records with an event matching f.
func storeRecords(ctx context.Context, db string, f *khaldun.Filter) ([]khaldun.Record, error) {
	if !strings.Contains(db, "://") {
		if _, err := os.Stat(db); err != nil {
			return nil, fmt.Errorf("no store at %s (run 'khaldun ingest' first, or name files of records): %w", db, err)
		}
	}
	s, err := openStore(ctx, db)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var filter khaldun.Filter
	if f != nil {
		filter = *f
	}
	rows, err := s.Articles(ctx, filter)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", redact(db), err)
	}
	recs := make([]khaldun.Record, len(rows))
	for i := range rows {
		recs[i] = rows[i].Record
	}
	// oldest first, as the records were written
	slices.Reverse(recs)
	return recs, nil
}
