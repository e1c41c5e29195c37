package kb

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

// sharedOffices are offices two people hold at once by design: co-princes,
// collective presidencies, co-presidents.
var sharedOffices = map[string]bool{
	"BIH chairman of the presidency": true,
	"NIC president":                  true, // co-presidency since 2025
	"LBY prime minister":             true, // rival governments in Tripoli and the east
	"BIH prime minister":             true, // co-chairs of the Council of Ministers until 2000
	"SRB president":                  true, // Yugoslav and Serbian offices until 2006
	"SRB prime minister":             true,
	"CIV president":                  true, // rival claimants after the 2010 election
	"CIV foreign minister":           true,
}

// TestOfficeSuccession checks the dated roles of people.tsv the way an
// analyst would read a list of office holders: within one country, the
// holders of one office follow each other, and two people overlap by at most
// a few weeks (handovers are dated differently by different sources). An
// overlap beyond that is a wrong date or a wrong person.
func TestOfficeSuccession(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	// a date given to the year or month is a period: two terms overlap
	// for certain when the earlier ends after the later has surely begun
	type term struct {
		who      string
		from, to time.Time // the latest start, the earliest end
	}
	offices := map[string][]term{}
	for key, ins := range k.offices {
		o := strings.Replace(key, "|", " ", 1)
		for _, in := range ins {
			r := in.Role
			if len(r.Country) != 3 {
				continue
			}
			from := parseBound(r.From, true)
			to := parseBound(r.To, false)
			if parseBound(r.To, true).Before(parseBound(r.From, false)) {
				t.Errorf("%s, %s: ends %s before it starts %s", in.Person.Name, o, r.To, r.From)
			}
			offices[o] = append(offices[o], term{in.Person.Name, from, to})
		}
	}
	const slack = 62 * 24 * time.Hour
	var bad []string
	for o, ts := range offices {
		if sharedOffices[o] || !successive[o[4:]] {
			continue
		}
		for i := 1; i < len(ts); i++ {
			for j := 0; j < i; j++ {
				a, b := ts[j], ts[i]
				if a.who == b.who {
					continue
				}
				start, end := later(a.from, b.from), earlier(a.to, b.to)
				if end.Sub(start) > slack {
					bad = append(bad, fmt.Sprintf("%s: %s and %s both held it from %s to %s", o, a.who, b.who,
						start.Format("2006-01-02"), end.Format("2006-01-02")))
				}
			}
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Errorf("%d overlapping terms:\n%s", len(bad), strings.Join(bad, "\n"))
	}
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// successive are the offices one person holds at a time.
var successive = map[string]bool{
	"president": true, "prime minister": true, "foreign minister": true, "defence minister": true,
	"chancellor": true, "king": true, "emir": true, "sultan": true, "queen": true, "grand duke": true,
	"supreme leader": true,
}

// parseBound reads YYYY, YYYY-MM or YYYY-MM-DD as the first day of the
// period, or (end) its last; empty is today.
func parseBound(s string, end bool) time.Time {
	if s == "" {
		return time.Now()
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			if end {
				switch layout {
				case "2006-01":
					return t.AddDate(0, 1, -1)
				case "2006":
					return t.AddDate(1, 0, -1)
				}
			}
			return t
		}
	}
	return time.Time{}
}
