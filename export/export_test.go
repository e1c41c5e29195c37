package export

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/article"
	"github.com/khaldun/khaldun/cluster"
	"github.com/khaldun/khaldun/coder"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// examples returns the records coded from examples/, as kept in
// testdata/examples.records.jsonl so that a change in the coder does not
// move the export goldens; go test -update codes them afresh.
func examples(t *testing.T) []khaldun.Record {
	t.Helper()
	path := filepath.Join("testdata", "examples.records.jsonl")
	if !*update {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		var recs []khaldun.Record
		for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			var r khaldun.Record
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("%s:%d: %v", path, i+1, err)
			}
			recs = append(recs, r)
		}
		return recs
	}
	recs := codeExamples(t)
	var buf bytes.Buffer
	for _, r := range recs {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(append(b, '\n'))
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return recs
}

// codeExamples codes the articles in examples/.
func codeExamples(t *testing.T) []khaldun.Record {
	t.Helper()
	c, err := coder.New(coder.Config{})
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("../examples/*")
	if err != nil {
		t.Fatal(err)
	}
	var recs []khaldun.Record
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		arts, errs := article.Read(f, data, article.Options{})
		if len(errs) > 0 {
			t.Fatalf("%s: %v", f, errs[0])
		}
		for _, a := range arts {
			recs = append(recs, c.Code(a))
		}
	}
	if len(recs) == 0 {
		t.Fatal("no example articles")
	}
	return recs
}

func write(t *testing.T, recs []khaldun.Record, f Format, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, f, opt)
	if err != nil {
		t.Fatal(err)
	}
	for i := range recs {
		if err := w.Write(&recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden writes the example records in every text format and compares
// them with testdata/examples.*; go test -update rewrites them.
func TestGolden(t *testing.T) {
	recs := examples(t)
	opt := Options{Clusters: cluster.Build(recs), Added: time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		format Format
		file   string
	}{
		{GDELT, "examples.gdelt.tsv"},
		{PLOVER, "examples.plover.jsonl"},
		{CSV, "examples.csv"},
		{JSONL, "examples.jsonl"},
	} {
		t.Run(string(tc.format), func(t *testing.T) {
			got := write(t, recs, tc.format, opt)
			path := filepath.Join("testdata", tc.file)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) && i < len(wl); i++ {
					if gl[i] != wl[i] {
						t.Fatalf("%s differs at line %d (go test -update rewrites it):\n got %s\nwant %s", path, i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("%s: got %d lines, want %d (go test -update rewrites it)", path, len(gl), len(wl))
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Format
		ok   bool
	}{
		{"gdelt", GDELT, true}, {"PLOVER", PLOVER, true}, {"parquet", Parquet, true}, {"xlsx", "", false}, {"", "", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseFormat(tc.in)
			if got != tc.want || (err == nil) != tc.ok {
				t.Errorf("ParseFormat(%q) = %q, %v; want %q, ok=%v", tc.in, got, err, tc.want, tc.ok)
			}
		})
	}
}

func TestCountries(t *testing.T) {
	m, err := parseCountries(countriesTSV, "data/countries.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for iso, fips := range map[string]string{"SYR": "SY", "DEU": "GM", "GBR": "UK", "NGA": "NI", "NER": "NG", "TUR": "TU", "USA": "US", "IRQ": "IZ"} {
		if m[iso].FIPS != fips {
			t.Errorf("%s: got FIPS %q, want %q", iso, m[iso].FIPS, fips)
		}
	}
	if _, err := parseCountries([]byte("SYR\tSYR\tSyria\n"), "bad.tsv"); err == nil || !strings.Contains(err.Error(), "bad.tsv:1") {
		t.Errorf("a three-letter FIPS code: got %v, want an error naming bad.tsv:1", err)
	}
}

func TestFilter(t *testing.T) {
	recs := examples(t)
	cases := []struct {
		name   string
		f      khaldun.Filter
		wantIn []string // event ids (article/event) that must be written
		none   bool
	}{
		{"country of the place", khaldun.Filter{Country: "NGA", Type: "FIGHT"}, []string{"02-attack-monguno/e1"}, false},
		{"code prefix", khaldun.Filter{CAMEO: "04", Actor: "Aydoğan"}, []string{"01-meeting-ankara/e1"}, false},
		{"date range", khaldun.Filter{From: "2030"}, nil, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := string(write(t, recs, CSV, Options{Filter: &tc.f}))
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if tc.none && len(lines) != 1 {
				t.Errorf("got %d rows, want none:\n%s", len(lines)-1, out)
			}
			for _, id := range tc.wantIn {
				if !strings.Contains(out, "\n"+id+",") {
					t.Errorf("%s not written:\n%s", id, out)
				}
			}
			for _, l := range lines[1:] {
				if tc.f.Country == "NGA" && !strings.Contains(l, "NGA") {
					t.Errorf("row without NGA: %s", l)
				}
			}
		})
	}
}

// TestOnePerCluster writes one row per cluster with its counts.
func TestOnePerCluster(t *testing.T) {
	base := examples(t)[0]
	var recs []khaldun.Record
	for i, src := range []string{"Anadolu", "Kazinform", "Anadolu"} {
		r := base
		r.ID = base.ID + "-" + strconv.Itoa(i)
		r.Source = src
		r.Events = base.Events[:1]
		recs = append(recs, r)
	}
	cs := cluster.Build(recs)
	rows := strings.Split(strings.TrimSpace(string(write(t, recs, GDELT, Options{Clusters: cs, OnePerCluster: true}))), "\n")
	if len(rows) != 1 {
		t.Fatalf("got %d rows, want 1 for one cluster", len(rows))
	}
	f := strings.Split(rows[0], "\t")
	if got := strings.Join(f[31:34], " "); got != "3 1 3" {
		t.Errorf("NumMentions NumSources NumArticles = %s; want 3 1 3 (the same sentence in two outlets is one wire copy)", got)
	}
}
