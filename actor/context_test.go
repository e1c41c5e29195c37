package actor

import (
	"strings"
	"testing"
)

// TestIncumbent checks that an office named without a name resolves to
// the person who held it on the publication date, and only then.
func TestIncumbent(t *testing.T) {
	tests := []struct {
		name, in, published string
		want                string // the person's name; "" when no one
	}{
		{"nationality and title", "The Iranian foreign minister said Tehran would not negotiate.", "2017-06-01", "Mohammad Javad Zarif"},
		{"a later date, a later minister", "The Iranian foreign minister said Tehran would not negotiate.", "2022-06-01", "Hossein Amir-Abdollahian"},
		{"possessive country", "Turkey's president met the envoy in Ankara.", "2017-06-01", "Recep Tayyip Erdogan"},
		{"a title that names the office", "The British foreign secretary flew to Kyiv.", "2023-06-01", "James Cleverly"},
		{"the office by another title", "The Indian foreign minister arrived in Beijing.", "2023-06-01", "Subrahmanyam Jaishankar"},
		{"defence by another spelling", "The American defence minister visited Seoul.", "2023-06-01", "Lloyd Austin"},
		{"former holder", "The former Iranian foreign minister said Tehran would not negotiate.", "2017-06-01", ""},
		{"deputy", "The Iranian deputy foreign minister said Tehran would not negotiate.", "2017-06-01", ""},
		{"no country", "The foreign minister said talks would go on.", "2017-06-01", ""},
		{"no date", "The Iranian foreign minister said Tehran would not negotiate.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := resolve(t, tt.in, Options{Published: tt.published})
			got := ""
			for _, a := range res.Actors {
				if a.Kind == "person" {
					got = a.Name
					if !strings.Contains(a.Evidence, tt.published) {
						t.Errorf("evidence %q does not give the date", a.Evidence)
					}
				}
			}
			if got != tt.want {
				t.Errorf("person %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDescribedActors checks actors known by the words around them: a
// name after the body it names, civilians by where they are, a person by
// an abbreviated military rank.
func TestDescribedActors(t *testing.T) {
	tests := []struct {
		name, in string
		actor    string // the actor's name
		code     string
	}{
		{"name after its body", "The government ordered the opposition newspaper La Prensa to close.", "La Prensa", "MED"},
		{"civilians where they are", "Hundreds of people blocked streets in Cairo on Friday.", "people in Cairo", "EGYCVL"},
		{"abbreviated rank", "Maj. Gen. Omar Haddad said the Jordanian troops would stay.", "Omar Haddad", "JORMIL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := resolve(t, tt.in, Options{Published: "2024-03-06"})
			for _, a := range res.Actors {
				if a.Name == tt.actor {
					if a.Code != tt.code {
						t.Errorf("%s has code %q, want %q (%s)", a.Name, a.Code, tt.code, a.Evidence)
					}
					return
				}
			}
			t.Errorf("no actor %q in %+v", tt.actor, res.Actors)
		})
	}
	// teams in lines of results are not places; a place and a number in
	// prose stay a place
	for in, want := range map[string]string{
		"SOCCER RESULTS.\nLeeds 2 Liverpool 1\nChelsea 0 Arsenal 0\n": "organization",
		"STANDINGS.\nLeeds 10 4 3 3 12 10 15\n":                       "organization",
		"Shelling in Gaza killed 12 people on Monday.":                "place",
	} {
		res, d := resolve(t, in, Options{})
		seen := false
		for _, ref := range res.Refs {
			w := ref.Span.In(d.Text)
			if w != "Leeds" && w != "Gaza" {
				continue
			}
			seen = true
			kind := "place"
			if ref.Actor != "" {
				kind = "organization"
			}
			if kind != want {
				t.Errorf("%q in %q is a %s, want %s", w, in, kind, want)
			}
		}
		if !seen {
			t.Errorf("%q: the name was not resolved at all", in)
		}
	}
	// a name the text calls a district is a place, there and after
	res0, _ := resolve(t, "A blast killed six people in the Salah al-Din district of Aleppo. Salah al-Din is west of the Old City.", Options{})
	for _, a := range res0.Actors {
		if a.Name == "Salah al-Din" {
			t.Errorf("the district is an actor: %+v", a)
		}
	}
	// "the town of X" is a place even when X is a known surname, there only
	res1, _ := resolve(t, "An airstrike hit a hospital in the town of Meles in Idlib province.", Options{Published: "2016-08-09"})
	for _, a := range res1.Actors {
		if strings.Contains(a.Name, "Meles") {
			t.Errorf("the town is an actor: %+v", a)
		}
	}
	// a body already named is not the name after it
	res, _ := resolve(t, "Surgeon Renat Akchurin told Itar-Tass news agency Yeltsin was working.", Options{Published: "1996-12-06"})
	for _, a := range res.Actors {
		if a.Name == "Yeltsin" && strings.HasPrefix(a.Evidence, "named after") {
			t.Errorf("Yeltsin is named as a body: %+v", a)
		}
	}
}

// TestSurnameByDate checks that a bare surname means the known person only
// in stories near the years they held office.
func TestSurnameByDate(t *testing.T) {
	for date, want := range map[string]string{"1987-03-03": "Bush", "2004-03-03": "George W. Bush"} {
		res, _ := resolve(t, "Vice President Bush said the administration would veto the bill.", Options{Published: date})
		got := ""
		for _, a := range res.Actors {
			if a.Kind == "person" {
				got = a.Name
			}
		}
		if got != want {
			t.Errorf("on %s: person %q, want %q", date, got, want)
		}
	}
}

// TestStoryCountryTie checks that, with no dateline and two countries
// named once each, unnamed officials belong to the one named first.
func TestStoryCountryTie(t *testing.T) {
	res, _ := resolve(t, "Iraq promised to release a prisoner, but officials denied a link to militants who hold a Briton.", Options{})
	for _, a := range res.Actors {
		if strings.Contains(a.Name, "officials") && a.Country != "IRQ" {
			t.Errorf("officials of %s, want IRQ", a.Country)
		}
	}
}
