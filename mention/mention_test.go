package mention

import (
	"strings"
	"sync"
	"testing"

	"github.com/khaldun/khaldun/kb"
	"github.com/khaldun/khaldun/text"
)

var (
	kbOnce sync.Once
	testKB *kb.KB
	kbErr  error
)

func loadKB(t *testing.T) *kb.KB {
	t.Helper()
	kbOnce.Do(func() { testKB, kbErr = kb.Load() })
	if kbErr != nil {
		t.Fatal(kbErr)
	}
	return testKB
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // kind:text, space separated, in order
	}{
		{"title, nationality and name", "Top Iranian security official Hossein Karimi met Russian envoy Pavel Orlov.",
			"nationality:Iranian title:security_official name:Hossein_Karimi nationality:Russian title:envoy name:Pavel_Orlov"},
		{"place alias and group alias", "Daesh fighters withdrew from Deir er-Zor on Monday.",
			"group:Daesh title:fighters place:Deir_er-Zor"},
		{"first name that is also a village", "Selim Kaya and Alexander Petrov spoke in Ankara.",
			"name:Selim_Kaya name:Alexander_Petrov place:Ankara"},
		{"function words are not places", "No one knows. It is late. Police said so.",
			"pronoun:It title:Police"},
		{"organisation with a connector", "The National Union of Tunisian Journalists protested.",
			"name:National_Union_of_Tunisian_Journalists"},
		{"country with an apostrophe", "Morocco and Côte d'Ivoire signed a deal.",
			"country:Morocco country:Côte_d'Ivoire"},
		{"honorific", "Mr Ahmed Nasser resigned on Tuesday.",
			"title:Mr name:Ahmed_Nasser"},
		{"a firm's name with an ampersand", "Johnson & Johnson agreed to buy the firm.",
			"name:Johnson_&_Johnson title:firm"},
		{"two cities joined by an ampersand", "Tijuana & San Diego officials met in Mexico City.",
			"place:Tijuana place:San_Diego title:officials place:Mexico_City"},
		{"no name ends in a possessive", "The Duma’s committee met in Moscow.",
			"org:Duma place:Moscow"},
	}
	k := loadKB(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.Annotate(tt.in)
			var got []string
			for _, m := range Find(d, k) {
				got = append(got, m.Kind.String()+":"+strings.ReplaceAll(m.Text(tt.in), " ", "_"))
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("Find(%q)\n got  %s\n want %s", tt.in, strings.Join(got, " "), tt.want)
			}
		})
	}
}
