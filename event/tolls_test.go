package event

import "testing"

func TestTolls(t *testing.T) {
	cases := []struct {
		name, sentence  string
		killed, wounded int
	}{
		{"after the verb", "The strike killed at least 12 people and wounded 30 others.", 12, 30},
		{"passive", "Fifteen civilians were killed when shells hit the market.", 15, 0},
		{"toll", "WHO said in a statement putting the death toll at at least 70.", 70, 0},
		{"digits with commas", "The war has killed more than 1,200 people in the province.", 1200, 0},
		{"a year is no toll", "In 2016 the town was besieged and many were killed.", 0, 0},
		{"wounded only", "Four soldiers were wounded in the ambush.", 0, 4},
		{"none", "The foreign minister met his counterpart in Moscow.", 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			k, w := Tolls(tc.sentence)
			if k != tc.killed || w != tc.wounded {
				t.Errorf("Tolls(%q) = %d killed, %d wounded; want %d, %d", tc.sentence, k, w, tc.killed, tc.wounded)
			}
		})
	}
}
