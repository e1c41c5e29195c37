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
