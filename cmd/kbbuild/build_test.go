package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/kb"
)

// TestBuildGeoNames runs the command on tiny inputs in the GeoNames dump
// layout and loads its output with the kb package.
func TestBuildGeoNames(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	write := func(name, body string) string {
		t.Helper()
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	row := func(f ...string) string {
		for len(f) < 19 {
			f = append(f, "")
		}
		return strings.Join(f, "\t") + "\n"
	}
	cities := write("cities15000.txt",
		row("170794", "Deir ez-Zor", "Deir ez-Zor", "Dayr az Zawr,دير الزور,Deir Ezzor", "35.33588", "40.14084", "P", "PPLA", "SY", "", "07", "", "", "", "242565")+
			row("170654", "Damascus", "Damascus", "Dimashq", "33.5102", "36.29128", "P", "PPLC", "SY", "", "13", "", "", "", "1569394")+
			row("163843", "Deir ez-Zor Governorate", "Deir ez-Zor Governorate", "", "35.0", "40.5", "A", "ADM1", "SY", "", "07", "", "", "", "0")+
			row("99", "Hamlet", "Hamlet", "", "35.1", "40.1", "P", "PPL", "SY", "", "07", "", "", "", "12"))
	admin1 := write("admin1CodesASCII.txt", "SY.07\tDeir ez-Zor\tDeir ez-Zor\t163843\nSY.13\tDimashq\tDimashq\t170652\n")
	alts := write("alternateNamesV2.txt", "1\t170794\ten\tDeir el-Zour\t\t\t\t\t\t\n2\t170794\tfr\tDeir ez-Zor FR\t\t\t\t\t\t\n")
	iso := filepath.Join(in, "iso")
	if err := os.MkdirAll(filepath.Join(iso, "langs"), 0o755); err != nil {
		t.Fatal(err)
	}
	write("iso/codes.json", `[["SY","SYR","760","ISO 3166-2:SY"]]`)
	write("iso/langs/en.json", `{"locale":"en","countries":{"SY":"Syrian Arab Republic"}}`)
	caps := write("capitals.json", `{"SY":{"name":"Syria","capital":"Damascus"}}`)
	args := []string{"-cities", cities, "-admin1", admin1, "-alternates", alts, "-iso", iso, "-capitals", caps, "-out", out}
	var stderr bytes.Buffer
	if err := run(context.Background(), args, io.Discard, &stderr); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	places, err := os.ReadFile(filepath.Join(out, "places.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(places), "Hamlet") {
		t.Error("a place below -min-pop was kept")
	}
	if strings.Contains(string(places), "Deir ez-Zor FR") || !strings.Contains(string(places), "Deir el-Zour") {
		t.Errorf("alternate names not filtered to English:\n%s", places)
	}
	countries, err := os.ReadFile(filepath.Join(out, "countries.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(countries), "SYR\tSY\tSyria\t") || !strings.Contains(string(countries), "Damascus\t33.51020\t36.29128") {
		t.Errorf("countries.tsv:\n%s", countries)
	}
	// The output must load as a user directory.
	k, err := kb.LoadWithDir(out)
	if err != nil {
		t.Fatalf("loading the output: %v", err)
	}
	for _, key := range []string{"deir el zour", "dayr az zawr"} {
		found := false
		for _, e := range k.Lookup(key) {
			if e.Kind == kb.KindPlace && e.GeoNames == 170794 {
				found = true
			}
		}
		if !found {
			t.Errorf("Lookup(%q) lacks GeoNames 170794", key)
		}
	}
	if p, ok := k.Place(163843); !ok || p.Feature != kb.FeatureAdmin1 {
		t.Errorf("ADM1 row: %+v %v", p, ok)
	}
}

func TestFlagsRequired(t *testing.T) {
	var stderr bytes.Buffer
	if err := run(context.Background(), nil, io.Discard, &stderr); err == nil {
		t.Fatal("run without inputs succeeded")
	}
	if !strings.Contains(stderr.String(), "npm pack") && !strings.Contains(stderr.String(), "example") {
		t.Errorf("usage lacks an example:\n%s", stderr.String())
	}
}
