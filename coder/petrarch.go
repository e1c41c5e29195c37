package coder

import (
	"fmt"
	"strings"

	"github.com/khaldun/khaldun/event"
	"github.com/khaldun/khaldun/kb"
	"github.com/khaldun/khaldun/petrarch"
)

// addPetrarch codes with the PETRARCH-format dictionaries in dir: their
// verb patterns join the lexicon, their actors and agents join the
// knowledge base, ahead of the embedded entries.
func addPetrarch(k *kb.KB, lex *event.Lexicon, dir string) (*kb.KB, error) {
	d, err := petrarch.Load(dir)
	if err != nil {
		return nil, fmt.Errorf("petrarch dictionaries: %w", err)
	}
	if err := lex.Add(d.Entries()...); err != nil {
		return nil, fmt.Errorf("petrarch dictionaries in %s: %w", dir, err)
	}
	entries := map[string][]kb.Entry{}
	for _, a := range d.Actors {
		codes, ok := a.CodeOn("")
		if !ok || len(codes) == 0 || len(codes[0]) < 3 {
			continue
		}
		code := codes[0]
		e := kb.Entry{Kind: kb.KindOrg, Name: display(a.Names[0]), Country: code[:3], Code: code}
		if len(code) >= 6 {
			e.Sector = code[3:6]
		}
		for _, n := range a.Names {
			name := display(n)
			entries[name] = append(entries[name], e)
		}
	}
	roles := map[string]kb.Role{}
	for _, g := range d.Agents {
		if g.Prefix || g.Code == "" {
			continue
		}
		sector := g.Code
		if len(sector) > 3 {
			sector = sector[:3]
		}
		for _, n := range append(append([]string(nil), g.Names...), g.Plural...) {
			name := strings.ToLower(display(n))
			// a body ("government", "army") stays a body; other titles
			// name persons
			person := true
			if r, ok := k.Role(kb.Normalize(name)); ok {
				person = r.Person
			}
			roles[name] = kb.Role{Name: name, Sector: sector, Person: person}
		}
	}
	return k.Extend(entries, roles), nil
}

// display turns a dictionary name ("MINAS_TIRITH") into words as written
// in text ("Minas Tirith").
func display(name string) string {
	words := strings.Fields(strings.ReplaceAll(name, "_", " "))
	for i, w := range words {
		if len(w) > 1 {
			words[i] = w[:1] + strings.ToLower(w[1:])
		}
	}
	return strings.Join(words, " ")
}
