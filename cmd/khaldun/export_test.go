package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const exampleRecords = "../../export/testdata/examples.records.jsonl"

func TestExportCommand(t *testing.T) {
	cases := []struct {
		name  string
		args  []string
		check func(t *testing.T, out string)
	}{
		{"gdelt has 61 columns", []string{"export", "--format", "gdelt", exampleRecords}, func(t *testing.T, out string) {
			for i, l := range strings.Split(strings.TrimSpace(out), "\n") {
				if n := strings.Count(l, "\t") + 1; n != 61 {
					t.Errorf("row %d: %d columns, want 61", i+1, n)
				}
			}
		}},
		{"csv filtered by country", []string{"export", "--format", "csv", "--country", "ngA", exampleRecords}, func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(lines) < 2 || !strings.HasPrefix(lines[0], "id,article,event,") {
				t.Fatalf("want a header and rows, got:\n%s", out)
			}
			for _, l := range lines[1:] {
				if !strings.Contains(l, "NGA") {
					t.Errorf("row without NGA: %s", l)
				}
			}
		}},
		{"clusters as JSON Lines", []string{"cluster", exampleRecords}, func(t *testing.T, out string) {
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				var c struct {
					ID       string
					Articles int
					Mentions []json.RawMessage
				}
				if err := json.Unmarshal([]byte(l), &c); err != nil || c.ID == "" || c.Articles < 1 || len(c.Mentions) < 1 {
					t.Errorf("bad cluster line (%v): %s", err, l)
				}
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if err := run(context.Background(), tc.args, strings.NewReader(""), &out, &errb); err != nil {
				t.Fatalf("khaldun %v: %v\n%s", tc.args, err, errb.String())
			}
			tc.check(t, out.String())
		})
	}
}

func TestExportToFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.parquet")
	var out, errb bytes.Buffer
	args := []string{"export", "--format", "parquet", "-o", path, exampleRecords}
	if err := run(context.Background(), args, strings.NewReader(""), &out, &errb); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("PAR1")) || !bytes.HasSuffix(b, []byte("PAR1")) || out.Len() != 0 {
		t.Errorf("got %d bytes without Parquet magic, or output on stdout (%d bytes)", len(b), out.Len())
	}
	args = []string{"export", "--format", "xml", exampleRecords}
	if err := run(context.Background(), args, strings.NewReader(""), &out, &errb); err == nil {
		t.Error("an unknown format: want an error")
	}
}
