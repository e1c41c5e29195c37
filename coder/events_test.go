package coder

import (
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

// TestEvents codes short wire sentences written for this test and checks
// the event each should give: its CAMEO root, source, target, mode and
// negation. Names are partial, lower case.
func TestEvents(t *testing.T) {
	tests := []struct {
		name, text     string
		root           string // first two digits of the CAMEO code; "" for no event
		source, target string
		mode           string
		negated        bool
	}{
		{"meeting", "NAIROBI – Kenyan Foreign Minister Joseph Mwangi met Ugandan President Yoweri Museveni in Kampala on Monday.",
			"04", "mwangi", "museveni", "", false},
		{"coordinated subjects", "Turkish Deputy Foreign Minister Selim Kaya and his Kazakh counterpart Nurlan Abenov held talks in Ankara on Tuesday.",
			"04", "kaya", "abenov", "", false},
		{"passive", "The convoy was attacked by Islamic State fighters near Mosul on Sunday.",
			"", "", "", "", false},
		{"passive with actors", "Iraqi soldiers were attacked by Islamic State militants near Mosul on Sunday.",
			"19", "islamic state", "iraq", "", false},
		{"negation", "Iranian Foreign Minister Ali Karimi did not meet French President Emmanuel Macron in Paris.",
			"04", "karimi", "macron", "", true},
		{"forecast", "Egyptian President Abdel Fattah al-Sisi will visit Saudi Arabia next week.",
			"04", "sisi", "saudi", "forecast", false},
		{"intention", "Ghanaian Trade Minister Kofi Mensah plans to meet Nigerian officials in Abuja.",
			"04", "mensah", "nigeria", "intention", false},
		{"arrest", "ACCRA – Ghanaian police arrested opposition leader John Boateng on Friday.",
			"17", "police", "boateng", "", false},
		{"condemnation", "The European Union condemned Russia on Wednesday.",
			"11", "european union", "russia", "", false},
		{"sanctions", "The United States imposed new sanctions on Iran on Thursday.",
			"16", "united states", "iran", "", false},
		{"no actor, no event", "Heavy rain fell on the capital on Monday.",
			"", "", "", "", false},
		{"possessive body", "LONDON, March 1 - Iran said its forces had captured an Iraqi fortification east of Basra.",
			"17", "iran", "", "", false},
		{"object that is not an actor", "Intelligence chief William Casey also received strong criticism.",
			"", "", "", "", false},
		{"adverb before the verb", "Kenyan police officers sexually abused detainees in Nairobi, a rights group said.",
			"18", "police", "", "", false},
		{"stative participle is not a passive", "Serb forces were engaged in ethnic cleansing in Kosovo.",
			"20", "serb", "", "", false},
		{"speech verb, time word, it", "Switzerland said today it had expelled two Russian diplomats.",
			"16", "switzerland", "russian", "", false},
		{"participle phrase after the subject", "British aircraft using precision guided missiles killed four soldiers near Basra.",
			"19", "british", "", "", false},
		{"the more specific pattern", "ACCRA – Police fired tear gas and water cannon on Tuesday to disperse demonstrators.",
			"17", "police", "", "", false},
		{"a quantity is not a prepositional phrase", "Over 100 persons have been arrested in Ahmedabad.",
			"17", "police", "persons", "", false},
		{"police firing", "police fired over 50 rounds to disperse the mob.",
			"19", "police", "", "", false},
		{"a curfew binds the country of its place", "Serbia lifted a night curfew in Montenegro on Sunday.",
			"08", "serbia", "montenegro", "", false},
		{"relative clause antecedent in a prepositional phrase", "He leads the team in the Astana talks on Syria which were brokered by Russia and Turkey.",
			"", "", "", "", false},
	}
	c := newCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := c.Code(khaldun.Article{ID: tt.name, Text: tt.text, Published: "2024-03-06"})
			name := func(id string) string {
				for _, a := range rec.Actors {
					if a.ID == id {
						return strings.ToLower(a.Name)
					}
				}
				return ""
			}
			if tt.root == "" {
				for _, e := range rec.Events {
					if e.Source != "" && e.Target != "" || tt.name == "object that is not an actor" {
						t.Errorf("%q: want no event with two actors, got %s %s->%s", tt.text, e.CAMEO, name(e.Source), name(e.Target))
					}
				}
				return
			}
			var got []string
			for _, e := range rec.Events {
				s, g := name(e.Source), name(e.Target)
				got = append(got, e.CAMEO+" "+s+"->"+g+" mode="+e.Mode)
				if strings.HasPrefix(e.CAMEO, tt.root) && strings.Contains(s, tt.source) && strings.Contains(g, tt.target) {
					if e.Mode != tt.mode || e.Negated != tt.negated {
						t.Errorf("%q: event %s has mode %q negated %v, want %q %v", tt.text, e.CAMEO, e.Mode, e.Negated, tt.mode, tt.negated)
					}
					return
				}
			}
			t.Errorf("%q: want %s.. %s->%s, got %q", tt.text, tt.root, tt.source, tt.target, got)
		})
	}
}

