package mention

import (
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/kb"
	"github.com/khaldun/khaldun/text"
)

// Kind says what a mention refers to.
type Kind uint8

// Mention kinds.
const (
	Name        Kind = iota + 1 // a proper name the knowledge base does not know
	Person                      // a person the knowledge base knows
	Org                         // an organisation, national body or medium
	Group                       // an armed or non-state group
	Country                     // a country by name ("Iran")
	Nationality                 // a demonym ("Iranian")
	Place                       // a populated place or region
	Title                       // a title or body: "security official", "army"
	Pronoun                     // he, she, they ...
)

var kindNames = [...]string{"", "name", "person", "org", "group", "country", "nationality", "place", "title", "pronoun"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Mention is one span that names or refers to something.
type Mention struct {
	Span       khaldun.Span
	First, End int // tokens [First, End)
	Kind       Kind
	Key        string     // normalised text
	Entries    []kb.Entry // knowledge-base candidates, best first
	Role       kb.Role    // for titles
	// Definite is set for a title preceded by "the" with no name after it:
	// a description that refers back to an actor ("the security official").
	Definite bool
	// Initial is set for a name at the start of a sentence or quotation,
	// where capitalisation says nothing.
	Initial bool
}

// Text returns the mention's words as written.
func (m Mention) Text(s string) string { return m.Span.In(s) }

// Find returns the mentions in the annotated text, in order. Names are
// matched greedily, longest first, against the knowledge base; unknown
// capitalised runs become Name mentions; titles and bodies are found in
// lower case too.
func Find(d *text.Doc, k *kb.KB) []Mention {
	var out []Mention
	maxw := k.MaxWords()
	if maxw < 6 {
		maxw = 6
	}
	lowerUse := lowerWords(d)
	var key strings.Builder
	for si := range d.Sentences {
		s := d.Sentences[si]
		for i := s.First; i < s.End; {
			t := d.Tokens[i]
			if t.Tag == text.Punct || t.Tag == text.Num {
				i++
				continue
			}
			initial := i == s.First || isOpener(d.Tokens[i-1])
			if t.Tag == text.Pron {
				if p := pronouns[t.Lower]; p {
					out = append(out, Mention{Span: t.Span, First: i, End: i + 1, Kind: Pronoun, Key: t.Lower})
				}
				i++
				continue
			}
			if t.Tag == text.Poss && (t.Lower == "his" || t.Lower == "her" || t.Lower == "their") {
				out = append(out, Mention{Span: t.Span, First: i, End: i + 1, Kind: Pronoun, Key: t.Lower})
				i++
				continue
			}
			// knowledge-base entries and titles, longest first
			if m, ok := longest(d, k, i, s.End, maxw, &key); ok && !firstName(d, k, m, s.End, maxw, &key) && !namedBody(d, m, s.End) &&
				!ampersand(d, m, s.End) {
				m.Initial = initial
				if m.Kind == Title {
					m.Definite = definite(d, s.First, m.First)
				}
				// a capitalised title word at the start of a sentence that
				// is a plain word elsewhere is still a title
				out = append(out, m)
				i = m.End
				continue
			}
			if initial && commonWord(t) || calendar[t.Lower] || text.FunctionWord(t.Lower) {
				i++
				continue
			}
			if t.Cap && (t.Tag == text.Proper || initial) {
				j := nameEnd(d, k, i, s.End)
				if j > i+1 && Honorific(t.Lower) {
					// "Mr Smith", "Sheikh Tamim": the honorific is not the name
					out = append(out, Mention{Span: t.Span, First: i, End: i + 1, Kind: Title, Key: t.Lower,
						Role: kb.Role{Name: t.Lower, Person: true}})
					i++
					t = d.Tokens[i]
				}
				if j > i {
					m := Mention{Span: khaldun.Span{Start: t.Span.Start, End: d.Tokens[j-1].Span.End},
						First: i, End: j, Kind: Name, Initial: initial}
					m.Key = kb.Normalize(m.Span.In(d.Text))
					// a capitalised sentence opener that the text also uses in
					// lower case is an ordinary word
					if !(initial && j == i+1 && (lowerUse[t.Lower] || commonWord(t))) {
						out = append(out, m)
					}
					i = j
					continue
				}
			}
			i++
		}
	}
	return out
}

var pronouns = map[string]bool{"he": true, "she": true, "him": true, "they": true, "them": true, "it": true}

// longest tries knowledge-base keys and titles starting at token i.
func longest(d *text.Doc, k *kb.KB, i, end, maxw int, key *strings.Builder) (Mention, bool) {
	head := kb.Normalize(d.Tokens[i].Text)
	n := k.Starts(head)
	if k.IsModifier(head) {
		n = maxw
	}
	// keys count words; the abbreviation points of "Lt. Gen." are tokens
	// of their own
	for j, words := i, 0; j < end && words < n; j++ {
		if t := d.Tokens[j]; t.Text == "." && !t.Space && j > i {
			n++
		} else {
			words++
		}
	}
	if i+n > end {
		n = end - i
	}
	for ; n >= 1; n-- {
		last := d.Tokens[i+n-1]
		if last.Tag == text.Punct || last.Tag == text.Poss && n > 1 || calendar[d.Tokens[i].Lower] {
			// no name ends in a possessive: "the Duma’s" is not Dumas, Texas
			continue
		}
		key.Reset()
		for j := i; j < i+n; j++ {
			if j > i && d.Tokens[j].Space {
				key.WriteByte(' ')
			}
			key.WriteString(d.Tokens[j].Text)
		}
		norm := kb.Normalize(key.String())
		if norm == "" {
			continue
		}
		capital := d.Tokens[i].Cap
		if n == 1 && text.FunctionWord(d.Tokens[i].Lower) && !allCaps(d.Tokens[i].Text) {
			// "No", "It", "Is" open sentences; "IS" and "US" are names
			capital = false
		}
		if capital {
			if es := named(k.Lookup(norm)); len(es) > 0 && !lowerOnly(d, i, n, es) && !roleFirst(k, norm, es) {
				return Mention{Span: khaldun.Span{Start: d.Tokens[i].Span.Start, End: last.Span.End},
					First: i, End: i + n, Kind: kindOf(es[0].Kind), Key: norm, Entries: es}, true
			}
		}
		if r, ok := k.Role(norm); ok {
			return Mention{Span: khaldun.Span{Start: d.Tokens[i].Span.Start, End: last.Span.End},
				First: i, End: i + n, Kind: Title, Key: norm, Role: r}, true
		}
	}
	return Mention{}, false
}

// ampersand reports whether a name goes on after m with "& Name", so that
// m is part of a firm's name: "Johnson" in "Johnson & Johnson" is not the
// town in Arkansas. Countries and big places keep their own mention:
// "TIJUANA & SAN DIEGO".
func ampersand(d *text.Doc, m Mention, end int) bool {
	j := m.End
	if j+1 >= end || d.Tokens[j].Text != "&" || !d.Tokens[j+1].Cap {
		return false
	}
	switch e := m.Entries; {
	case m.Kind == Country:
		return false
	case m.Kind == Place && len(e) > 0 && (e[0].Population >= 100000 || e[0].Feature == kb.FeatureCapital || e[0].Feature == kb.FeatureAdmin1):
		return false
	}
	return true
}

// lowerOnly rejects matches that need capitals the text does not have:
// a multi-word name whose later words are written in lower case ("Georgia
// state" is fine, "New york" is not a name in running text).
func lowerOnly(d *text.Doc, i, n int, es []kb.Entry) bool {
	for j := i + 1; j < i+n; j++ {
		t := d.Tokens[j]
		if !t.Cap && t.Tag != text.Punct && !particles[t.Lower] && !connectors[t.Lower] && !strings.ContainsAny(t.Lower, "-") && t.Lower == t.Text {
			return true
		}
	}
	return false
}

func kindOf(k kb.Kind) Kind {
	switch k {
	case kb.KindCountry:
		return Country
	case kb.KindDemonym:
		return Nationality
	case kb.KindPlace:
		return Place
	case kb.KindOrg:
		return Org
	case kb.KindGroup:
		return Group
	case kb.KindPerson:
		return Person
	case kb.KindRole:
		return Title
	}
	return Name
}

// connectors are lower-case words that can sit inside an organisation's
// name: "Observatory for Human Rights", "Islamic State of Iraq and the Levant".
var connectors = map[string]bool{"of": true, "for": true, "and": true, "the": true, "on": true, "in": true, "to": true, "&": true}

// particles are lower-case words that can sit inside a name.
var particles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "abu": true, "de": true, "da": true,
	"del": true, "der": true, "van": true, "von": true, "la": true, "le": true, "du": true, "dos": true,
	"ez": true, "er": true, "es": true, "ed": true, "ul": true, "ad": true, "as": false, "di": true,
}

