package export

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/cluster"
)

// gdeltEvent is a GDELT 2.0 event row as a reader written from GDELT's
// codebook sees it: typed values by column name.
type gdeltEvent struct {
	ints    map[string]int64
	floats  map[string]float64
	strings map[string]string
}

// The codebook's types: integer and float columns; the rest are text.
var (
	gdeltInts = map[string]bool{"GlobalEventID": true, "Day": true, "MonthYear": true, "Year": true,
		"IsRootEvent": true, "QuadClass": true, "NumMentions": true, "NumSources": true, "NumArticles": true,
		"Actor1Geo_Type": true, "Actor2Geo_Type": true, "ActionGeo_Type": true, "DATEADDED": true}
	gdeltFloats = map[string]bool{"FractionDate": true, "GoldsteinScale": true, "AvgTone": true,
		"Actor1Geo_Lat": true, "Actor1Geo_Long": true, "Actor2Geo_Lat": true, "Actor2Geo_Long": true,
		"ActionGeo_Lat": true, "ActionGeo_Long": true}
)

// readGDELT parses tab-separated GDELT 2.0 event rows; empty numeric
// fields are absent from the maps.
func readGDELT(b []byte) ([]gdeltEvent, error) {
	var out []gdeltEvent
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 61 {
			return nil, fmt.Errorf("line %d: %d columns, want 61", n, len(f))
		}
		ev := gdeltEvent{ints: map[string]int64{}, floats: map[string]float64{}, strings: map[string]string{}}
		for i, name := range GDELTColumns {
			v := f[i]
			switch {
			case v == "" && (gdeltInts[name] || gdeltFloats[name]):
			case gdeltInts[name]:
				x, err := strconv.ParseInt(v, 10, 64)
				if err != nil {
					return nil, fmt.Errorf("line %d: %s: %w", n, name, err)
				}
				ev.ints[name] = x
			case gdeltFloats[name]:
				x, err := strconv.ParseFloat(v, 64)
				if err != nil {
					return nil, fmt.Errorf("line %d: %s: %w", n, name, err)
				}
				ev.floats[name] = x
			default:
				ev.strings[name] = v
			}
		}
		out = append(out, ev)
	}
	return out, sc.Err()
}

// TestGDELTRoundTrip reads the GDELT export back with a reader written
// from the codebook and checks every row against the event it came from.
func TestGDELTRoundTrip(t *testing.T) {
	if len(GDELTColumns) != 61 {
		t.Fatalf("%d GDELT columns, want 61", len(GDELTColumns))
	}
	recs := examples(t)
	rows, err := readGDELT(write(t, recs, GDELT, Options{Clusters: cluster.Build(recs)}))
	if err != nil {
		t.Fatal(err)
	}
	var want []*item
	for i := range recs {
		for j := range recs[i].Events {
			want = append(want, resolve(&recs[i], &recs[i].Events[j]))
		}
	}
	if len(rows) != len(want) {
		t.Fatalf("read %d rows, want %d events", len(rows), len(want))
	}
	ids := map[int64]bool{}
	for i, row := range rows {
		it := want[i]
		t.Run(it.id(), func(t *testing.T) {
			e := it.ev
			if id := row.ints["GlobalEventID"]; id <= 0 || ids[id] {
				t.Errorf("GlobalEventID %d: not positive or not unique", id)
			} else {
				ids[id] = true
			}
			if got := row.strings["EventCode"]; got != e.CAMEO {
				t.Errorf("EventCode %q, want %q", got, e.CAMEO)
			}
			if got := row.strings["EventRootCode"]; !strings.HasPrefix(e.CAMEO, got) || len(got) != 2 {
				t.Errorf("EventRootCode %q for %q", got, e.CAMEO)
			}
			if row.ints["QuadClass"] != int64(e.Quad) || row.floats["GoldsteinScale"] != e.Goldstein {
				t.Errorf("QuadClass %d, Goldstein %v; want %d, %v", row.ints["QuadClass"], row.floats["GoldsteinScale"], e.Quad, e.Goldstein)
			}
			if len(e.Date) == 10 && row.ints["Day"] != mustInt(strings.ReplaceAll(e.Date, "-", "")) {
				t.Errorf("Day %d, want %s", row.ints["Day"], e.Date)
			}
			if d := row.ints["Day"]; d != 0 && (row.ints["Year"] != d/10000 || row.ints["MonthYear"] != d/100) {
				t.Errorf("Day %d, MonthYear %d, Year %d disagree", d, row.ints["MonthYear"], row.ints["Year"])
			}
			if it.src != nil && row.strings["Actor1Code"] != it.src.Code {
				t.Errorf("Actor1Code %q, want %q", row.strings["Actor1Code"], it.src.Code)
			}
			if it.tgt == nil && row.strings["Actor2Code"] != "" {
				t.Errorf("Actor2Code %q for an event without target", row.strings["Actor2Code"])
			}
			if p := it.place; p != nil {
				if row.ints["ActionGeo_Type"] == 0 || row.strings["ActionGeo_CountryCode"] == "" {
					t.Errorf("ActionGeo type %d, country %q for %s", row.ints["ActionGeo_Type"], row.strings["ActionGeo_CountryCode"], p.Name)
				}
				if d := row.floats["ActionGeo_Lat"] - p.Lat; d > 0.0001 || d < -0.0001 {
					t.Errorf("ActionGeo_Lat %v, want %v", row.floats["ActionGeo_Lat"], p.Lat)
				}
				if !strings.HasPrefix(row.strings["ActionGeo_FullName"], p.Name) {
					t.Errorf("ActionGeo_FullName %q, want it to start with %q", row.strings["ActionGeo_FullName"], p.Name)
				}
			} else if row.ints["ActionGeo_Type"] != 0 {
				t.Errorf("ActionGeo_Type %d for an event without place", row.ints["ActionGeo_Type"])
			}
			if row.ints["NumArticles"] < 1 || row.ints["NumSources"] < 1 || row.ints["NumMentions"] < row.ints["NumArticles"] {
				t.Errorf("counts %d mentions, %d sources, %d articles", row.ints["NumMentions"], row.ints["NumSources"], row.ints["NumArticles"])
			}
			if row.strings["SOURCEURL"] == "" {
				t.Error("empty SOURCEURL")
			}
		})
	}
}

func mustInt(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}
