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

// evalGold is a small gold file in two formats, with text that is not
// ASCII before the annotated spans.
const evalGold = `{"id":"te:1","set":"te","dct":"2017-09-05","title":null,"text":"Zarif’s visit — Tehran, Tuesday: talks began on September 5, 2017.","timexes":[{"start":48,"end":65,"text":"September 5, 2017","type":"DATE","value":"2017-09-05"}]}
{"id":"ner:1","set":"ner","text":"Zarif met Lavrov in Genève .","sentences":[[0,28]],"entities":[{"start":0,"end":5,"text":"Zarif","type":"PER"},{"start":10,"end":16,"text":"Lavrov","type":"PER"},{"start":20,"end":26,"text":"Genève","type":"LOC"}]}
`

func writeGold(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "dev.jsonl")
	if err := os.WriteFile(path, []byte(evalGold), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEvalCommand(t *testing.T) {
	gold := writeGold(t)
	for _, tc := range []struct {
		name    string
		args    []string
		wantErr bool
		check   func(t *testing.T, out string)
	}{
		{"table", []string{"eval", gold}, false, func(t *testing.T, out string) {
			for _, want := range []string{"te (timex): 1 records", "ner (entities): 1 records", "span_exact", "micro", "P", "F1"} {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
		}},
		{"json", []string{"eval", "--json", gold}, false, func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(lines) != 2 {
				t.Fatalf("%d JSON lines, want one per set:\n%s", len(lines), out)
			}
			var r struct {
				Set     string             `json:"set"`
				Task    string             `json:"task"`
				Records int                `json:"records"`
				Figures map[string]float64 `json:"figures"`
			}
			if err := json.Unmarshal([]byte(lines[0]), &r); err != nil {
				t.Fatal(err)
			}
			if _, ok := r.Figures["span_exact.f1"]; r.Set != "te" || r.Task != "timex" || r.Records != 1 || !ok {
				t.Errorf("first set: %+v", r)
			}
		}},
		{"one set", []string{"eval", "--set", "ner", "--errors", "0", gold}, false, func(t *testing.T, out string) {
			if strings.Contains(out, "te (timex)") || !strings.Contains(out, "ner (entities)") {
				t.Errorf("--set ner printed:\n%s", out)
			}
		}},
		{"unknown set", []string{"eval", "--set", "nope", gold}, true, nil},
		{"no files", []string{"eval"}, true, nil},
		{"missing file", []string{"eval", filepath.Join(t.TempDir(), "none.jsonl")}, true, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			err := run(context.Background(), tc.args, strings.NewReader(""), &out, &errs)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v (stderr %s)", err, tc.wantErr, errs.String())
			}
			if tc.check != nil {
				tc.check(t, out.String())
			}
		})
	}
}