// nameEnd returns the end of the capitalised run that starts at i: names
// and name particles, stopping before a knowledge-base entry that starts a
// new mention ("Ali Shamkhani and" stops at "and"; "Hossein Jaberi Ansari"
// is one run).
func nameEnd(d *text.Doc, k *kb.KB, i, end int) int {
	j := i
	for j < end {
		t := d.Tokens[j]
		if calendar[t.Lower] || j > i && text.FunctionWord(t.Lower) && !particles[t.Lower] && !((t.Lower == "of" || t.Lower == "for") && OrgWord(d.Tokens[j-1].Text)) {
			return j
		}
		if j > i && t.Cap && !connectors[d.Tokens[j-1].Lower] && startsKnown(d, k, j, end) {
			// "Tags Syria Assad", "Intense Syrian shelling": a country,
			// nationality or organisation starts a mention of its own
			return j
		}
		switch {
		case t.Cap && t.Tag != text.Punct && (t.Tag == text.Proper || j == i || t.Tag == text.Noun || t.Tag == text.Adj):
			j++
		case j > i && particles[strings.TrimRight(t.Lower, "-")] && j+1 < end && d.Tokens[j+1].Cap:
			j++
		case j > i && (t.Lower == "of" || t.Lower == "for") && j+1 < end && d.Tokens[j+1].Cap && OrgWord(d.Tokens[j-1].Text):
			// "National Union of Tunisian Journalists", "Bank of England"
			j++
		case j > i && t.Text == "&" && j+1 < end && d.Tokens[j+1].Cap:
			// "Johnson & Johnson", "Marks & Spencer"
			j++
		case j > i && isNameHyphen(t.Lower) && j+1 < end:
			// "Deir er-Zor": a lower-case prefix joined to a capital
			j++
		default:
			return j
		}
		if j-i >= 6 {
			return j
		}
	}
	return j
}

