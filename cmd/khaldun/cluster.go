package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/cluster"
	"github.com/khaldun/khaldun/export"
)

const clusterUsage = `usage: khaldun cluster [flags] [RECORDS.jsonl ...]

Groups the events that several articles report into one cluster each and
writes the clusters as JSON Lines: the event's type, code, actors, place and
date, the number of articles and of independent sources (wire copies count
once), every mention with its sentence, and the fields the reports disagree
on. Records come from files written by 'khaldun code' ("-" reads standard
input), or from the store (--db) when no file is named.

Example:
  khaldun code corpus.jsonl > records.jsonl
  khaldun cluster --min-sources 2 records.jsonl

Flags:
`

func runCluster(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("cluster", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", "khaldun.db", "store to read: a SQLite `PATH` or a postgres:// URL")
	minSources := fs.Int("min-sources", 1, "write only clusters reported by at least `N` independent sources")
	var xf exportFilter
	xf.register(fs)
	fs.Usage = func() { fmt.Fprint(e.stderr, clusterUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	recs, err := loadRecords(ctx, e, fs.Args(), *db, xf.filter())
	if err != nil {
		return err
	}
	if f := xf.filter(); f != nil {
		for i := range recs {
			recs[i].Events = keepMatching(f, &recs[i])
		}
	}
	cs := cluster.Build(recs)
	out := bufio.NewWriter(e.stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	n := 0
	for i := range cs {
		if cs[i].Sources < *minSources {
			continue
		}
		if err := enc.Encode(&cs[i]); err != nil {
			return fmt.Errorf("write cluster: %w", err)
		}
		n++
	}
	fmt.Fprintf(e.stderr, "khaldun: %d records, %d clusters written of %d\n", len(recs), n, len(cs))
	return out.Flush()
}

// keepMatching returns the events of r that pass f.
func keepMatching(f *khaldun.Filter, r *khaldun.Record) []khaldun.Event {
	var kept []khaldun.Event
	for i := range r.Events {
		if export.Match(f, r, &r.Events[i]) {
			kept = append(kept, r.Events[i])
		}
	}
	return kept
}
