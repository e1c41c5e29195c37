package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/postgres"
	"github.com/khaldun/khaldun/sqlite"
)

// openStore opens the store named by --db: a postgres:// URL, or else
// the path of a SQLite file (created when missing).
func openStore(ctx context.Context, db string) (khaldun.Store, error) {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		s, err := postgres.Open(ctx, db)
		if err != nil {
			return nil, fmt.Errorf("--db %s: %w", redact(db), err)
		}
		return s, nil
	}
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// redact hides the password of a database URL.
func redact(db string) string {
	if at := strings.LastIndex(db, "@"); at > 0 {
		if i := strings.Index(db, "://"); i > 0 && i < at {
			return db[:i+3] + "…" + db[at:]
		}
	}
	return db
}

// queryFlags are the flags every query command takes.
type queryFlags struct {
	db   string
	json bool
	f    khaldun.Filter
}

func (q *queryFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&q.db, "db", "khaldun.db", "store to read: a SQLite `PATH` or a postgres:// URL")
	fs.BoolVar(&q.json, "json", false, "write JSON Lines instead of a table")
	fs.StringVar(&q.f.Type, "type", "", "PLOVER event `TYPE` (ASSAULT, CONSULT, ...)")
	fs.StringVar(&q.f.CAMEO, "cameo", "", "CAMEO event `CODE` or its prefix (04 for all consultations)")
	fs.StringVar(&q.f.Actor, "actor", "", "actor: part of a `NAME`, or a code or its prefix (IRNGOV, SYR)")
	fs.StringVar(&q.f.Country, "country", "", "ISO 3166 alpha-3 `CODE` of an actor or place")
	fs.StringVar(&q.f.Place, "place", "", "part of a place `NAME`")
	fs.StringVar(&q.f.From, "from", "", "first `DATE` (YYYY-MM-DD), inclusive")
	fs.StringVar(&q.f.To, "to", "", "last `DATE` (YYYY-MM-DD), inclusive")
	fs.StringVar(&q.f.Source, "source", "", "part of the article's source `NAME` (for errors: of the file name)")
	fs.StringVar(&q.f.Search, "search", "", "`WORDS` that must all occur in the article (articles, events, actors) or quote (quotes)")
	fs.IntVar(&q.f.Limit, "limit", 100, "at most `N` rows; 0 for all")
}

// query is one query command: what it lists and how.
type query struct {
	name, what, example string
	// rows fetches the rows, as values for JSON and as table cells.
	rows   func(ctx context.Context, s khaldun.Store, f khaldun.Filter) ([]any, [][]string, error)
	header []string
}

