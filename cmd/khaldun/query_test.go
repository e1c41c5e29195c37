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

func TestIngestAndQuery(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "khaldun.db")
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id":"broken","text":`+"\n"), 0o644)
	exec := func(args ...string) (string, string, error) {
		var out, errs bytes.Buffer
		err := run(context.Background(), args, strings.NewReader(""), &out, &errs)
		return out.String(), errs.String(), err
	}
	if _, stderr, err := exec("ingest", "--db", db, "../../examples", bad); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	} else if !strings.Contains(stderr, "1 failures") {
		t.Errorf("ingest summary = %q, want 1 failure counted", stderr)
	}
	// a second run stores nothing new
	if _, stderr, err := exec("ingest", "--db", db, "../../examples"); err != nil || !strings.Contains(stderr, " 0 stored") {
		t.Errorf("second ingest: %v, summary %q; want nothing stored", err, stderr)
	}
	cases := []struct {
		name string
		args []string
		want string // in the output
	}{
		{"events table", []string{"events", "--country", "GHA"}, "03-protest-accra"},
		{"events json", []string{"events", "--json", "--type", "COERCE"}, `"type":"COERCE"`},
		{"articles search", []string{"articles", "--search", "tear gas"}, "03-protest-accra"},
		{"quotes", []string{"quotes", "--json", "--limit", "1"}, `"speaker_actor"`},
		{"actors", []string{"actors", "--country", "TUR"}, "TUR"},
		{"errors", []string{"errors"}, "bad.jsonl"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, stderr, err := exec(append(tc.args, "--db", db)...)
			if err != nil {
				t.Fatalf("%v: %v\n%s", tc.args, err, stderr)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("%v: output lacks %q:\n%s", tc.args, tc.want, out)
			}
			if strings.Contains(strings.Join(tc.args, " "), "--json") {
				for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
					if !json.Valid([]byte(line)) {
						t.Errorf("not JSON: %s", line)
					}
				}
			}
		})
	}
	if _, _, err := exec("events", "--db", db, "extra-arg"); err == nil {
		t.Errorf("events with an argument: no usage error")
	}
}
