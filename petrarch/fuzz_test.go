package petrarch

import (
	"bytes"
	"testing"

	"github.com/khaldun/khaldun/event"
)

func FuzzParseActors(f *testing.F) {
	f.Add([]byte("ISLAND_REPUBLIC [ISL]\n+ISLANDERS\nOLD_KINGDOM\n\t[OKG < 900101]\n\t[ISLGOV 19900101-19991231]\n"))
	f.Add([]byte("<!-- open\n-->\nX [A/B] # c\n[C >20200101]\n"))
	f.Add([]byte("X [ABC 2020010-1]\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		as, err := ParseActors(bytes.NewReader(b), "fuzz")
		if err != nil {
			return
		}
		for _, a := range as {
			if len(a.Names) == 0 || a.Names[0] == "" {
				t.Fatalf("actor without a name: %+v", a)
			}
			a.CodeOn("2001-01-01")
		}
	})
}

func FuzzParseAgents(f *testing.F) {
	f.Add([]byte("!P! = MAN, MEN\nTAX_COLLECTOR [~GOV]\nPOLICE {} [~COP]\nARMY!P! {X} [NGO~]\n"))
	f.Add([]byte("!A! = !B!\n!B! = X\nY!A! [~Z]\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		as, err := ParseAgents(bytes.NewReader(b), "fuzz")
		if err != nil {
			return
		}
		for _, a := range as {
			if a.Code == "" || len(a.Names) == 0 {
				t.Fatalf("agent without code or name: %+v", a)
			}
		}
	})
}

func FuzzParseDiscards(f *testing.F) {
	f.Add([]byte("+CRICKET_WORLD_CUP # x\nHALF TIME ; note\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ds, err := ParseDiscards(bytes.NewReader(b), "fuzz")
		if err != nil {
			return
		}
		for _, d := range ds {
			if d.Phrase == "" {
				t.Fatalf("empty discard: %+v", d)
			}
		}
	})
}

func FuzzParseVerbs(f *testing.F) {
	f.Add([]byte(verbsSample))
	f.Add([]byte("&A\n+&B\n&B\n+&A\n--- X [040] ---\nX\n- * &A [040]\n"))
	f.Add([]byte("--- HOLD [---] ---\nHOLD {HOLDS HELD} [---]\n* (UP LICENSING) [112]\n- % * TALKS [031]\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := ParseVerbs(bytes.NewReader(b), "fuzz")
		if err != nil {
			return
		}
		d := &Dict{Verbs: v, Files: map[string]string{"verbs": "fuzz"}}
		if _, err := event.NewLexicon(d.Entries()); err != nil {
			t.Fatalf("converted entries do not build a lexicon: %v", err)
		}
	})
}