func isNameHyphen(w string) bool {
	if i := strings.IndexByte(w, '-'); i > 0 && i <= 3 {
		return particles[w[:i]]
	}
	return false
}

func isOpener(t text.Token) bool {
	switch t.Text {
	case `"`, "“", "‘", "(", "[", "«", "–", "—", "-", ":":
		return true
	}
	return false
}

// definite reports whether the title at token i is introduced by "the",
// perhaps with modifiers in between: "the top security official".
func definite(d *text.Doc, first, i int) bool {
	for j := i - 1; j >= first && j >= i-3; j-- {
		t := d.Tokens[j]
		if t.Lower == "the" || t.Lower == "this" || t.Lower == "that" {
			return true
		}
		if t.Tag != text.Adj && t.Tag != text.Adv && t.Tag != text.Noun {
			return false
		}
	}
	return false
}

// lowerWords returns the words the text also writes in lower case.
func lowerWords(d *text.Doc) map[string]bool {
	m := make(map[string]bool, len(d.Tokens)/2)
	for _, t := range d.Tokens {
		if !t.Cap && t.Tag != text.Punct {
			m[t.Lower] = true
		}
	}
	return m
}

// commonWord reports whether a capitalised sentence opener is a word the
// tagger knows as a function word or an obvious common word.
func commonWord(t text.Token) bool {
	switch t.Tag {
	case text.Det, text.Prep, text.Conj, text.Sub, text.Pron, text.Poss, text.Modal, text.To, text.Neg, text.Adv, text.Adj, text.Gerund:
		return true
	}
	w := t.Lower
	return strings.HasSuffix(w, "where") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ever")
}

