package export

import (
	"bufio"
	"strconv"
	"strings"
	"time"

	"github.com/khaldun/khaldun"
)

// GDELTColumns are the 61 columns of the GDELT 2.0 events table, in
// GDELT's order. GDELT files carry no header row, and neither does ours.
var GDELTColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// GDELT geography types.
const (
	geoNone      = 0
	geoCountry   = 1
	geoUSState   = 2
	geoUSCity    = 3
	geoCity      = 4
	geoProvince  = 5
	gdeltColumns = 61
)

type gdeltEncoder struct {
	w     *bufio.Writer
	added time.Time
	row   []string
}

func (g *gdeltEncoder) record(*khaldun.Record, bool) error { return nil }

func (g *gdeltEncoder) event(it *item) error {
	g.row = gdeltRow(g.row[:0], it, g.added)
	for i, f := range g.row {
		if i > 0 {
			g.w.WriteByte('\t')
		}
		g.w.WriteString(f)
	}
	return g.w.WriteByte('\n')
}

func (g *gdeltEncoder) close() error { return g.w.Flush() }

// gdeltRow appends the 61 fields of an event to row. Fields khaldun does
// not know (ethnic and religion codes, ADM2, tone, actor geography) are
// empty; a missing geography has type 0.
func gdeltRow(row []string, it *item, added time.Time) []string {
	e, r := it.ev, it.rec
	day := gdeltDay(e.Date, r.Published)
	var dayS, monthS, yearS, fracS string
	if !day.IsZero() {
		dayS = day.Format("20060102")
		monthS = day.Format("200601")
		yearS = day.Format("2006")
		// GDELT's own formula: the year plus (month*30+day)/365
		frac := float64(day.Year()) + float64(int(day.Month())*30+day.Day())/365
		fracS = strconv.FormatFloat(frac, 'f', 4, 64)
	}
	row = append(row, strconv.FormatInt(it.globalID(), 10), dayS, monthS, yearS, fracS)
	row = gdeltActor(row, it.src)
	row = gdeltActor(row, it.tgt)
	code := e.CAMEO
	base, root := code, code
	if len(code) > 3 {
		base = code[:3]
	}
	if len(code) > 2 {
		root = code[:2]
	}
	row = append(row, isRoot(r.Text, e.Sentence), code, base, root)
	quad := ""
	if e.Quad > 0 {
		quad = strconv.Itoa(e.Quad)
	}
	row = append(row, quad, strconv.FormatFloat(e.Goldstein, 'f', -1, 64),
		strconv.Itoa(it.mentions), strconv.Itoa(it.sources), strconv.Itoa(it.articles), "")
	row = gdeltGeo(row, nil) // Actor1Geo: khaldun places events, not actors
	row = gdeltGeo(row, nil) // Actor2Geo
	row = gdeltGeo(row, it.place)
	switch {
	case !added.IsZero():
		row = append(row, added.UTC().Format("20060102150405"))
	case len(r.Published) == 10:
		row = append(row, strings.ReplaceAll(r.Published, "-", "")+"000000")
	case dayS != "":
		row = append(row, dayS+"000000")
	default:
		row = append(row, "")
	}
	url := r.URL
	if url == "" {
		url = r.ID
	}
	return append(row, clean(url))
}

// gdeltDay is the day of an event: its own date, else the publication
// date when it falls inside the event's month or year, else the first
// day of that month or year, else the publication date.
func gdeltDay(date, published string) time.Time {
	if t, err := time.Parse("2006-01-02", date); err == nil {
		return t
	}
	pub, pubErr := time.Parse("2006-01-02", published)
	for _, layout := range []string{"2006-01", "2006"} {
		if t, err := time.Parse(layout, date); err == nil {
			if pubErr == nil && strings.HasPrefix(published, date) {
				return pub
			}
			return t
		}
	}
	if pubErr == nil {
		return pub
	}
	return time.Time{}
}

func gdeltActor(row []string, a *khaldun.Actor) []string {
	if a == nil {
		return append(row, "", "", "", "", "", "", "", "", "", "")
	}
	code := a.Code
	if code == "" {
		code = a.Country
	}
	countryCode, group := "", ""
	if _, ok := lookupCountry(a.Country); ok {
		countryCode = a.Country
	} else {
		group = a.Country // an international body or armed group code
	}
	return append(row, clean(code), clean(strings.ToUpper(a.Name)), countryCode, clean(group),
		"", "", "", clean(a.Sector), "", "")
}

func gdeltGeo(row []string, p *khaldun.Place) []string {
	if p == nil {
		return append(row, strconv.Itoa(geoNone), "", "", "", "", "", "", "")
	}
	c, _ := lookupCountry(p.Country)
	var typ int
	var parts []string
	switch p.Feature {
	case "country":
		typ, parts = geoCountry, []string{c.Name}
	case "admin1", "region":
		typ, parts = geoProvince, []string{p.Name, c.Name}
		if p.Country == "USA" {
			typ = geoUSState
		}
	default:
		typ, parts = geoCity, []string{p.Name, p.Admin1, c.Name}
		if p.Country == "USA" {
			typ = geoUSCity
		}
	}
	var full []string
	for _, s := range parts {
		if s != "" && (len(full) == 0 || full[len(full)-1] != s) {
			full = append(full, s)
		}
	}
	if len(full) == 0 {
		full = []string{p.Name}
	}
	feature := ""
	switch {
	case p.GeoNames != 0:
		feature = strconv.Itoa(p.GeoNames)
	case typ == geoCountry:
		feature = c.FIPS
	}
	// ADM1: GDELT writes the FIPS country code followed by the province's
	// FIPS code; khaldun knows only the country part.
	return append(row, strconv.Itoa(typ), clean(strings.Join(full, ", ")), c.FIPS, c.FIPS, "",
		strconv.FormatFloat(p.Lat, 'f', 4, 64), strconv.FormatFloat(p.Lon, 'f', 4, 64), feature)
}

// isRoot is GDELT's IsRootEvent: 1 when the event's sentence is in the
// lead paragraph (the first sentence when the text has no paragraphs).
func isRoot(text string, s khaldun.Span) string {
	lead := strings.Index(text, "\n\n")
	if lead < 0 {
		lead = strings.Index(text, ". ")
	}
	if lead < 0 || s.Start <= lead {
		return "1"
	}
	return "0"
}

// clean keeps a field on its line: tabs and line breaks become spaces.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(s)
}
