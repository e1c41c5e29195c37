package actor

import (
	"strings"
	"sync"
	"testing"

	"github.com/khaldun/khaldun/kb"
	"github.com/khaldun/khaldun/mention"
	"github.com/khaldun/khaldun/text"
)

var (
	kbOnce sync.Once
	testKB *kb.KB
	kbErr  error
)

func resolve(t *testing.T, s string, opt Options) (Result, *text.Doc) {
	t.Helper()
	kbOnce.Do(func() { testKB, kbErr = kb.Load() })
	if kbErr != nil {
		t.Fatal(kbErr)
	}
	d := text.Annotate(s)
	return Resolve(d, mention.Find(d, testKB), testKB, opt), d
}

// TestCoreference checks that names, surnames, descriptions and pronouns
// of one person resolve to one actor with the country and sector the text
// gives.
func TestCoreference(t *testing.T) {
	tests := []struct {
		name, in        string
		actor           string // part of the actor's name
		country, sector string
		mentions        []string // the text of each mention, in order
	}{
		{"surname, title and pronoun",
			"Top Egyptian security official Karim Mansour met the envoy on Monday. Mansour said talks were useful. The security official added that he would return.",
			"karim mansour", "EGY", "GOV", []string{"Karim Mansour", "Mansour", "security official", "he"}},
		{"apposition with a known principal",
			"Pavel Orlov, President Putin's special envoy for Libya, arrived in Tripoli.",
			"pavel orlov", "RUS", "GOV", []string{"Pavel Orlov"}},
		{"apposition with a nationality",
			"He called Omar Haddad, the Jordanian army chief, on Sunday.",
			"omar haddad", "JOR", "MIL", []string{"Omar Haddad"}},
		{"nationality and body",
			"The Syrian army said the Syrian Army had retaken the town.",
			"syrian", "SYR", "MIL", []string{"Syrian army", "Syrian Army"}},
		{"possessive body",
			"Iran said its forces had captured the hill.",
			"iranian forces", "IRN", "MIL", []string{"forces"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := resolve(t, tt.in, Options{Published: "2017-09-05"})
			for _, a := range res.Actors {
				if !strings.Contains(strings.ToLower(a.Name), tt.actor) {
					continue
				}
				if a.Country != tt.country || a.Sector != tt.sector {
					t.Errorf("%s: coded %s %s, want %s %s (evidence %q)", a.Name, a.Country, a.Sector, tt.country, tt.sector, a.Evidence)
				}
				var got []string
				for _, m := range a.Mentions {
					got = append(got, m.In(tt.in))
				}
				if strings.Join(got, "|") != strings.Join(tt.mentions, "|") {
					t.Errorf("%s: mentions %q, want %q", a.Name, got, tt.mentions)
				}
				return
			}
			t.Errorf("no actor named like %q in %+v", tt.actor, res.Actors)
		})
	}
}

// TestPlaces checks that spellings of one place make one place, that
// demonyms are not places, and that a qualifier picks the namesake.
func TestPlaces(t *testing.T) {
	tests := []struct {
		name, in string
		place    string
		country  string
		mentions int
	}{
		{"spellings of one city", "Troops reached Deir Ezzor. The siege of Deir er-Zor ended. Dayr al-Zawr is quiet.", "deir", "SYR", 3},
		{"qualified namesake", "The fair opened in Paris, Texas, on Friday.", "paris", "USA", 1},
		{"capital by default", "Talks resumed in Paris on Friday.", "paris", "FRA", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := resolve(t, tt.in, Options{})
			for _, p := range res.Places {
				if strings.Contains(strings.ToLower(p.Name), tt.place) {
					if p.Country != tt.country || len(p.Mentions) != tt.mentions {
						t.Errorf("%s: %s with %d mentions, want %s with %d", p.Name, p.Country, len(p.Mentions), tt.country, tt.mentions)
					}
					return
				}
			}
			t.Errorf("no place %q in %+v", tt.place, res.Places)
		})
	}
	res, _ := resolve(t, "Syrian, Iranian and Iraqi officials met.", Options{})
	for _, p := range res.Places {
		t.Errorf("demonym coded as a place: %+v", p)
	}
}
