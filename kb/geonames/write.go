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

func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r == '|' {
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
}

func coord(v float64) string { return strconv.FormatFloat(v, 'f', 5, 64) }

// Written says what WritePlaces wrote.
type Written struct {
	Path    string // the file written: places.tsv or places.tsv.gz
	Places  int    // rows of places, regions included
	Regions int    // rows of first-level regions
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
		fmt.Fprintf(&buf, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", p.ID, clean(p.Name), asciiCol(p),
			a3, clean(admin1[p.CC+"."+p.Admin1]), f, p.Population, coord(p.Lat), coord(p.Lon), altsCol(p.Alts))
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
		name := clean(admin1[k])
		if r.own != nil {
			o := r.own
			fmt.Fprintf(&buf, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", o.ID, name, asciiCol(*o), a3, name,
				kb.FeatureAdmin1, max(o.Population, r.pop), coord(o.Lat), coord(o.Lon), altsCol(o.Alts))
		} else if r.n > 0 {
			fmt.Fprintf(&buf, "\t%s\t\t%s\t%s\t%s\t%d\t%s\t%s\t\n", name, a3, name, kb.FeatureAdmin1, r.pop,
				coord(r.lat/float64(r.n)), coord(r.lon/float64(r.n)))
		} else {
			continue
		}
		w.Places++
		w.Regions++
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return w, fmt.Errorf("places: %w", err)
	}
	plain, gz := filepath.Join(dir, "places.tsv"), filepath.Join(dir, "places.tsv.gz")
	if opt.GzipOver <= 0 || buf.Len() <= opt.GzipOver {
		w.Path = plain
		if err := writeFile(plain, buf.Bytes()); err != nil {
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
	if err := writeFile(gz, zbuf.Bytes()); err != nil {
		return w, err
	}
	// The loader reads places.tsv before places.tsv.gz: remove the plain one.
	if err := os.Remove(plain); err != nil && !os.IsNotExist(err) {
		return w, fmt.Errorf("places: %w", err)
	}
	return w, nil
}

func asciiCol(p Place) string {
	if p.ASCII == "" || p.ASCII == p.Name {
		return ""
	}
	return clean(p.ASCII)
}

func altsCol(alts []string) string {
	out := make([]string, len(alts))
	for i, a := range alts {
		out[i] = clean(a)
	}
	return strings.Join(out, "|")
}

// writeFile writes data atomically: to a temporary file, then renamed.
func writeFile(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
