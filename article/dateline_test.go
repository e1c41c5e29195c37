package article

import "testing"

func TestFindDateline(t *testing.T) {
	tests := []struct {
		name, body, place, agency string
	}{
		{"capitals en dash", "TEHRAN – Iran's foreign minister arrived in Oslo on Monday.", "TEHRAN", ""},
		{"capitals hyphen", "TEHRAN - Iran's foreign minister arrived in Oslo on Monday.", "TEHRAN", ""},
		{"agency in brackets", "WASHINGTON (Reuters) - The Senate voted on Thursday to extend the sanctions.", "WASHINGTON", "Reuters"},
		{"region and em dash", "KABUL, Afghanistan — A roadside bomb struck a police convoy on Sunday.", "KABUL, Afghanistan", ""},
		{"date and agency", "LONDON, Sept 5 (Reuters) - Oil prices rose for a third day.", "LONDON", "Reuters"},
		{"AP style", "BEIRUT (AP) — Rescue workers searched the rubble overnight.", "BEIRUT", "AP"},
		{"mixed case with date and agency", "Moscow, Sept. 5 (TASS) Russia's envoy met his Iranian counterpart.", "Moscow", "TASS"},
		{"colon", "PARIS: The French government announced new measures on Friday.", "PARIS", ""},
		{"two words", "NEW YORK (Reuters) - Stocks closed lower on Tuesday.", "NEW YORK", "Reuters"},
		{"joined place", "RIO DE JANEIRO, March 3 - Brazil's central bank held its rate.", "RIO DE JANEIRO", ""},
		{"1987 wire", "SALVADOR, Feb 26 - Showers continued throughout the week.", "SALVADOR", ""},
		{"tass slashes", "MOSCOW, September 5. /TASS/. The Kremlin declined to comment.", "MOSCOW", "TASS"},
		{"agency after comma", "Damascus, SANA – Army units restored security to several villages.", "Damascus", "SANA"},
		{"agency only", "AP - A strong earthquake shook the coast late on Monday.", "", "AP"},
		{"abbreviated place", "ST. PETERSBURG (Reuters) - The summit opened on Friday.", "ST. PETERSBURG", "Reuters"},
		{"mixed case double hyphen", "Athens -- The Greek boxer lost in the second round.", "Athens", ""},
		{"hyphenated place", "PORT-AU-PRINCE, Haiti (AP) — Protesters blocked roads.", "PORT-AU-PRINCE, Haiti", "AP"},
		{"abbreviated region kept as written", "STAMFORD, Conn., March 2 - Xerox Corp said it would buy back shares.", "STAMFORD, Conn.", ""},
		{"no dateline", "Iran and Russia held talks in Tehran on Tuesday.", "", ""},
		{"name then verb", "Shamkhani said the campaign was paying dividends.", "", ""},
		{"headline-like capitals", "US President Donald Trump said on Tuesday he would visit.", "", ""},
		{"mixed case colon", "Update: the talks were postponed.", "", ""},
		{"long mixed case before dash", "The Supreme National Security Council Secretary – who met Lavrentiev – said.", "", ""},
		{"empty", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			place, agency := findDateline(tc.body)
			if place != tc.place || agency != tc.agency {
				t.Errorf("findDateline(%q) = %q, %q; want %q, %q", tc.body, place, agency, tc.place, tc.agency)
			}
		})
	}
}

func TestFindDatelineAcronymIsNotAgency(t *testing.T) {
	for _, body := range []string{
		"The World Trade Organisation (WTO) has ruled against the tariffs.",
		"Shares of Acme (Quote, Chart) fell 3 percent - a steep drop.",
	} {
		if place, agency := findDateline(body); place != "" || agency != "" {
			t.Errorf("findDateline(%q) = %q, %q; want none", body, place, agency)
		}
	}
}