// Calendar reports whether a lower-case word is a weekday, a month or
// their abbreviation: capitalised, but no actor or place.
func Calendar(w string) bool { return calendar[w] }

// calendar words are capitalised but name no actor or place.
var calendar = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan.": true, "feb.": true, "aug.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true,
	"jan": true, "feb": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "mon": true, "tue": true, "tues": true, "wed": true, "thu": true,
	"thurs": true, "fri": true, "sat": true, "sun": true, "gmt": true, "utc": true,
}

// firstName reports whether a one-word place match is the first name of a
// person: "Alexander Lavrentiev", "Jackson Mwangi" — a capitalised word
// the knowledge base does not know follows it.
func firstName(d *text.Doc, k *kb.KB, m Mention, end, maxw int, key *strings.Builder) bool {
	if m.Kind != Place || m.End-m.First != 1 || m.End >= end {
		return false
	}
	next := d.Tokens[m.End]
	if (GivenName(d.Tokens[m.First].Text) || particles[d.Tokens[m.First].Lower]) && next.Cap && next.Tag == text.Proper {
		// "Selim Kaya": Selim and Kaya are villages too
		return true
	}
	if !next.Cap || next.Tag != text.Proper || calendar[next.Lower] {
		return false
	}
	_, known := longest(d, k, m.End, end, maxw, key)
	return !known
}

// named drops title entries, which Role looks up, from a lookup's result.
func named(es []kb.Entry) []kb.Entry {
	for i, e := range es {
		if e.Kind == kb.KindRole {
			out := append([]kb.Entry(nil), es[:i]...)
			for _, e := range es[i+1:] {
				if e.Kind != kb.KindRole {
					out = append(out, e)
				}
			}
			return out
		}
	}
	return es
}

// roleFirst reports whether a key that names only places is better read
// as a title or body: "Police" is a village in Poland, but in a sentence
// it is the police.
func roleFirst(k *kb.KB, key string, es []kb.Entry) bool {
	for _, e := range es {
		if e.Kind != kb.KindPlace || e.Feature == kb.FeatureCapital {
			return false
		}
	}
	_, ok := k.Role(key)
	return ok
}

// allCaps reports whether a word of two letters or more is written in
// capitals: an acronym.
func allCaps(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' {
			return false
		}
	}
	return true
}

// namedBody reports whether a capitalised title starts the name of an
// organisation: "National Union of Tunisian Journalists", "Ministry of
// Defence".
func namedBody(d *text.Doc, m Mention, end int) bool {
	if m.Kind != Title || !d.Tokens[m.First].Cap || m.End+1 >= end {
		return false
	}
	w := d.Tokens[m.End].Lower
	return (w == "of" || w == "for") && d.Tokens[m.End+1].Cap && OrgWord(d.Tokens[m.End-1].Text)
}

// startsKnown reports whether a country, nationality, organisation or
// group of the knowledge base starts at token j.
func startsKnown(d *text.Doc, k *kb.KB, j, end int) bool {
	var key strings.Builder
	m, ok := longest(d, k, j, end, k.MaxWords(), &key)
	if !ok {
		return false
	}
	switch m.Kind {
	case Country, Nationality, Org, Group:
		return true
	case Title:
		// "Labour MP Barry Sheerman": a person's title ends the run before it
		return m.Role.Person && d.Tokens[j].Cap && m.End < end && d.Tokens[m.End].Cap && d.Tokens[m.End].Tag == text.Proper
	}
	return false
}