func queries() map[string]query {
	return map[string]query{
		"events": {"events", "coded events, newest first", "khaldun events --country SYR --type ASSAULT --from 2017-09-01",
			func(ctx context.Context, s khaldun.Store, f khaldun.Filter) ([]any, [][]string, error) {
				rows, err := s.Events(ctx, f)
				vals, cells := make([]any, len(rows)), make([][]string, len(rows))
				for i, r := range rows {
					date := r.Date
					if date == "" {
						date = r.Published
					}
					toll := ""
					if r.Killed > 0 || r.Wounded > 0 {
						toll = strconv.Itoa(r.Killed) + "/" + strconv.Itoa(r.Wounded)
					}
					vals[i] = r
					cells[i] = []string{date, r.Type, r.CAMEO, actorCell(r.SourceActor), actorCell(r.TargetActor),
						placeCell(r.PlaceEntry), toll, r.Article, clip(r.Evidence, 100)}
				}
				return vals, cells, err
			}, []string{"DATE", "TYPE", "CAMEO", "SOURCE", "TARGET", "PLACE", "KILLED/WOUNDED", "ARTICLE", "EVIDENCE"}},
		"quotes": {"quotes", "quotations, newest first", `khaldun quotes --actor Zarif --search "terrorism"`,
			func(ctx context.Context, s khaldun.Store, f khaldun.Filter) ([]any, [][]string, error) {
				rows, err := s.Quotes(ctx, f)
				vals, cells := make([]any, len(rows)), make([][]string, len(rows))
				for i, r := range rows {
					vals[i] = r
					cells[i] = []string{r.Published, actorCell(r.SpeakerActor), r.Kind, r.Article, clip(r.Text, 100)}
				}
				return vals, cells, err
			}, []string{"PUBLISHED", "SPEAKER", "KIND", "ARTICLE", "TEXT"}},
		"actors": {"actors", "actors across articles, most often named first", "khaldun actors --country IRN",
			func(ctx context.Context, s khaldun.Store, f khaldun.Filter) ([]any, [][]string, error) {
				rows, err := s.Actors(ctx, f)
				vals, cells := make([]any, len(rows)), make([][]string, len(rows))
				for i, r := range rows {
					vals[i] = r
					cells[i] = []string{r.Name, r.Kind, r.Code, r.Country, strconv.Itoa(r.Articles), strconv.Itoa(r.Mentions)}
				}
				return vals, cells, err
			}, []string{"NAME", "KIND", "CODE", "COUNTRY", "ARTICLES", "MENTIONS"}},
		"articles": {"articles", "stored articles (whole records with --json), newest first", `khaldun articles --search "siege"`,
			func(ctx context.Context, s khaldun.Store, f khaldun.Filter) ([]any, [][]string, error) {
				rows, err := s.Articles(ctx, f)
				vals, cells := make([]any, len(rows)), make([][]string, len(rows))
				for i, r := range rows {
					vals[i] = r.Record
					cells[i] = []string{r.Published, r.Source, r.ID, strconv.Itoa(len(r.Events)), strconv.Itoa(len(r.Quotes)), clip(r.Title, 80)}
				}
				return vals, cells, err
			}, []string{"PUBLISHED", "SOURCE", "ID", "EVENTS", "QUOTES", "TITLE"}},
		"errors": {"errors", "articles that could not be ingested, in the order met", "khaldun errors --source feeds/",
			func(ctx context.Context, s khaldun.Store, f khaldun.Filter) ([]any, [][]string, error) {
				rows, err := s.Failures(ctx, f)
				vals, cells := make([]any, len(rows)), make([][]string, len(rows))
				for i, r := range rows {
					line := ""
					if r.Line > 0 {
						line = strconv.Itoa(r.Line)
					}
					vals[i] = r
					cells[i] = []string{r.File, line, r.ID, r.Problem}
				}
				return vals, cells, err
			}, []string{"FILE", "LINE", "ID", "PROBLEM"}},
	}
}

// queryCommand returns the run function of the query command called name.
func queryCommand(name string) func(ctx context.Context, e *env, args []string) error {
	return func(ctx context.Context, e *env, args []string) error {
		q := queries()[name]
		fs := flag.NewFlagSet(name, flag.ContinueOnError)
		fs.SetOutput(e.stderr)
		var qf queryFlags
		qf.register(fs)
		fs.Usage = func() {
			fmt.Fprintf(e.stderr, "usage: khaldun %s [flags]\n\nLists %s from the store, as a table or, with --json,\nas JSON Lines.\n\nExample:\n  %s\n\nFlags:\n",
				name, q.what, q.example)
			fs.PrintDefaults()
		}
		if err := fs.Parse(args); err != nil {
			return errUsage
		}
		if fs.NArg() > 0 {
			fs.Usage()
			return errUsage
		}
		s, err := openStore(ctx, qf.db)
		if err != nil {
			return err
		}
		defer s.Close()
		vals, cells, err := q.rows(ctx, s, qf.f)
		if err != nil {
			return err
		}
		out := bufio.NewWriter(e.stdout)
		if qf.json {
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			for _, v := range vals {
				if err := enc.Encode(v); err != nil {
					return fmt.Errorf("write %s: %w", name, err)
				}
			}
		} else {
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, strings.Join(q.header, "\t"))
			for _, row := range cells {
				for i := range row {
					row[i] = cell(row[i])
				}
				fmt.Fprintln(tw, strings.Join(row, "\t"))
			}
			if err := tw.Flush(); err != nil {
				return fmt.Errorf("write %s: %w", name, err)
			}
		}
		if err := out.Flush(); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		if len(vals) == 0 {
			fmt.Fprintf(e.stderr, "khaldun: no %s match\n", name)
		}
		return nil
	}
}

// cell makes a value safe for one table cell.
func cell(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
	if s == "" {
		return "-"
	}
	return s
}

func actorCell(a *khaldun.Actor) string {
	if a == nil {
		return ""
	}
	if a.Code != "" {
		return a.Name + " (" + a.Code + ")"
	}
	return a.Name
}

func placeCell(p *khaldun.Place) string {
	if p == nil {
		return ""
	}
	if p.Country != "" {
		return p.Name + " (" + p.Country + ")"
	}
	return p.Name
}

// clip shortens s to about n characters, on a rune boundary.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
