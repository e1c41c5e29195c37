package main

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/postgres/pgtest"
)

// TestPostgresIngestAndQuery ingests the examples into PostgreSQL and
// into SQLite and checks that the query commands answer the same.
func TestPostgresIngestAndQuery(t *testing.T) {
	pg := pgtest.Schema(t)
	lite := filepath.Join(t.TempDir(), "khaldun.db")
	exec := func(args ...string) (string, string, error) {
		var out, errs bytes.Buffer
		err := run(context.Background(), args, strings.NewReader(""), &out, &errs)
		return out.String(), errs.String(), err
	}
	for _, db := range []string{pg, lite} {
		if _, stderr, err := exec("ingest", "--db", db, "../../examples"); err != nil {
			t.Fatalf("ingest into %s: %v\n%s", redact(db), err, stderr)
		}
	}
	if _, stderr, err := exec("ingest", "--db", pg, "../../examples"); err != nil || !strings.Contains(stderr, " 0 stored") {
		t.Errorf("second ingest into PostgreSQL: %v, summary %q; want nothing stored", err, stderr)
	}
	cases := []struct {
		name string
		args []string
		want string // in the output
	}{
		{"events", []string{"events", "--json", "--limit", "0"}, `"evidence"`},
		{"events by country", []string{"events", "--json", "--country", "GHA"}, "03-protest-accra"},
		{"events by type", []string{"events", "--json", "--type", "COERCE"}, `"type":"COERCE"`},
		{"articles search stemmed", []string{"articles", "--search", "protester firing"}, "03-protest-accra"},
		{"articles search", []string{"articles", "--search", "tear gas"}, "03-protest-accra"},
		{"quotes", []string{"quotes", "--json"}, `"speaker_actor"`},
		{"actors", []string{"actors", "--limit", "0"}, "TUR"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, stderr, err := exec(append(tc.args, "--db", pg)...)
			if err != nil {
				t.Fatalf("%v: %v\n%s", tc.args, err, stderr)
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("%v: output lacks %q:\n%s", tc.args, tc.want, got)
			}
			want, _, err := exec(append(tc.args, "--db", lite)...)
			if err != nil {
				t.Fatal(err)
			}
			g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
			slices.Sort(g)
			slices.Sort(w)
			if !slices.Equal(g, w) {
				t.Errorf("%v: PostgreSQL and SQLite differ:\npostgres:\n%s\nsqlite:\n%s", tc.args, got, want)
			}
		})
	}
	t.Run("recode", func(t *testing.T) {
		_, stderr, err := exec("recode", "--db", pg, "--lexicon", userLexicon(t))
		if err != nil || !strings.Contains(stderr, "2 records changed and replaced") {
			t.Fatalf("recode: %v\n%s", err, stderr)
		}
		out, _, err := exec("events", "--db", pg, "--json", "--cameo", "046")
		if err != nil || !strings.Contains(out, "10-visit-jakarta") {
			t.Errorf("after recode, events 046 = %v\n%s; want the Jakarta visit", err, out)
		}
	})
}
