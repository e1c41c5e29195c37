package eval

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/khaldun/khaldun"
)

// CoNLL entity types, in report order.
var conllTypes = []string{"PER", "ORG", "LOC", "MISC"}

// typePriority decides the type of a span that the coder gives twice
// (say, as an actor and as a place): the lowest number wins.
var typePriority = map[string]int{"PER": 0, "ORG": 1, "MISC": 2, "LOC": 3}

// predictedEntities maps a record's actor and place mentions to CoNLL
// types, one type per span:
//
//	person actor                           PER
//	organization or group actor            ORG
//	country actor, place                   LOC, or MISC when the mention is
//	                                       a demonym ("Iranian", "French")
//
// Mentions that are not names (pronouns, "the minister") are left out,
// since CoNLL marks names only.
func predictedEntities(rec *khaldun.Record) []Entity {
	types := map[khaldun.Span]string{}
	put := func(s khaldun.Span, t string) {
		if s.Start < 0 || s.End > len(rec.Text) || s.Start >= s.End || !isName(s.In(rec.Text)) {
			return
		}
		if old, ok := types[s]; ok && typePriority[old] <= typePriority[t] {
			return
		}
		types[s] = t
	}
	for _, a := range rec.Actors {
		for _, m := range a.Mentions {
			switch a.Kind {
			case khaldun.KindPerson:
				put(m, "PER")
			case khaldun.KindOrganization, khaldun.KindGroup:
				put(m, "ORG")
			case khaldun.KindCountry:
				put(m, placeType(m.In(rec.Text), a.Name))
			}
		}
	}
	for _, p := range rec.Places {
		for _, m := range p.Mentions {
			put(m, placeType(m.In(rec.Text), p.Name))
		}
	}
	out := make([]Entity, 0, len(types))
	for s, t := range types {
		out = append(out, Entity{Span: s, Type: t})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// placeType is LOC for a place or country named as such, MISC when the
// mention is the demonym of the name ("Iranian" for Iran).
func placeType(mention, name string) string {
	if isDemonym(mention, name) {
		return "MISC"
	}
	return "LOC"
}

// irregularDemonyms are demonyms the suffix rule misses.
var irregularDemonyms = map[string]bool{
	"greek": true, "greeks": true, "thai": true, "thais": true, "french": true, "dutch": true,
	"swiss": true, "welsh": true, "czech": true, "czechs": true, "scots": true, "turk": true,
	"turks": true, "arab": true, "arabs": true, "serb": true, "serbs": true, "croat": true,
	"croats": true, "kurd": true, "kurds": true, "pole": true, "poles": true, "briton": true,
	"britons": true, "basque": true, "basques": true, "filipino": true, "filipinos": true,
	"scot": true, "dane": true, "danes": true, "finn": true, "finns": true,
	"swede": true, "swedes": true, "lao": true, "uzbek": true, "uzbeks": true, "kazakh": true,
	"kazakhs": true, "tajik": true, "tajiks": true, "pashtun": true, "pashtuns": true,
}

// demonymSuffixes end most English demonyms.
var demonymSuffixes = []string{"ian", "ean", "ese", "ish", "ic", "i", "an", "ch"}

// isDemonym reports whether mention is a demonym or nationality
// adjective rather than the name: not the name itself, not an
// abbreviation, and its last word irregular or ending like a demonym.
func isDemonym(mention, name string) bool {
	m := strings.TrimSpace(mention)
	if m == "" || containsWord(m, name) || isAbbreviation(m) {
		return false
	}
	words := strings.Fields(m)
	last := strings.ToLower(words[len(words)-1])
	if irregularDemonyms[last] {
		return true
	}
	stem := strings.TrimSuffix(last, "s")
	for _, suf := range demonymSuffixes {
		if strings.HasSuffix(stem, suf) && len(stem) > len(suf)+1 {
			return true
		}
	}
	return false
}

// containsWord reports whether word occurs in s as whole words.
func containsWord(s, word string) bool {
	if word == "" {
		return false
	}
	ls, lw := strings.ToLower(s), strings.ToLower(word)
	for i := 0; i < len(ls); {
		k := strings.Index(ls[i:], lw)
		if k < 0 {
			return false
		}
		a, b := i+k, i+k+len(lw)
		if (a == 0 || !isLetter(ls[a-1])) && (b == len(ls) || !isLetter(ls[b])) {
			return true
		}
		i = a + 1
	}
	return false
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 0x80 }

// isAbbreviation reports a short all-capitals form such as "U.S." or "UK".
func isAbbreviation(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0 && letters <= 5
}

// notNames open the mentions that are descriptions or pronouns.
var notNames = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "him": true, "them": true,
	"us": true, "me": true, "my": true, "your": true, "who": true, "which": true,
}

// isName reports whether a mention is a name: it starts with a capital
// letter or digit, and is not a pronoun or a determiner followed only by
// lower-case words ("The minister" is not a name, "The Hague" is).
func isName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 {
		return false
	}
	first := []rune(words[0])[0]
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	if !notNames[strings.ToLower(words[0])] {
		return true
	}
	for _, w := range words[1:] {
		if unicode.IsUpper([]rune(w)[0]) {
			return true
		}
	}
	return false
}

// scoreEntities scores exact typed spans, per type and micro-averaged.
func scoreEntities(recs []coded) ([]Score, []Case) {
	per := map[string]*PRF{}
	count := func(t string) *PRF {
		if per[t] == nil {
			per[t] = &PRF{}
		}
		return per[t]
	}
	var cases []Case
	for _, c := range recs {
		text := c.item.Article.Text
		u := newUnitCases(c.item.Article.ID, text, c.item.Gold.Sentences)
		want := map[Entity]bool{}
		for _, g := range c.item.Gold.Entities {
			want[g] = true
			count(g.Type).Gold++
		}
		got := map[Entity]bool{}
		for _, p := range predictedEntities(&c.rec) {
			got[p] = true
			count(p.Type).Pred++
			if want[p] {
				count(p.Type).hit()
			} else {
				u.produced(p.Span.Start, quoted(text, p.Span)+" "+p.Type)
			}
		}
		for _, g := range c.item.Gold.Entities {
			if !got[g] {
				u.expected(g.Span.Start, quoted(text, g.Span)+" "+g.Type)
			}
		}
		cases = append(cases, u.list()...)
	}
	// CoNLL's four types first, then any other type a user's gold uses.
	types := append([]string(nil), conllTypes...)
	var extra []string
	for t := range per {
		if !slices.Contains(conllTypes, t) {
			extra = append(extra, t)
		}
	}
	sort.Strings(extra)
	var micro PRF
	var scores []Score
	for _, t := range append(types, extra...) {
		c := *count(t)
		micro.plus(c)
		scores = append(scores, Score{Name: t, PRF: &c})
	}
	return append(scores, Score{Name: "micro", PRF: &micro}), cases
}
