package geonames

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/kb"
)

// row builds one line of the geoname table from its first 15 columns.
func row(f ...string) string {
	for len(f) < 19 {
		f = append(f, "")
	}
	return strings.Join(f, "\t") + "\n"
}

// table is a small allCountries.txt: a regional seat, a capital, an ADM1
// and an ADM2 row, a village without a population, a town below 1,000 and a
// mountain (class T), which is not a place.
var table = row("170794", "Deir ez-Zor", "Deir ez-Zor", "Dayr az Zawr,دير الزور,Deir Ezzor", "35.33588", "40.14084", "P", "PPLA", "SY", "", "07", "", "", "", "242565") +
	row("170654", "Damascus", "Damascus", "Dimashq,Damas", "33.5102", "36.29128", "P", "PPLC", "SY", "", "13", "", "", "", "1569394") +
	row("163843", "Deir ez-Zor Governorate", "Deir ez-Zor Governorate", "Dayr az Zawr Governorate", "35.0", "40.5", "A", "ADM1", "SY", "", "07", "", "", "", "0") +
	row("11919400", "Al Mayadin District", "Al Mayadin District", "", "34.9", "40.5", "A", "ADM2", "SY", "", "07", "", "", "", "0") +
	row("99", "Tall Hamlet", "Tall Hamlet", "", "35.1", "40.1", "P", "PPL", "SY", "", "07", "", "", "", "0") +
	row("98", "Small Town", "Small Town", "", "35.2", "40.2", "P", "PPL", "SY", "", "07", "", "", "", "400") +
	row("97", "Jabal Bishri", "Jabal Bishri", "", "35.3", "39.3", "T", "MTS", "SY", "", "07", "", "", "", "0")

func TestDecodeTable(t *testing.T) {
	ps, err := DecodeTable("allCountries.txt", strings.NewReader(table))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[int]Place{}
	for _, p := range ps {
		ids[p.ID] = p
	}
	tests := []struct {
		name  string
		id    int
		fcode string
		alts  int // Latin-script alternate names kept
	}{
		{"regional seat keeps Latin names only", 170794, "PPLA", 2},
		{"capital", 170654, "PPLC", 2},
		{"first-level region", 163843, "ADM1", 1},
		{"second-level region", 11919400, "ADM2", 0},
		{"village of unknown population", 99, "PPL", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := ids[tc.id]
			if !ok {
				t.Fatalf("id %d not read", tc.id)
			}
			if p.FCode != tc.fcode || len(p.Alts) != tc.alts {
				t.Errorf("got %+v, want %s with %d alternates", p, tc.fcode, tc.alts)
			}
		})
	}
	if _, ok := ids[97]; ok {
		t.Error("a mountain was read as a place")
	}
	bad := []struct{ name, line string }{
		{"short row", "1\tA\tA\n"},
		{"bad id", row("x", "A", "A", "", "1", "1", "P", "PPL", "SY")},
		{"latitude out of range", row("5", "A", "A", "", "95", "1", "P", "PPL", "SY")},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeTable("bad.txt", strings.NewReader(tc.line))
			if err == nil || !strings.Contains(err.Error(), "bad.txt:1") {
				t.Errorf("error %v, want one naming bad.txt:1", err)
			}
		})
	}
}

func TestWritePlaces(t *testing.T) {
	ps, err := DecodeTable("allCountries.txt", strings.NewReader(table))
	if err != nil {
		t.Fatal(err)
	}
	admin1 := map[string]string{"SY.07": "Deir ez-Zor", "SY.13": "Dimashq"}
	iso := map[string]string{"SY": "SYR"}
	tests := []struct {
		name        string
		opt         Options
		keep, drop  []string
		wantRegions int
	}{
		{"default drops unknown and small", Options{MinPop: 1000}, []string{"Deir ez-Zor\t", "Al Mayadin District"}, []string{"Tall Hamlet", "Small Town"}, 2},
		{"keep unknown", Options{MinPop: 1000, KeepUnknown: true}, []string{"Tall Hamlet"}, []string{"Small Town"}, 2},
		{"no minimum", Options{}, []string{"Tall Hamlet", "Small Town"}, nil, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			w, err := WritePlaces(dir, append([]Place(nil), ps...), admin1, iso, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(filepath.Join(dir, "places.tsv"))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.keep {
				if !strings.Contains(string(b), s) {
					t.Errorf("%q missing:\n%s", s, b)
				}
			}
			for _, s := range tc.drop {
				if strings.Contains(string(b), s) {
					t.Errorf("%q kept:\n%s", s, b)
				}
			}
			if w.Regions != tc.wantRegions {
				t.Errorf("%d regions, want %d", w.Regions, tc.wantRegions)
			}
			k, err := kb.LoadWithDir(dir)
			if err != nil {
				t.Fatalf("output does not load: %v", err)
			}
			if p, ok := k.Place(11919400); !ok || p.Feature != kb.FeatureAdmin2 || p.Admin1 != "Deir ez-Zor" {
				t.Errorf("ADM2 row = %+v, %v", p, ok)
			}
		})
	}
}

func TestWritePlacesGzip(t *testing.T) {
	ps, err := DecodeTable("allCountries.txt", strings.NewReader(table))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	w, err := WritePlaces(dir, ps, nil, map[string]string{"SY": "SYR"}, Options{MinPop: 1000, GzipOver: 10})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(w.Path) != "places.tsv.gz" {
		t.Fatalf("wrote %s, want places.tsv.gz", w.Path)
	}
	k, err := kb.LoadWithDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := k.Place(170794); !ok {
		t.Error("gzipped output lacks Deir ez-Zor")
	}
}

func FuzzDecodeTable(f *testing.F) {
	f.Add(table)
	f.Add(row("1", "A", "A", "a,b", "1e3", "NaN", "P", "PPL", "SY", "", "01", "", "", "", "-5"))
	f.Add("\t\t\n#x\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := DecodeTable("fuzz.txt", strings.NewReader(s))
		if err != nil {
			return
		}
		for _, p := range ps {
			if p.ID <= 0 || !(p.Lat >= -90 && p.Lat <= 90) || !(p.Lon >= -180 && p.Lon <= 180) || p.Population < 0 {
				t.Errorf("accepted %+v", p)
			}
		}
	})
}