// TestEventDetails checks, per sentence, that some event has the CAMEO
// code (a prefix), the source code and the PLOVER mode given ("" for any):
// PLOVER's mode apart from the modality in "mode", and subjects given as a
// quantity or a group ("hundreds of thousands of people", "a group of Iraqi
// soldiers").
func TestEventDetails(t *testing.T) {
	c := newCoder(t)
	tests := []struct{ text, cameo, source, ploverMode string }{
		{"The Egyptian president arrived in Khartoum on Monday for a two-day visit.", "042", "", "visit"},
		{"Hundreds of teachers went on a hunger strike in Nairobi on Monday.", "142", "", "strike-hun"},
		{"Kenyan police arrested the opposition leader on Friday.", "173", "KENCOP", "arrest"},
		{"Hundreds of thousands of people blocked streets in Hong Kong to demand reforms.", "14", "HKGCVL", ""},
		{"A group of Iraqi soldiers attacked the checkpoint near Mosul.", "19", "IRQMIL", ""},
	}
	for _, tt := range tests {
		rec := c.Code(khaldun.Article{ID: "t", Text: tt.text, Published: "2024-03-06"})
		code := map[string]string{}
		for _, a := range rec.Actors {
			code[a.ID] = a.Code
		}
		var got []string
		for _, e := range rec.Events {
			got = append(got, e.CAMEO+" "+code[e.Source]+" "+e.PLOVERMode)
			if strings.HasPrefix(e.CAMEO, tt.cameo) && (tt.source == "" || code[e.Source] == tt.source) &&
				(tt.ploverMode == "" || e.PLOVERMode == tt.ploverMode) {
				got = nil
				break
			}
		}
		if got != nil {
			t.Errorf("%q: events %v, want %s by %q with PLOVER mode %q", tt.text, got, tt.cameo, tt.source, tt.ploverMode)
		}
	}
}

// TestTolls checks that a violent event carries the toll of its sentence,
// and only the first violent event of the sentence.
func TestTolls(t *testing.T) {
	c := newCoder(t)
	rec := c.Code(khaldun.Article{ID: "t", Text: "Islamic State fighters attacked an Iraqi army post near Mosul on Sunday, killing five soldiers and wounding 12. Iraqi officials met the governor.", Published: "2024-03-06"})
	killed, wounded, violent := 0, 0, 0
	for _, e := range rec.Events {
		killed += e.Killed
		wounded += e.Wounded
		if e.Quad == 4 {
			violent++
		}
	}
	if violent == 0 || killed != 5 || wounded != 12 {
		t.Errorf("%d violent events with %d killed, %d wounded in all; want 5 and 12 once: %+v", violent, killed, wounded, rec.Events)
	}
}

// TestJoinedVerbs checks that a verb joined by "and" to the one before
// takes that verb's subject, not the object in between.
func TestJoinedVerbs(t *testing.T) {
	c := newCoder(t)
	rec := c.Code(khaldun.Article{ID: "t", Published: "2024-03-06",
		Text: "Militants who killed two Iraqi soldiers and are threatening to execute a Briton freed a hostage. Turkish troops shelled the village and killed five Syrian soldiers."})
	name := map[string]string{}
	for _, a := range rec.Actors {
		name[a.ID] = a.Name
	}
	killedBy := ""
	for _, e := range rec.Events {
		if strings.Contains(name[e.Source], "Iraqi") {
			t.Errorf("%s %s by the soldiers, the object of the verb before", e.CAMEO, e.Type)
		}
		if strings.HasPrefix(e.CAMEO, "19") && strings.Contains(name[e.Target], "Syrian") {
			killedBy = name[e.Source]
		}
	}
	if !strings.Contains(killedBy, "Turkish") {
		t.Errorf("the killing of the Syrian soldiers is by %q, want the Turkish troops", killedBy)
	}
}
