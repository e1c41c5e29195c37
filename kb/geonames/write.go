package geonames

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/khaldun/khaldun/kb"
)

// Options says which places WritePlaces keeps and how it writes them.
type Options struct {
	// MinPop is the smallest population of a city kept; capitals, regional
	// seats and regions are always kept.
	MinPop int
	// KeepUnknown keeps cities whose population the source does not give
	// (0). The npm gazetteer gives every population; in allCountries.txt
	// most villages have none, and keeping them makes the file large.
	KeepUnknown bool
	// GzipOver writes places.tsv.gz instead of places.tsv when the text
	// exceeds this many bytes; 0 never compresses.
	GzipOver int
	// Admin2 names second-level regions by code ("CC.a1.a2"). A region
	// without a GeoNames row of its own (ADM2) gets one made from the
	// places that carry its code (Place.Admin2), as for first-level regions,
	// unless it is named after one of them: "Tel Afar District" is left to
	// the town of Tel Afar.
	Admin2 map[string]string
	// Admin2Seats are points inside second-level regions that are not
	// places of the gazetteer (seats below its population floor): a region
	// with no place of its own is placed at the mean of its seats.
	Admin2Seats []Place
}

// Feature maps a GeoNames feature code to the knowledge base's feature.
func Feature(fcode string) string {
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

// Field makes s safe for one field of a knowledge-base TSV file: no tab,
// line break or list separator, no surrounding space.
func Field(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r == '|' {
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
}

// Coord writes a latitude or longitude as the data files do: five decimals.
func Coord(v float64) string { return strconv.FormatFloat(v, 'f', 5, 64) }

// Written says what WritePlaces wrote.
type Written struct {
	Path    string // the file written: places.tsv or places.tsv.gz
	Places  int    // rows of places, regions included
	Regions int    // rows of first-level regions
	Admin2  int    // rows of second-level regions made from their places
}

// WritePlaces writes places.tsv (or places.tsv.gz, see Options.GzipOver)
// into dir: the places kept, sorted by country and id, then one row per
// first-level region named in admin1 ("CC.code" → name). A region without
// its own GeoNames row gets the mean position and the summed population of
// its places and no id. iso2to3 maps the places' country codes to ISO3;
// places of other countries are dropped. places is sorted in place.
func WritePlaces(dir string, places []Place, admin1, iso2to3 map[string]string, opt Options) (Written, error) {
	var w Written
	var buf bytes.Buffer
	buf.WriteString("# geonames\tname\tascii\tcountry\tadmin1\tfeature\tpopulation\tlat\tlon\taliases\n")
	buf.WriteString("# Generated from GeoNames-derived data (https://www.geonames.org, CC BY 4.0) by khaldun's kb/geonames; see kb/data/SOURCES.md.\n")
	type region struct {
		n        int
		lat, lon float64
		pop      int
		own      *Place
	}
	regions := make(map[string]*region, len(admin1))
	for i := range places {
		p := &places[i]
		key := p.CC + "." + p.Admin1
		if _, ok := admin1[key]; !ok || p.FCode == "ADM2" {
			continue
		}
		r := regions[key]
		if r == nil {
			r = &region{}
			regions[key] = r
		}
		if p.FCode == "ADM1" {
			own := *p // a copy: places is sorted below
			r.own = &own
			continue
		}
		r.n++
		r.lat += p.Lat
		r.lon += p.Lon
		r.pop += p.Population
	}
	admin2 := admin2Regions(places, opt.Admin2Seats, opt.Admin2, admin1)
	sort.SliceStable(places, func(i, j int) bool {
		if places[i].CC != places[j].CC {
			return places[i].CC < places[j].CC
		}
		return places[i].ID < places[j].ID
	})
	for _, p := range places {
		if p.FCode == "ADM1" {
			continue
		}
		f := Feature(p.FCode)
		if f == kb.FeatureCity && (p.Population > 0 && p.Population < opt.MinPop || p.Population == 0 && !opt.KeepUnknown && opt.MinPop > 0) {
			continue
		}
		a3 := iso2to3[p.CC]
		if a3 == "" {
			continue
		}
		fmt.Fprintf(&buf, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", p.ID, Field(p.Name), asciiCol(p),
			a3, Field(admin1[p.CC+"."+p.Admin1]), f, p.Population, Coord(p.Lat), Coord(p.Lon), altsCol(p.Alts))
		w.Places++
	}
	keys := make([]string, 0, len(regions))
	for k := range regions {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r := regions[k]
		cc := k[:strings.IndexByte(k, '.')]
		a3 := iso2to3[cc]
		if a3 == "" {
			continue
		}
		name := Field(admin1[k])
		if r.own != nil {
			o := r.own
			fmt.Fprintf(&buf, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", o.ID, name, asciiCol(*o), a3, name,
				kb.FeatureAdmin1, max(o.Population, r.pop), Coord(o.Lat), Coord(o.Lon), altsCol(o.Alts))
		} else if r.n > 0 {
			fmt.Fprintf(&buf, "\t%s\t\t%s\t%s\t%s\t%d\t%s\t%s\t\n", name, a3, name, kb.FeatureAdmin1, r.pop,
				Coord(r.lat/float64(r.n)), Coord(r.lon/float64(r.n)))
		} else {
			continue
		}
		w.Places++
		w.Regions++
	}
	for _, r := range admin2 {
		a3 := iso2to3[r.cc]
		if a3 == "" {
			continue
		}
		fmt.Fprintf(&buf, "\t%s\t\t%s\t%s\t%s\t%d\t%s\t%s\t\n", r.name, a3, Field(admin1[r.cc+"."+r.admin1]),
			kb.FeatureAdmin2, r.pop, Coord(r.lat), Coord(r.lon))
		w.Places++
		w.Admin2++
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return w, fmt.Errorf("places: %w", err)
	}
	plain, gz := filepath.Join(dir, "places.tsv"), filepath.Join(dir, "places.tsv.gz")
	if opt.GzipOver <= 0 || buf.Len() <= opt.GzipOver {
		w.Path = plain
		if err := WriteFile(plain, buf.Bytes()); err != nil {
			return w, err
		}
		// A stale compressed copy would be read in place of nothing, but
		// it confuses: remove it.
		if err := os.Remove(gz); err != nil && !os.IsNotExist(err) {
			return w, fmt.Errorf("places: %w", err)
		}
		return w, nil
	}
	var zbuf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&zbuf, gzip.BestCompression)
	if err != nil {
		return w, fmt.Errorf("places: %w", err)
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return w, fmt.Errorf("places: %w", err)
	}
	if err := zw.Close(); err != nil {
		return w, fmt.Errorf("places: %w", err)
	}
	w.Path = gz
	if err := WriteFile(gz, zbuf.Bytes()); err != nil {
		return w, err
	}
	// The loader reads places.tsv before places.tsv.gz: remove the plain one.
	if err := os.Remove(plain); err != nil && !os.IsNotExist(err) {
		return w, fmt.Errorf("places: %w", err)
	}
	return w, nil
}

// admin2Row is a second-level region made from its places.
type admin2Row struct {
	cc, admin1, name string
	lat, lon         float64
	pop              int
}

// admin2Regions makes the second-level regions named in names that have no
// GeoNames row of their own: each at the mean position of its places, with
// their summed population. A region named after a town or a first-level
// region of its own first-level region ("Tel Afar District", "Shahrestān-e
// Zanjān", a district "Alborz" in Qazvin) is left out: the text means the
// town or the province, or they will do.
func admin2Regions(places, seats []Place, names, admin1 map[string]string) []admin2Row {
	if len(names) == 0 {
		return nil
	}
	type acc struct {
		n        int
		lat, lon float64
		pop      int
		own      bool
		seated   bool // placed by seats that are not places
	}
	regions := map[string]*acc{}
	towns := map[string]bool{} // "CC.a1 name" of every place, "CC name" of every first-level region
	for k, n := range admin1 {
		if i := strings.IndexByte(k, '.'); i > 0 {
			towns[k[:i]+" "+kb.Normalize(n)] = true
		}
	}
	for _, p := range places {
		a1 := p.CC + "." + p.Admin1
		for _, n := range append([]string{p.Name, p.ASCII}, p.Alts...) {
			if n != "" && p.FCode != "ADM2" {
				towns[a1+" "+kb.Normalize(n)] = true
			}
		}
		if p.Admin2 == "" {
			continue
		}
		key := a1 + "." + p.Admin2
		if _, ok := names[key]; !ok {
			continue
		}
		r := regions[key]
		if r == nil {
			r = &acc{}
			regions[key] = r
		}
		switch p.FCode {
		case "ADM2":
			r.own = true
		case "ADM1":
		default:
			r.n++
			r.lat += p.Lat
			r.lon += p.Lon
			r.pop += p.Population
		}
	}
	// regions without a place of their own: the mean of their seats
	for _, p := range seats {
		key := p.CC + "." + p.Admin1 + "." + p.Admin2
		if _, ok := names[key]; !ok {
			continue
		}
		r := regions[key]
		if r == nil {
			r = &acc{seated: true}
			regions[key] = r
		}
		if r.seated {
			r.n++
			r.lat += p.Lat
			r.lon += p.Lon
		}
	}
	keys := make([]string, 0, len(regions))
	for k := range regions {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []admin2Row
	for _, k := range keys {
		r := regions[k]
		if r.own || r.n == 0 {
			continue
		}
		f := strings.SplitN(k, ".", 3)
		name := Field(names[k])
		a1 := f[0] + "." + f[1] + " "
		bare := kb.Normalize(regionBase(name))
		if towns[a1+bare] || towns[a1+kb.Normalize(name)] || towns[f[0]+" "+bare] {
			continue
		}
		out = append(out, admin2Row{cc: f[0], admin1: f[1], name: name, lat: r.lat / float64(r.n), lon: r.lon / float64(r.n), pop: r.pop})
	}
	return out
}

// regionWords are the administrative words GeoNames puts before or after
// the name of a second-level region, in the languages it uses.
var (
	regionPrefixes = []string{
		"Amphoe ", "Bashkia e ", "Cercle de ", "City and Borough of ", "City of ", "Borough of ", "Royal Borough of ", "Cantón de ", "Cantón ", "Comuna de ", "Comuna ", "Commune de ", "Commune ",
		"Daïra de ", "Daïra ", "Degmada ", "Departamento de ", "Departamento ", "Département de la ",
		"Département de l’", "Département de l'", "Département des ", "Département du ", "Département de ",
		"Distrito de ", "Distrito ", "Gemeente ", "Gorodskoy okrug ", "Grad ", "Huyện ", "Kabupaten ", "Kota ",
		"Landkreis ", "Liwā’ ", "Markaz ", "Municipio de ", "Municipio ", "Municipiul ", "Municipality of ",
		"Nohiyai ", "Nomós ", "Obshtina ", "Okres ", "Općina ", "Oraş ", "Partido de ", "Politischer Bezirk ",
		"Powiat ", "Provincia de ", "Provincia di ", "Provincia del ", "Provincia ", "Province of ", "Qaḑā’ ",
		"Quận ", "Regierungsbezirk ", "Shahrestān-e ", "Shahrestan-e ", "Srŏk ", "Thành phố ", "Thị xã ",
	}
	regionSuffixes = []string{
		" Administratsiya", " Agency", " Aūdany", " Cercle", " City", " County", " Department", " District", " Gun",
		" Járás", " Kommun", " Kommune", " Municipality", " Okrug", " Prefecture", " Raion", " Rayon",
		" Shi", " Subregion", " Sum", " Tumani", " İlçesi", " kommun", " pagasts", " vald",
	}
)

// regionBase returns a second-level region's name without its
// administrative word: "Shahrestān-e Zanjān" → "Zanjān", "Kech District" →
// "Kech". A name that is nothing but the word is returned whole.
func regionBase(name string) string {
	base := name
	for _, p := range regionPrefixes {
		if strings.HasPrefix(base, p) && len(base) > len(p) {
			base = base[len(p):]
			break
		}
	}
	for _, s := range regionSuffixes {
		if strings.HasSuffix(base, s) && len(base) > len(s) {
			base = base[:len(base)-len(s)]
			break
		}
	}
	return strings.TrimSpace(base)
}

func asciiCol(p Place) string {
	if p.ASCII == "" || p.ASCII == p.Name {
		return ""
	}
	return Field(p.ASCII)
}

func altsCol(alts []string) string {
	out := make([]string, len(alts))
	for i, a := range alts {
		out[i] = Field(a)
	}
	return strings.Join(out, "|")
}

// WriteFile writes data atomically: to a temporary file, then renamed.
func WriteFile(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
