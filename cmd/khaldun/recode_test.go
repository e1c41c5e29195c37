package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// userLexicon writes a user lexicon with two verb patterns that recode
// two of the examples: the Jakarta visit "for talks" becomes a
// negotiation (046), and blaming an attack becomes 1121.
func userLexicon(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	lex := "# lemma\tpattern\tcameo\tflags\tnote\n" +
		"visit\t* for * talks\t046\t-\ta visit for talks is a negotiation\n" +
		"blame\t* attack\t1121\t-\tblaming someone for an attack\n"
	if err := os.WriteFile(filepath.Join(dir, "my-verbs.tsv"), []byte(lex), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// execIn runs the command line with ctx and returns its output.
func execIn(ctx context.Context, args ...string) (string, string, error) {
	var out, errs bytes.Buffer
	err := run(ctx, args, strings.NewReader(""), &out, &errs)
	return out.String(), errs.String(), err
}

func TestRecode(t *testing.T) {
	ctx := context.Background()
	lex := userLexicon(t)
	ingested := func(t *testing.T) string {
		db := filepath.Join(t.TempDir(), "khaldun.db")
		if _, stderr, err := execIn(ctx, "ingest", "--db", db, "../../examples"); err != nil {
			t.Fatalf("ingest: %v\n%s", err, stderr)
		}
		return db
	}
	// events lists the ids of the articles with events of CAMEO code.
	events := func(t *testing.T, db, code string) string {
		t.Helper()
		out, stderr, err := execIn(ctx, "events", "--db", db, "--json", "--limit", "0", "--cameo", code)
		if err != nil {
			t.Fatalf("events: %v\n%s", err, stderr)
		}
		return out
	}
	cases := []struct {
		name    string
		args    []string // after recode --db DB
		summary string   // in the summary line
		changed bool     // whether the Jakarta visit is a negotiation after
	}{
		{"same coder changes nothing", nil, "15 articles re-coded, 0 records changed", false},
		{"user verb patterns", []string{"--lexicon", lex}, "15 articles re-coded, 2 records changed and replaced, 13 unchanged; events ", true},
		{"dry run stores nothing", []string{"--lexicon", lex, "--dry-run"}, "2 records changed and would be replaced (dry run)", false},
		{"filters choose the articles", []string{"--lexicon", lex, "--search", "Canberra"}, "1 articles re-coded, 1 records changed", true},
		{"filters that leave the article out", []string{"--lexicon", lex, "--country", "ECU"}, "1 articles re-coded, 1 records changed", false},
		{"small batches", []string{"--lexicon", lex, "--batch", "1", "--workers", "1"}, "2 records changed and replaced", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := ingested(t)
			before := events(t, db, "042")
			if !strings.Contains(before, "10-visit-jakarta") {
				t.Fatalf("before recoding, the Jakarta visit is not a 042 visit:\n%s", before)
			}
			_, stderr, err := execIn(ctx, append([]string{"recode", "--db", db}, tc.args...)...)
			if err != nil {
				t.Fatalf("recode: %v\n%s", err, stderr)
			}
			if !strings.Contains(stderr, tc.summary) {
				t.Errorf("summary = %q, want %q in it", stderr, tc.summary)
			}
			negotiation := events(t, db, "046")
			if got := strings.Contains(negotiation, "10-visit-jakarta"); got != tc.changed {
				t.Errorf("Jakarta visit coded 046 after recode: %v, want %v\n%s", got, tc.changed, negotiation)
			}
			if got := strings.Contains(events(t, db, "042"), "10-visit-jakarta"); got == tc.changed {
				t.Errorf("Jakarta visit still coded 042 after recode: %v, want %v", got, !tc.changed)
			}
		})
	}
	t.Run("evidence and user rule recorded", func(t *testing.T) {
		db := ingested(t)
		if _, stderr, err := execIn(ctx, "recode", "--db", db, "--lexicon", lex); err != nil {
			t.Fatalf("recode: %v\n%s", err, stderr)
		}
		out := events(t, db, "1121")
		for _, want := range []string{`"rule":"my-verbs.tsv:3 blame * attack"`, `"evidence":"Police blamed the attack on Los Tiburones`} {
			if !strings.Contains(out, want) {
				t.Errorf("recoded event lacks %s:\n%s", want, out)
			}
		}
	})
	t.Run("stopped recode changes nothing", func(t *testing.T) {
		db := ingested(t)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, _, err := execIn(cctx, "recode", "--db", db, "--lexicon", lex); err == nil {
			t.Errorf("recode with a cancelled context: no error")
		}
		if out := events(t, db, "046"); strings.Contains(out, "10-visit-jakarta") {
			t.Errorf("a stopped recode replaced a record")
		}
	})
	t.Run("usage", func(t *testing.T) {
		for _, args := range [][]string{{"recode", "extra"}, {"recode", "--batch", "0"}, {"recode", "--no-such-flag"}} {
			if _, _, err := execIn(ctx, args...); err != errUsage {
				t.Errorf("%v: err = %v, want usage", args, err)
			}
		}
	})
}
