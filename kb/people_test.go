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
	type term struct {
		who      string
		from, to time.Time
	}
	offices := map[string][]term{}
	for _, e := range k.people {
		for _, r := range e.Roles {
			if r.From == "" || len(r.Country) != 3 {
				continue
			}
			o := r.Country + " " + k.office(r.Title)
			from := parseBound(r.From, false)
			to := parseBound(r.To, true)
			if to.Before(from) {
				t.Errorf("%s, %s: ends %s before it starts %s", e.Name, o, r.To, r.From)
			}
			offices[o] = append(offices[o], term{e.Name, from, to})
		}
	}
	const slack = 62 * 24 * time.Hour
	var bad []string
	for o, ts := range offices {
		if sharedOffices[o] || !successive[o[4:]] {
			continue
		}
		sort.Slice(ts, func(i, j int) bool { return ts[i].from.Before(ts[j].from) })
		for i := 1; i < len(ts); i++ {
			for j := 0; j < i; j++ {
				a, b := ts[j], ts[i]
				if a.who == b.who {
					continue
				}
				if a.to.Sub(b.from) > slack {
					bad = append(bad, fmt.Sprintf("%s: %s (to %s) and %s (from %s) overlap", o, a.who,
						a.to.Format("2006-01-02"), b.who, b.from.Format("2006-01-02")))
				}
			}
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Errorf("%d overlapping terms:\n%s", len(bad), strings.Join(bad, "\n"))
	}
}

// successive are the offices one person holds at a time.
var successive = map[string]bool{
	"president": true, "prime minister": true, "foreign minister": true, "defence minister": true,
	"chancellor": true, "king": true, "emir": true, "sultan": true, "queen": true, "grand duke": true,
	"supreme leader": true,
}

// parseBound reads YYYY, YYYY-MM or YYYY-MM-DD as the first day of the
// period, or (end) its last; an empty end is today.
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
