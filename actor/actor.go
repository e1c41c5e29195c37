package actor

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/kb"
	"github.com/khaldun/khaldun/mention"
	"github.com/khaldun/khaldun/text"
)

// Ref is one mention resolved to the actor or place it refers to.
type Ref struct {
	Span       khaldun.Span
	First, End int // tokens
	Kind       mention.Kind
	Actor      string // actor id, or ""
	Place      string // place id, or ""
	Person     bool   // the actor is a person
}

// Result is what resolution produces for one article.
type Result struct {
	Actors []khaldun.Actor
	Places []khaldun.Place
	// Refs are the resolved mentions in text order: names, titles that
	// refer back ("the official"), pronouns, countries, places.
	Refs []Ref
	// Countries maps an actor id to the country actor id of the same
	// country, for capitals used for their governments.
	CountryActor map[string]string
	// ByCountry maps an ISO3 code to the actor of that country, when the
	// article names it.
	ByCountry map[string]string
}

// Options carries what resolution needs to know about the article.
type Options struct {
	Published string // YYYY-MM-DD, to pick a known person's role at the time
	Dateline  string // the dateline place as written, for local bodies ("police")
	// DatelineEnd is the byte offset where the dateline ("TEHRAN –",
	// "ACCRA, Oct 14 (Reuters) -") ends; names before it other than places
	// are the agency's, not actors of the story.
	DatelineEnd int
}

type resolver struct {
	// personKey marks the unknown names that some mention shows to be a
	// person's: a given name, a title before it, or a person's title in
	// apposition.
	personKey map[string]bool
	placeName map[string]bool // unknown names the text calls a place ("the X district")
	placeAt   map[int]bool    // mentions the text calls a place ("the town of X")
	d         *text.Doc
	ms        []mention.Mention
	k         *kb.KB
	opt       Options
	at        []int // token -> mention index, -1
	res       Result
	byKey     map[string]int // actor key -> index in res.Actors
	place     map[string]int // place key -> index in res.Places
	// person actors in order of mention, for pronouns and descriptions
	lastPerson []personRef
	homeCC     string // the country of the dateline
	docCC      map[string]int
	firstCC    map[string]int  // the index of the mention that first names each country
	regions    map[string]bool // first-level regions the article names
	anchors    []anchor        // places named without ambiguity
}

type personRef struct {
	actor    int
	sentence int
	token    int
}

// Resolve turns mentions into actors and places, one per thing named, and
// resolves surnames, descriptions and pronouns to them.
func Resolve(d *text.Doc, ms []mention.Mention, k *kb.KB, opt Options) Result {
	r := &resolver{d: d, ms: ms, k: k, opt: opt, byKey: map[string]int{}, place: map[string]int{}, docCC: map[string]int{},
		firstCC: map[string]int{}, placeName: map[string]bool{}, placeAt: map[int]bool{}}
	r.at = make([]int, len(d.Tokens))
	for i := range r.at {
		r.at[i] = -1
	}
	for i, m := range ms {
		for t := m.First; t < m.End; t++ {
			r.at[t] = i
		}
	}
	r.res.CountryActor = map[string]string{}
	r.countries()
	r.run()
	r.homeOfficials()
	r.res.ByCountry = map[string]string{}
	for i := range r.res.Actors {
		a := &r.res.Actors[i]
		// a name wrapped across lines is one name: "Western Emergency Service\nInc"
		a.Name = strings.Join(strings.Fields(a.Name), " ")
		if a.Kind == khaldun.KindCountry {
			r.res.ByCountry[a.Country] = a.ID
		}
	}
	sort.SliceStable(r.res.Refs, func(a, b int) bool { return r.res.Refs[a].Span.Start < r.res.Refs[b].Span.Start })
	return r.res
}

// countries notes which countries the article is about: the dateline's and
// every country or nationality named, to choose between places of one name.
func (r *resolver) countries() {
	if r.opt.Dateline != "" {
		head := r.opt.Dateline
		if i := strings.IndexByte(head, ','); i > 0 {
			head = head[:i]
		}
		for _, e := range r.k.Lookup(kb.Normalize(head)) {
			if e.Kind == kb.KindPlace || e.Kind == kb.KindCountry {
				r.homeCC = e.Country
				break
			}
		}
	}
	for i, m := range r.ms {
		if m.Kind == mention.Country || m.Kind == mention.Nationality {
			cc := m.Entries[0].Country
			if r.docCC[cc] == 0 {
				r.firstCC[cc] = i
			}
			r.docCC[cc]++
		}
	}
	if r.homeCC == "" {
		// no dateline: the country the article names most, if one stands out
		best, n, tie := "", 0, false
		for cc, c := range r.docCC {
			switch {
			case c > n:
				best, n, tie = cc, c, false
			case c == n:
				tie = true
			}
		}
		if n >= 2 && !tie {
			r.homeCC = best
		}
	}
	if r.homeCC != "" {
		r.docCC[r.homeCC] += 2
	}
}

func (r *resolver) run() {
	// the places named without ambiguity say which country the story is
	// about before any body is placed
	r.placeContext()
	for i := range r.ms {
		m := &r.ms[i]
		if m.Kind == mention.Person && m.End-m.First == 1 && !m.Entries[0].ActiveAround(r.opt.Published, surnameYears) {
			// a bare surname in a story years away from the known bearer's
			// offices is someone else's: "Bush" in 1987 is not George W.
			// Bush, "Harper" in 1996 not Stephen Harper
			m.Kind, m.Entries = mention.Name, nil
		}
		if (m.Kind == mention.Person || m.Kind == mention.Name) && m.First >= 2 &&
			r.d.Tokens[m.First-1].Lower == "of" && placesOf[r.d.Tokens[m.First-2].Lower] {
			// "the town of Meles": a place, not the Ethiopian premier (this
			// mention only: "the province of Twitter" is a figure)
			m.Kind, m.Entries = mention.Name, nil
			r.placeAt[i] = true
		}
	}
	// first pass: full names, so that later surnames find them
	names := map[string]int{} // normalised surname or full name -> actor
	for i, m := range r.ms {
		if m.Kind != mention.Name && m.Kind != mention.Person || m.End-m.First < 2 || isOrgName(r.d, &r.ms[i]) {
			continue
		}
		toks := r.d.Tokens[m.First:m.End]
		for j := range toks {
			tail := kb.Normalize(spanText(r.d, m.First+j, m.End))
			if _, ok := names[tail]; !ok {
				names[tail] = i
			}
		}
	}
	r.personKeys()
	for i := range r.ms {
		m := &r.ms[i]
		if m.Span.End <= r.opt.DatelineEnd && m.Kind != mention.Place && m.Kind != mention.Country {
			continue
		}
		si := r.d.SentenceOf(m.First)
		switch m.Kind {
		case mention.Person:
			a := r.person(m, m.Entries[0].Name, &m.Entries[0])
			r.ref(m, a)
			r.notePerson(a, si, m.First)
		case mention.Name:
			r.name(i, m, si, names)
		case mention.Org, mention.Group:
			e := m.Entries[0]
			if e.Sector == "" && r.body(m, e.Country) {
				// a dictionary actor coded by country alone
				continue
			}
			a := r.actor("org:"+e.Name, func() khaldun.Actor {
				kind := khaldun.KindOrganization
				if e.Kind == kb.KindGroup {
					kind = khaldun.KindGroup
				}
				return khaldun.Actor{Name: e.Name, Kind: kind, Country: e.Country, Sector: e.Sector, Code: codeOf(e.Code, e.Country, e.Sector), Evidence: "kb"}
			})
			r.ref(m, a)
		case mention.Country:
			e := m.Entries[0]
			if r.body(m, e.Country) {
				continue
			}
			if p, ok := r.regionNotCountry(i, m); ok {
				// "Georgia" in a story about Atlanta is the US state
				pid := r.addPlace(m, p)
				r.res.Refs = append(r.res.Refs, Ref{Span: m.Span, First: m.First, End: m.End, Kind: mention.Place, Place: pid})
				continue
			}
			a := r.actor("country:"+e.Country, func() khaldun.Actor {
				return khaldun.Actor{Name: e.Name, Kind: khaldun.KindCountry, Country: e.Country, Code: e.Country, Evidence: "kb"}
			})
			ref := r.ref(m, a)
			if r.locative(m.First) {
				if c, ok := r.k.Country(e.Country); ok {
					ref.Place = r.addPlace(m, kb.Entry{Kind: kb.KindPlace, Name: e.Name, Country: e.Country, Lat: c.Lat, Lon: c.Lon, Feature: "country"})
				}
			}
		case mention.Nationality:
			r.nationality(i, m)
		case mention.Place:
			if j, ok := names[m.Key]; ok && j != i && m.End-m.First == 1 && r.personKey[r.ms[j].Key] {
				// "Brian Lara ... Lara": the surname of a person named
				// before, not the Venezuelan state
				r.name(i, m, si, names)
				continue
			}
			if r.scoreLine(m) {
				// "Leeds 2 Liverpool 1": teams in a results line
				a := r.actor("org:"+m.Key, func() khaldun.Actor {
					return khaldun.Actor{Name: m.Text(r.d.Text), Kind: khaldun.KindOrganization, Evidence: "a team in a line of results"}
				})
				r.ref(m, a)
				continue
			}
			e := r.choosePlace(i, m)
			if !r.plausiblePlace(m, e) {
				continue
			}
			pid := r.addPlace(m, e)
			r.res.Refs = append(r.res.Refs, Ref{Span: m.Span, First: m.First, End: m.End, Kind: m.Kind, Place: pid})
		case mention.Title:
			r.title(i, m, si)
		case mention.Pronoun:
			r.pronoun(m, si)
		}
	}
	// country actors stand for capitals used as agents ("brokered by Moscow")
	for _, p := range r.res.Places {
		if p.Feature != kb.FeatureCapital {
			continue
		}
		if i, ok := r.byKey["country:"+p.Country]; ok {
			r.res.CountryActor[p.ID] = r.res.Actors[i].ID
		} else if c, ok := r.k.Country(p.Country); ok {
			i := r.actor("country:"+p.Country, func() khaldun.Actor {
				return khaldun.Actor{Name: c.Name, Kind: khaldun.KindCountry, Country: p.Country, Code: p.Country, Evidence: "capital " + p.Name}
			})
			r.res.CountryActor[p.ID] = r.res.Actors[i].ID
		}
	}
}

func spanText(d *text.Doc, i, j int) string {
	return d.Text[d.Tokens[i].Span.Start:d.Tokens[j-1].Span.End]
}

func isOrgName(d *text.Doc, m *mention.Mention) bool {
	last := d.Tokens[m.End-1].Lower
	if mention.OrgWord(last) {
		return true
	}
	for _, t := range d.Tokens[m.First:m.End] {
		if t.Text == "&" {
			return true // "Johnson & Johnson": no person's name has one
		}
	}
	// "Department for Education", "Ministry of Defence"
	return m.End-m.First > 1 && mention.OrgWord(d.Tokens[m.First].Lower)
}

// name resolves an unknown capitalised name: a surname of a person already
// named, a new person, or an organisation.
func (r *resolver) name(i int, m *mention.Mention, si int, names map[string]int) {
	if a, ok := r.orgHead(m); ok {
		// "the Movement" after "the March 23 Movement"
		r.ref(m, a)
		return
	}
	if isOrgName(r.d, m) {
		a := r.actor("org:"+m.Key, func() khaldun.Actor {
			return khaldun.Actor{Name: m.Text(r.d.Text), Kind: khaldun.KindOrganization}
		})
		r.describeOrg(a, m)
		r.ref(m, a)
		return
	}
	if r.placeAt[i] {
		return
	}
	if m.End < len(r.d.Tokens) && !r.d.Tokens[m.End].Cap && placeHeads[r.d.Tokens[m.End].Lower] || r.placeName[m.Key] {
		// "the Salah al-Din district of Aleppo": a place the gazetteer
		// does not know, here and wherever the text names it again
		r.placeName[m.Key] = true
		return
	}
	if j, ok := names[m.Key]; ok && j != i {
		full := &r.ms[j]
		var a int
		if full.Kind == mention.Person {
			// "Gianfranco Fini ... Fini told state radio"
			a = r.person(full, full.Entries[0].Name, &full.Entries[0])
		} else {
			a = r.person(full, full.Text(r.d.Text), nil)
		}
		r.ref(m, a)
		r.notePerson(a, si, m.First)
		return
	}
	if a, ok := r.orgHead(m); ok {
		// "the Observatory" after "the Syrian Observatory for Human Rights"
		r.ref(m, a)
		return
	}
	single := m.End-m.First == 1
	if geoHeads[lastWord(m.Key)] || strings.HasSuffix(m.Key, " based") || strings.HasSuffix(r.d.Tokens[m.End-1].Lower, "-based") {
		// "Lake Chad", "Middle East", "New York-based": not actors
		return
	}
	if role, ok := r.bodyBefore(m); ok {
		// "the opposition newspaper La Prensa": the name of a body
		d := r.describe(m)
		a := r.actor("org:"+m.Key, func() khaldun.Actor {
			return khaldun.Actor{Name: m.Text(r.d.Text), Kind: khaldun.KindOrganization, Country: d.country,
				Sector: role.Sector, Code: codeOf("", d.country, role.Sector), Roles: []string{role.Name},
				Evidence: "named after the word " + role.Name}
		})
		r.ref(m, a)
		return
	}
	if !r.personKey[m.Key] && single {
		if !m.Initial && r.acts(m) {
			// "Okocim said", "Zywiec has": an unknown single name that acts
			// is an organisation more often than a person named only once
			a := r.actor("org:"+m.Key, func() khaldun.Actor {
				return khaldun.Actor{Name: m.Text(r.d.Text), Kind: khaldun.KindOrganization}
			})
			r.ref(m, a)
		}
		// otherwise an unknown single word is too little to name anyone
		return
	}
	if !r.personKey[m.Key] && r.namesCity(m) {
		// "Real Madrid", "Deportivo Coruna": a name built on a city is a
		// club, a company or a body more often than a person
		a := r.actor("org:"+m.Key, func() khaldun.Actor {
			return khaldun.Actor{Name: m.Text(r.d.Text), Kind: khaldun.KindOrganization}
		})
		r.ref(m, a)
		return
	}
	a := r.person(m, m.Text(r.d.Text), nil)
	r.ref(m, a)
	r.notePerson(a, si, m.First)
}

// bodyBefore returns the body a name follows right after: "newspaper" in
// "the opposition newspaper La Prensa", "agency" in "the state news agency
// Petra".
func (r *resolver) bodyBefore(m *mention.Mention) (kb.Role, bool) {
	if m.First == 0 {
		return kb.Role{}, false
	}
	j := r.at[m.First-1]
	if j < 0 {
		return kb.Role{}, false
	}
	t := r.ms[j]
	if t.Kind != mention.Title || t.Role.Person || collective(t.Key) || t.End != m.First || !namedBodies[t.Role.Sector] ||
		r.d.Tokens[t.First].Cap {
		// the kind is a common noun in running text: "the newspaper La
		// Prensa", not a headline's "Watchdog Thousands tortured"
		return kb.Role{}, false
	}
	if t.First > 0 {
		if k := r.at[t.First-1]; k >= 0 && r.ms[k].Kind != mention.Nationality && r.ms[k].Kind != mention.Title {
			// "Itar-Tass news agency Yeltsin": the body has its name already
			return kb.Role{}, false
		}
	}
	return t.Role, true
}

// namedBodies are the sectors of bodies whose kind is written before their
// name: the newspaper, the agency, the company, the charity, the university.
var namedBodies = map[string]bool{"MED": true, "BUS": true, "NGO": true, "EDU": true, "HLH": true}

// scoreLine reports whether a place name stands in a line of sports
// results: a name and a score, then another name and a score ("Leeds 2
// Liverpool 1", "KANSAS 85, NEVADA 52"), or a row of a league table
// ("Leeds 10 4 3 3 12 10 15"). The names are teams.
func (r *resolver) scoreLine(m *mention.Mention) bool {
	score := func(t int) bool {
		return t >= 0 && t < len(r.d.Tokens) && r.d.Tokens[t].Tag == text.Num && !strings.ContainsAny(r.d.Tokens[t].Text, ".:/")
	}
	named := func(t int) (mention.Mention, bool) { // the name starting or ending at token t
		if t < 0 || t >= len(r.d.Tokens) || r.at[t] < 0 {
			return mention.Mention{}, false
		}
		n := r.ms[r.at[t]]
		switch n.Kind {
		case mention.Place, mention.Name, mention.Org, mention.Country:
			return n, true
		}
		return mention.Mention{}, false
	}
	if !score(m.End) {
		return false
	}
	if score(m.End+1) && score(m.End+2) && score(m.End+3) {
		// a row of a league table: played, won, drawn, lost, ...
		return true
	}
	// the first team: a score, then the other team and its score
	next := m.End + 1
	if next < len(r.d.Tokens) && r.d.Tokens[next].Text == "," {
		next++
	}
	if n, ok := named(next); ok && n.First == next && score(n.End) {
		return true
	}
	// the second team: the other team and its score before it
	prev := m.First - 1
	if prev >= 0 && r.d.Tokens[prev].Text == "," {
		prev--
	}
	if !score(prev) {
		return false
	}
	n, ok := named(prev - 1)
	return ok && n.End == prev
}

// placeAfter returns the country of the first place or country the
// sentence names after m with "in": "people blocked streets in Hong Kong".
func (r *resolver) placeAfter(m *mention.Mention) (string, string, bool) {
	end := r.d.Sentences[r.d.SentenceOf(m.First)].End
	for t := m.End; t < end; t++ {
		j := r.at[t]
		if j < 0 {
			continue
		}
		pm := &r.ms[j]
		t = pm.End - 1
		k := pm.First - 1
		for k > m.End && (r.d.Tokens[k].Tag == text.Adj || directions[r.d.Tokens[k].Lower]) {
			k-- // "in northern Syria"
		}
		if r.d.Tokens[k].Lower != "in" {
			continue
		}
		if pm.End < len(r.d.Tokens) {
			if next := r.d.Tokens[pm.End]; strings.HasPrefix(next.Text, "-") || next.Tag == text.Noun || next.Tag == text.Proper {
				// "in US-led strikes", "in US airstrikes": a modifier
				continue
			}
		}
		if pm.End-pm.First == 1 && directions[r.d.Tokens[pm.First].Lower] {
			continue // "in Northern Syria"
		}
		switch pm.Kind {
		case mention.Country:
			return pm.Entries[0].Country, pm.Text(r.d.Text), true
		case mention.Place:
			if e := r.choosePlace(j, pm); e.Country != "" {
				return e.Country, pm.Text(r.d.Text), true
			}
		}
	}
	return "", "", false
}

// hasTitleBefore reports whether a person title stands right before m.
func (r *resolver) hasTitleBefore(m *mention.Mention) bool {
	if m.First == 0 {
		return false
	}
	j := r.at[m.First-1]
	return j >= 0 && r.ms[j].Kind == mention.Title && r.ms[j].Role.Person || mention.Honorific(r.d.Tokens[m.First-1].Text)
}

// speaks reports whether a speech or action verb follows the name.
func (r *resolver) speaks(m *mention.Mention) bool {
	if m.End >= len(r.d.Tokens) {
		return false
	}
	t := r.d.Tokens[m.End]
	return t.Tag.IsVerb() || t.Tag == text.Modal || t.Text == ","
}

// person returns the actor of the person named by m, creating it with the
// descriptions around m.
func (r *resolver) person(m *mention.Mention, name string, e *kb.Entry) int {
	key := "person:" + kb.Normalize(name)
	i, fresh := r.actorNew(key, func() khaldun.Actor {
		return khaldun.Actor{Name: name, Kind: khaldun.KindPerson}
	})
	a := &r.res.Actors[i]
	d := r.describe(m)
	for _, role := range d.roles {
		if !contains(a.Roles, role) {
			a.Roles = append(a.Roles, role)
		}
	}
	if a.Country == "" && d.country != "" {
		a.Country, a.Evidence = d.country, d.evidence
	}
	if a.Sector == "" && d.sector != "" {
		a.Sector = d.sector
	}
	if e != nil && fresh {
		for _, pr := range e.RoleAt(r.opt.Published) {
			if !contains(a.Roles, pr.Title) {
				a.Roles = append(a.Roles, pr.Title)
			}
			if a.Country == "" {
				a.Country, a.Evidence = pr.Country, "kb"
			}
			if a.Sector == "" {
				a.Sector = pr.Sector
			}
		}
		if a.Country == "" {
			a.Country = e.Country
		}
		if a.Sector == "" {
			a.Sector = e.Sector
		}
	}
	a.Code = codeOf("", a.Country, a.Sector)
	return i
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func codeOf(code, country, sector string) string {
	if code != "" {
		return code
	}
	return country + sector
}

// description is what the words around a name say of its bearer.
type description struct {
	roles           []string
	country, sector string
	evidence        string
}

// describe reads the titles before a name ("Top Iranian security official
// Ali Shamkhani") and the appositive after it ("Ali Mamlouk, the Syrian
// security chief,").
func (r *resolver) describe(m *mention.Mention) description {
	var d description
	// premodifiers, right to left
	var pre []int
	for t := m.First - 1; t >= 0 && t >= m.First-10; t-- {
		tok := r.d.Tokens[t]
		j := r.at[t]
		if j >= 0 {
			k := r.ms[j].Kind
			if k != mention.Title && k != mention.Nationality && k != mention.Country && k != mention.Org && k != mention.Place {
				break
			}
			pre = append(pre, j)
			t = r.ms[j].First
			continue
		}
		if tok.Tag == text.Adj || tok.Tag == text.Noun || tok.Lower == "for" || tok.Lower == "of" || tok.Lower == "and" ||
			tok.Text == "." && !tok.Space {
			// the point of an abbreviated title, "Maj. Gen."
			continue
		}
		break
	}
	// left to right; a nationality after "for" or "of" names a portfolio
	portfolio := false
	for k := len(pre) - 1; k >= 0; k-- {
		pm := r.ms[pre[k]]
		if pm.First > 0 {
			w := r.d.Tokens[pm.First-1].Lower
			if w == "for" || w == "of" {
				portfolio = true
			}
		}
		r.addDescriptor(&d, pm, portfolio, "title before the name")
	}
	// the appositive
	e := m.End
	if e < len(r.d.Tokens) && r.d.Tokens[e].Text == "," {
		end := r.d.Sentences[r.d.SentenceOf(e)].End
		portfolio := false
		for t := e + 1; t < end && t < e+14; t++ {
			tok := r.d.Tokens[t]
			if tok.Text == "," || tok.Tag.IsVerb() && tok.Tag != text.Past || tok.Tag == text.Modal {
				break
			}
			if tok.Lower == "for" {
				portfolio = true
			}
			j := r.at[t]
			if j < 0 {
				continue
			}
			am := r.ms[j]
			switch am.Kind {
			case mention.Person:
				// "President Putin's special envoy": the principal's country
				if am.End < len(r.d.Tokens) && r.d.Tokens[am.End].Tag == text.Poss && d.country == "" {
					for _, pr := range am.Entries[0].RoleAt(r.opt.Published) {
						d.country, d.evidence = pr.Country, "envoy of "+am.Entries[0].Name
						break
					}
					if d.country == "" {
						d.country, d.evidence = am.Entries[0].Country, "envoy of "+am.Entries[0].Name
					}
				}
			case mention.Title:
				// a title before another name is that person's: "President
				// Putin's special envoy"
				if n := am.End; n < len(r.at) && r.at[n] >= 0 && (r.ms[r.at[n]].Kind == mention.Person || r.ms[r.at[n]].Kind == mention.Name) {
					break
				}
				r.addDescriptor(&d, am, portfolio, "apposition")
			default:
				r.addDescriptor(&d, am, portfolio, "apposition")
			}
			t = am.End - 1
		}
	}
	return d
}

func (r *resolver) addDescriptor(d *description, m mention.Mention, portfolio bool, where string) {
	switch m.Kind {
	case mention.Title:
		if m.Role.Person {
			d.roles = append(d.roles, m.Key)
			if d.sector == "" {
				d.sector = m.Role.Sector
			}
		}
	case mention.Nationality, mention.Country:
		if !portfolio && d.country == "" {
			d.country, d.evidence = m.Entries[0].Country, where+": "+m.Text(r.d.Text)
		}
	case mention.Org:
		e := m.Entries[0]
		if d.country == "" && e.Country != "" && e.Sector != "IGO" {
			d.country, d.evidence = e.Country, where+": "+e.Name
		}
		if d.sector == "" {
			d.sector = e.Sector
		}
	}
}

// describeOrg gives an unknown organisation the country of a nationality
// right before it ("Iraqi Communist Party").
func (r *resolver) describeOrg(i int, m *mention.Mention) {
	a := &r.res.Actors[i]
	if a.Country != "" || m.First == 0 {
		return
	}
	if j := r.at[m.First-1]; j >= 0 && (r.ms[j].Kind == mention.Nationality || r.ms[j].Kind == mention.Country) {
		a.Country = r.ms[j].Entries[0].Country
		a.Code = codeOf("", a.Country, a.Sector)
	}
}

// nationality handles a demonym: with a body after it ("the Syrian army")
// it names a group actor; alone it only describes.
func (r *resolver) nationality(i int, m *mention.Mention) {
	if r.body(m, m.Entries[0].Country) {
		return
	}
	// a nationality on its own stands for its country, as a modifier of
	// what the country does ("Syrian regime strikes", "Iranian help")
	e := m.Entries[0]
	c, ok := r.k.Country(e.Country)
	if !ok {
		return
	}
	a := r.actor("country:"+e.Country, func() khaldun.Actor {
		return khaldun.Actor{Name: c.Name, Kind: khaldun.KindCountry, Country: e.Country, Code: e.Country, Evidence: "kb"}
	})
	r.ref(m, a)
}

// body makes the actor of a country's body when one follows the
// nationality or country m: "the Syrian army", "French paper workers",
// "the Calenardhon government". It reports whether there was one.
func (r *resolver) body(m *mention.Mention, cc string) bool {
	if m.End >= len(r.d.Tokens) || cc == "" {
		return false
	}
	// the body may follow an adjective or a noun: "the Syrian national
	// army", "French paper workers"
	for t := m.End; t < len(r.d.Tokens) && t < m.End+3; t++ {
		j := r.at[t]
		if j < 0 {
			if tg := r.d.Tokens[t].Tag; tg == text.Adj || tg == text.Noun {
				continue
			}
			break
		}
		b := &r.ms[j]
		if b.Kind != mention.Title || b.Role.Person && !collective(b.Key) {
			break
		}
		name := spanText(r.d, m.First, b.End)
		var a int
		if e, ok := r.known(name); ok {
			// "the Syrian army" is the Syrian Arab Army of the knowledge base
			a = r.actor("org:"+e.Name, func() khaldun.Actor {
				return khaldun.Actor{Name: e.Name, Kind: khaldun.KindOrganization, Country: e.Country, Sector: e.Sector, Code: codeOf(e.Code, e.Country, e.Sector), Evidence: "kb"}
			})
		} else {
			a = r.actor("body:"+cc+":"+b.Role.Name, func() khaldun.Actor {
				return khaldun.Actor{Name: name, Kind: khaldun.KindOrganization, Country: cc, Sector: b.Role.Sector,
					Code: cc + b.Role.Sector, Roles: []string{b.Role.Name}, Evidence: "nationality and body: " + name}
			})
		}
		b.Kind = 0 // consumed
		span := khaldun.Span{Start: m.Span.Start, End: b.Span.End}
		r.res.Actors[a].Mentions = append(r.res.Actors[a].Mentions, span)
		r.res.Refs = append(r.res.Refs, Ref{Span: span, First: m.First, End: b.End, Kind: mention.Org, Actor: r.res.Actors[a].ID})
		return true
	}
	return false
}

// title resolves a title with no name: a description of an actor named
// before ("the security official"), or a body of the home country
// ("police fired tear gas").
func (r *resolver) title(i int, m *mention.Mention, si int) {
	if m.Role.Person && !collective(m.Key) {
		if r.namedNext(m) {
			return
		}
		if m.Definite {
			head := lastWord(m.Key)
			for k := len(r.lastPerson) - 1; k >= 0; k-- {
				p := r.lastPerson[k]
				a := &r.res.Actors[p.actor]
				for _, role := range a.Roles {
					if lastWord(role) == head {
						r.ref(m, p.actor)
						r.notePerson(p.actor, si, m.First)
						return
					}
				}
			}
		}
		r.incumbent(m, si)
		return
	}
	// a body with no nationality before it: its owner's ("Iraq's army",
	// "Iran said its forces"), else a national body of the article's country
	if m.First > 0 {
		if j := r.at[m.First-1]; j >= 0 && r.ms[j].Kind == mention.Nationality {
			return
		}
		if cc, ok := r.owner(m); ok {
			r.ownedBody(m, cc)
			return
		}
	}
	if m.Role.Sector == "CVL" {
		// civilians named by where they are: "people blocked streets in
		// Hong Kong"
		if cc, where, ok := r.placeAfter(m); ok {
			a := r.actor("body:"+cc+":"+m.Role.Name, func() khaldun.Actor {
				name := m.Role.Name + " in " + where
				return khaldun.Actor{Name: name, Kind: khaldun.KindOrganization, Country: cc, Sector: m.Role.Sector,
					Code: cc + m.Role.Sector, Roles: []string{m.Role.Name}, Evidence: m.Role.Name + " in " + where}
			})
			r.ref(m, a)
			return
		}
		// civilians named nowhere in particular: the story's country's, or
		// of no known country ("100 persons have been arrested"); but "the
		// population of Gondor" is Gondor's, coded through the "of" phrase
		if e := m.End; e+1 < len(r.d.Tokens) && r.d.Tokens[e].Lower == "of" && r.at[e+1] >= 0 {
			return
		}
		cc := r.subjectCountry()
		a := r.actor("body:"+cc+":"+m.Role.Name, func() khaldun.Actor {
			name, evidence := m.Role.Name, "civilians of no named country"
			if c, ok := r.k.Country(cc); ok {
				name, evidence = c.Adjective()+" "+m.Role.Name, "civilians in a story about "+c.Name
			}
			return khaldun.Actor{Name: name, Kind: khaldun.KindOrganization, Country: cc, Sector: m.Role.Sector,
				Code: cc + m.Role.Sector, Roles: []string{m.Role.Name}, Evidence: evidence}
		})
		r.ref(m, a)
		return
	}
	if !homeBodies[m.Role.Name] {
		return
	}
	cc := r.subjectCountry()
	a := r.actor("body:"+cc+":"+m.Role.Name, func() khaldun.Actor {
		name, evidence := m.Role.Name, "body named without its country"
		if c, ok := r.k.Country(cc); ok {
			name, evidence = c.Adjective()+" "+m.Role.Name, "body in a story datelined "+r.opt.Dateline
			if r.opt.Dateline == "" {
				evidence = "body in a story about " + c.Name
			}
		}
		return khaldun.Actor{Name: name, Kind: khaldun.KindOrganization, Country: cc, Sector: m.Role.Sector,
			Code: cc + m.Role.Sector, Roles: []string{m.Role.Name}, Evidence: evidence}
	})
	r.ref(m, a)
}

// bodyActors are the sectors of bodies that act in local news.
// homeBodies are the national bodies a datelined story names without
// their country ("police fired tear gas", "the army said").
var homeBodies = map[string]bool{
	"army": true, "military": true, "police": true, "troops": true, "soldiers": true, "security forces": true,
	"forces": true, "navy": true, "air force": true, "gendarmerie": true, "riot police": true,
	"national guard": true, "border guards": true, "coast guard": true, "armed forces": true, "policemen": true,
	"police officers": true, "riot police officers": true, "government": true, "authorities": true,
	"officials": true, "ministry": true, "foreign ministry": true, "defence ministry": true,
	"defense ministry": true, "interior ministry": true, "health ministry": true,
}

// namedNext reports whether a name follows the title ("the minister, Ali").
func (r *resolver) namedNext(m *mention.Mention) bool {
	if m.End < len(r.d.Tokens) {
		if j := r.at[m.End]; j >= 0 && (r.ms[j].Kind == mention.Name || r.ms[j].Kind == mention.Person) {
			return true
		}
	}
	return false
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// pronoun resolves he/she to the person who is the topic: the first person
// named in the nearest sentence before (or earlier in this one).
func (r *resolver) pronoun(m *mention.Mention, si int) {
	if m.Key == "they" || m.Key == "them" || m.Key == "their" {
		return
	}
	if m.Key == "it" {
		r.itPronoun(m, si)
		return
	}
	best := -1
	for k := len(r.lastPerson) - 1; k >= 0; k-- {
		p := r.lastPerson[k]
		if p.sentence == si && p.token < m.First {
			best = k
			continue
		}
		if best >= 0 {
			break
		}
		if p.sentence < si {
			// the first person in that sentence
			s := p.sentence
			best = k
			for k2 := k - 1; k2 >= 0 && r.lastPerson[k2].sentence == s; k2-- {
				best = k2
			}
			break
		}
	}
	if best < 0 {
		return
	}
	a := r.lastPerson[best].actor
	r.ref(m, a)
}

func (r *resolver) notePerson(a, si, tok int) {
	r.lastPerson = append(r.lastPerson, personRef{actor: a, sentence: si, token: tok})
}

// locative reports whether a preposition of place comes before token i.
func (r *resolver) locative(i int) bool {
	for t := i - 1; t >= 0 && t >= i-3; t-- {
		switch r.d.Tokens[t].Lower {
		case "in", "at", "near", "across", "throughout", "inside", "outside", "into", "from", "to", "around":
			return true
		case "the", "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west":
			continue
		}
		return false
	}
	return false
}

// choosePlace picks among the places of one name the one the article
// means. Each candidate scores for its importance (the gazetteer's order:
// capital, big city, region, population), for lying in a country the
// article names, in a first-level region it names ("Paris, Texas"; "in
// Texas ... Paris"), and near the places it names without ambiguity.
func (r *resolver) choosePlace(mi int, m *mention.Mention) kb.Entry {
	r.placeContext()
	es := m.Entries
	best, score := es[0], -1<<30
	qualifier := r.qualifier(m)
	for rank, e := range es {
		if rank > 30 {
			break
		}
		if e.Kind != kb.KindPlace {
			continue
		}
		s := 0
		// the gazetteer's order (capital, big city, region, population)
		// counts unless the places named without ambiguity all lie
		// elsewhere
		home := r.home(e.Country, mi)
		switch {
		case rank == 0 && home:
			s += 30
		case rank == 0, rank == 1:
			s += 10
		}
		switch {
		case e.Feature == kb.FeatureAdmin2:
			// a district's people are summed: it is no bigger for that
		case e.Population >= 1000000:
			s += 20
		case e.Population >= 100000:
			s += 10
		}
		switch e.Feature {
		case kb.FeatureCapital:
			// a national capital is meant unless the places named without
			// ambiguity all lie in another country
			if home {
				s += 30
			}
		case kb.FeatureAdmin1:
			// a region, unless it is named after its seat and the text does
			// not say "province" ("Aleppo" is the city)
			if !hasSeat(es, e) || r.regionWord(m) {
				s += 30
			}
		}
		if n := r.docCC[e.Country]; n > 0 {
			s += 20 + 3*min(n, 4)
		} else if r.home(e.Country, mi) && len(r.anchors) > 0 {
			s += 15
		}
		if e.Admin1 != "" && r.regions[kb.Normalize(e.Admin1)] {
			s += 40
		}
		if qualifier != nil && (qualifier.Country == e.Country && qualifier.Feature == "country" || qualifier.Feature == kb.FeatureAdmin1 && kb.Normalize(qualifier.Name) == kb.Normalize(e.Admin1)) {
			s += 200
		}
		if d := r.nearestAnchor(e, mi); d < 100 {
			s += 30
		} else if d < 300 {
			s += 15
		} else if d < 1000 {
			s += 5
		}
		if d := r.nearestCandidate(e, m.Key); d < 50 {
			// another place the article names has a namesake next to this
			// one: small towns of one county ("Alexandria ... Nelson")
			s += 35
		} else if d < 150 {
			s += 20
		}
		if s > score {
			best, score = e, s
		}
	}
	return best
}

// placeContext gathers, once per article, the first-level regions named
// and the places named without ambiguity.
func (r *resolver) placeContext() {
	if r.regions != nil {
		return
	}
	r.regions = map[string]bool{}
	for i, m := range r.ms {
		if m.Kind != mention.Place {
			continue
		}
		places := 0
		for _, e := range m.Entries {
			if e.Kind == kb.KindPlace {
				places++
			}
		}
		top := m.Entries[0]
		regions := 0
		for _, e := range m.Entries {
			if e.Kind == kb.KindPlace && e.Feature == kb.FeatureAdmin1 {
				regions++
			}
		}
		if top.Feature == kb.FeatureAdmin1 && regions == 1 && !(m.End-m.First == 1 && directions[r.d.Tokens[m.First].Lower]) {
			// a region named says which country the article is in
			r.regions[kb.Normalize(top.Name)] = true
			r.docCC[top.Country]++
		}
		if places == 1 || top.Feature == kb.FeatureCapital || top.Feature == kb.FeatureAdmin1 || bigCity(m.Entries) {
			r.anchors = append(r.anchors, anchor{e: top, mention: i})
		}
	}
}

// bigCity reports whether the first candidate is a city of a million
// people whose namesakes are all much smaller: "Dallas", "Manchester".
func bigCity(es []kb.Entry) bool {
	top := es[0]
	if top.Kind != kb.KindPlace || top.Population < 1000000 {
		return false
	}
	for _, e := range es[1:] {
		if e.Kind == kb.KindPlace && e.Population*10 > top.Population {
			return false
		}
	}
	return true
}

type anchor struct {
	e       kb.Entry
	mention int
}

// nearestAnchor returns the distance in km from e to the nearest place
// named without ambiguity elsewhere in the article.
func (r *resolver) nearestAnchor(e kb.Entry, mi int) float64 {
	best := math.Inf(1)
	for _, a := range r.anchors {
		if a.mention == mi || a.e.GeoNames == e.GeoNames && e.GeoNames != 0 {
			continue
		}
		if d := kb.DistanceKm(e.Lat, e.Lon, a.e.Lat, a.e.Lon); d < best {
			best = d
		}
	}
	return best
}

// qualifier returns the region or country written after a place name and a
// comma: "Paris, Texas", "Tripoli, Lebanon".
func (r *resolver) qualifier(m *mention.Mention) *kb.Entry {
	if m.End+1 >= len(r.d.Tokens) || r.d.Tokens[m.End].Text != "," {
		return nil
	}
	j := r.at[m.End+1]
	if j < 0 {
		return nil
	}
	q := r.ms[j]
	for _, e := range q.Entries {
		if e.Kind == kb.KindCountry {
			return &kb.Entry{Country: e.Country, Feature: "country"}
		}
		if e.Kind == kb.KindPlace && e.Feature == kb.FeatureAdmin1 {
			e := e
			return &e
		}
	}
	return nil
}

func (r *resolver) addPlace(m *mention.Mention, e kb.Entry) string {
	key := e.Name + "|" + e.Country
	if e.GeoNames != 0 {
		key = strconv.Itoa(e.GeoNames)
	}
	i, ok := r.place[key]
	if !ok {
		i = len(r.res.Places)
		r.place[key] = i
		r.res.Places = append(r.res.Places, khaldun.Place{ID: "p" + strconv.Itoa(i+1), Name: e.Name, Country: e.Country,
			Admin1: e.Admin1, Lat: e.Lat, Lon: e.Lon, GeoNames: e.GeoNames, Feature: e.Feature})
	}
	p := &r.res.Places[i]
	p.Mentions = append(p.Mentions, m.Span)
	return p.ID
}

func (r *resolver) actor(key string, mk func() khaldun.Actor) int {
	i, _ := r.actorNew(key, mk)
	return i
}

func (r *resolver) actorNew(key string, mk func() khaldun.Actor) (int, bool) {
	if i, ok := r.byKey[key]; ok {
		return i, false
	}
	a := mk()
	i := len(r.res.Actors)
	a.ID = "a" + strconv.Itoa(i+1)
	if a.Code == "" {
		a.Code = codeOf("", a.Country, a.Sector)
	}
	r.res.Actors = append(r.res.Actors, a)
	r.byKey[key] = i
	return i, true
}

// ref records that m refers to actor i.
func (r *resolver) ref(m *mention.Mention, i int) *Ref {
	a := &r.res.Actors[i]
	a.Mentions = append(a.Mentions, m.Span)
	r.res.Refs = append(r.res.Refs, Ref{Span: m.Span, First: m.First, End: m.End, Kind: m.Kind, Actor: a.ID, Person: a.Kind == khaldun.KindPerson})
	return &r.res.Refs[len(r.res.Refs)-1]
}

// plausiblePlace reports whether a gazetteer match is a place in this
// text. Many small places share their name with common words and first
// names ("Real", "Alexander"); a one-word match of a small place needs a
// preposition of place before it or a country the article is about.
func (r *resolver) plausiblePlace(m *mention.Mention, e kb.Entry) bool {
	if m.End-m.First == 1 && directions[r.d.Tokens[m.First].Lower] && r.docCC[e.Country] == 0 {
		// "Eastern bloc", "Central bank": a region named like an adjective
		return false
	}
	if e.Feature != kb.FeatureCapital && r.facilityAfter(m) {
		// "Melbourne Cricket Ground", "Whistler Mountain", "Paris Regional
		// Medical Center": a facility named after the town, not the town
		return false
	}
	if m.End-m.First > 1 || e.Feature == kb.FeatureCapital || e.Feature == kb.FeatureAdmin1 || e.Population >= 100000 {
		return true
	}
	if r.actsLikeAnActor(m) {
		// "Zywiec said", "Okocim's output": a small place's name used as
		// the subject of a verb or a possessor is a company's or a person's
		return false
	}
	if r.inLongerName(m) {
		// "Pearl Harbor", "Rogers Centre": a small place's name inside a
		// longer name the gazetteer does not know
		return false
	}
	if r.docCC[e.Country] > 0 || r.nearestCandidate(e, m.Key) < 50 {
		return !m.Initial || r.locative(m.First)
	}
	return len(r.docCC) == 0 && r.locative(m.First)
}

// known returns the organisation or group the knowledge base lists under
// name.
func (r *resolver) known(name string) (kb.Entry, bool) {
	for _, e := range r.k.Lookup(kb.Normalize(name)) {
		if e.Kind == kb.KindOrg || e.Kind == kb.KindGroup {
			return e, true
		}
	}
	return kb.Entry{}, false
}

// collective reports whether a person title names many people ("people",
// "officials", "troops"), which with a nationality make a group actor.
func collective(key string) bool {
	w := lastWord(key)
	return w == "people" || w == "police" || w == "personnel" || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// orgHead finds an organisation named before whose name ends in the same
// word as m: a short form such as "the Observatory" or "the Council".
func (r *resolver) orgHead(m *mention.Mention) (int, bool) {
	last := kb.Normalize(r.d.Tokens[m.End-1].Text)
	for i := range r.res.Actors {
		a := &r.res.Actors[i]
		if a.Kind != khaldun.KindOrganization && a.Kind != khaldun.KindGroup {
			continue
		}
		if headWord(kb.Normalize(a.Name)) == last && kb.Normalize(a.Name) != m.Key {
			return i, true
		}
	}
	return 0, false
}

// headWord returns the head of a normalised name: the word before "of" or
// "for" ("observatory" in "syrian observatory for human rights"), else the
// last word.
func headWord(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		if i > 0 && (w == "of" || w == "for") {
			return words[i-1]
		}
	}
	if len(words) == 0 {
		return ""
	}
	return words[len(words)-1]
}

// personKeys decides once per name whether it is a person's, from the
// evidence of all its mentions, so that every mention of a name gets the
// same kind.
func (r *resolver) personKeys() {
	r.personKey = map[string]bool{}
	for i := range r.ms {
		m := &r.ms[i]
		if m.Kind != mention.Name || isOrgName(r.d, m) {
			continue
		}
		if r.hasTitleBefore(m) || mention.GivenName(r.d.Tokens[m.First].Text) && m.End-m.First > 1 || len(r.describe(m).roles) > 0 {
			r.personKey[m.Key] = true
		}
	}
}

// geoHeads are last words of geographic names that are not places in the
// gazetteer and not actors: seas, regions, landmarks.
// placeHeads are the common nouns after a name that make it a place: "the
// Salah al-Din district", "the Yarmouk camp".
var placeHeads = map[string]bool{"district": true, "neighbourhood": true, "neighborhood": true, "quarter": true,
	"village": true, "town": true, "city": true, "camp": true, "province": true, "governorate": true, "region": true,
	"area": true, "suburb": true, "countryside": true, "county": true, "municipality": true}

// placesOf are the nouns that make the name after "of" a place: "the town
// of Meles" (not "a quarter of Twitter users").
var placesOf = map[string]bool{"town": true, "city": true, "village": true, "district": true, "province": true,
	"governorate": true, "county": true, "municipality": true, "suburb": true, "neighbourhood": true,
	"neighborhood": true, "camp": true}

var geoHeads = map[string]bool{
	"sea": true, "ocean": true, "lake": true, "river": true, "gulf": true, "bay": true, "strait": true, "straits": true,
	"mountains": true, "mountain": true, "hills": true, "valley": true, "desert": true, "island": true, "islands": true,
	"peninsula": true, "coast": true, "square": true, "street": true, "road": true, "avenue": true, "bridge": true,
	"corridor": true, "east": true, "west": true, "north": true, "south": true, "africa": true, "asia": true,
	"europe": true, "america": true, "americas": true, "heights": true, "plain": true, "basin": true, "canal": true,
	"airport": true, "border": true, "crossing": true, "park": true, "highway": true, "province": true,
	"region": true, "district": true, "county": true, "governorate": true, "state": false,
}

// owner returns the country that owns a body through a possessive: a
// country named right before it with "'s", or the last country actor of the
// sentence when "its" or "their" stands before it.
func (r *resolver) owner(m *mention.Mention) (string, bool) {
	if !homeBodies[m.Role.Name] {
		return "", false
	}
	p := possessor(r.d, m.First)
	w := r.d.Tokens[p].Lower
	if w == "'s" || w == "’s" {
		return r.countryOwning(m)
	}
	if w != "its" && w != "their" {
		return "", false
	}
	first := r.d.Sentences[r.d.SentenceOf(m.First)].First
	for k := len(r.res.Refs) - 1; k >= 0; k-- {
		ref := r.res.Refs[k]
		if ref.First < first {
			break
		}
		if ref.Actor == "" || ref.First >= m.First {
			continue
		}
		// the nearest actor with a country: "the Syrian people and their
		// legitimate government"
		for _, a := range r.res.Actors {
			if a.ID == ref.Actor && a.Country != "" && a.Kind != khaldun.KindPerson {
				return a.Country, true
			}
		}
	}
	return "", false
}

// countryOwning returns the country named in the possessive before m:
// "Iraq's army", "Turkey's president".
func (r *resolver) countryOwning(m *mention.Mention) (string, bool) {
	p := possessor(r.d, m.First)
	if w := r.d.Tokens[p].Lower; (w == "'s" || w == "’s") && p > 0 {
		if a, ok := r.actorEndingAt(p); ok && a.Kind == khaldun.KindCountry {
			return a.Country, true
		}
	}
	return "", false
}

// incumbent resolves a national office named without a name — "the
// Iranian foreign minister", "Turkey's president" — to the one person the
// knowledge base says held it on the publication date. A former, deputy
// or acting holder, an office of no named country, or one whose holder the
// knowledge base does not know, stays unresolved.
func (r *resolver) incumbent(m *mention.Mention, si int) {
	if r.opt.Published == "" {
		return
	}
	for _, w := range strings.Fields(m.Key) {
		if r.k.IsModifier(w) {
			return
		}
	}
	for t := m.First - 1; t >= 0 && t >= m.First-3; t-- {
		if r.k.IsModifier(r.d.Tokens[t].Lower) {
			return
		}
	}
	cc, evidence := r.describe(m).country, ""
	if cc == "" {
		cc, _ = r.countryOwning(m)
	}
	if cc == "" {
		return
	}
	in := r.k.Incumbents(m.Key, cc, r.opt.Published)
	if len(in) != 1 {
		return
	}
	e := in[0].Person
	i := r.person(m, e.Name, &e)
	a := &r.res.Actors[i]
	if a.Evidence == "" || strings.HasPrefix(a.Evidence, "title before") || a.Evidence == "kb" {
		evidence = in[0].Role.Title + " of " + cc + " on " + r.opt.Published + " (kb)"
		a.Evidence = evidence
	}
	r.ref(m, i)
	r.notePerson(i, si, m.First)
}

// actorEndingAt returns the actor of the ref that ends just before token p.
func (r *resolver) actorEndingAt(p int) (khaldun.Actor, bool) {
	for k := len(r.res.Refs) - 1; k >= 0; k-- {
		ref := r.res.Refs[k]
		if ref.End == p && ref.Actor != "" {
			for _, a := range r.res.Actors {
				if a.ID == ref.Actor {
					return a, true
				}
			}
		}
	}
	return khaldun.Actor{}, false
}

// ownedBody makes or finds the actor of a country's body and refers m to it.
func (r *resolver) ownedBody(m *mention.Mention, cc string) {
	a := r.actor("body:"+cc+":"+m.Role.Name, func() khaldun.Actor {
		name := m.Role.Name
		if c, ok := r.k.Country(cc); ok {
			name = c.Adjective() + " " + m.Role.Name
		}
		return khaldun.Actor{Name: name, Kind: khaldun.KindOrganization, Country: cc, Sector: m.Role.Sector,
			Code: cc + m.Role.Sector, Roles: []string{m.Role.Name}, Evidence: "possessive: " + spanText(r.d, possessor(r.d, m.First), m.End)}
	})
	r.ref(m, a)
}

// directions are the words that name regions in some countries ("Eastern",
// "Central") and are mostly adjectives elsewhere.
var directions = map[string]bool{
	"eastern": true, "western": true, "northern": true, "southern": true, "central": true, "north": true,
	"south": true, "east": true, "west": true, "upper": true, "lower": true, "greater": true, "coast": true,
	"capital": true, "national": true, "federal": true, "northeast": true, "northwest": true, "southeast": true,
	"southwest": true, "midwest": true, "interior": true, "littoral": true, "centre": true, "center": true,
}

// regionNotCountry returns the first-level region a country's name also
// names ("Georgia", "Punjab" is not a country but "Georgia" is both) when
// the article is about the region's country rather than the other one.
func (r *resolver) regionNotCountry(mi int, m *mention.Mention) (kb.Entry, bool) {
	r.placeContext()
	country := m.Entries[0].Country
	for _, e := range m.Entries[1:] {
		if e.Kind == kb.KindPlace && e.Feature == kb.FeatureAdmin1 && e.Country != country &&
			(r.docCC[e.Country] > r.docCC[country] || r.docCC[country] <= 1 && len(r.anchors) > 0 && r.home(e.Country, mi) && !r.home(country, mi)) {
			return e, true
		}
	}
	return kb.Entry{}, false
}

// nearestCandidate returns the distance in km from e to the nearest
// candidate of any other place name in the article, among the ten most
// important candidates of each.
func (r *resolver) nearestCandidate(e kb.Entry, key string) float64 {
	best := math.Inf(1)
	for i := range r.ms {
		m := &r.ms[i]
		if m.Kind != mention.Place || m.Key == key {
			continue
		}
		for j, c := range m.Entries {
			if j >= 10 {
				break
			}
			if c.Kind != kb.KindPlace {
				continue
			}
			if d := kb.DistanceKm(e.Lat, e.Lon, c.Lat, c.Lon); d < best {
				best = d
			}
		}
	}
	return best
}

// itPronoun resolves "it" as the subject of a reported clause ("UNICEF said
// it had sent aid") to the organisation, group or country that is the
// subject of the speech verb before it, in the same sentence.
func (r *resolver) itPronoun(m *mention.Mention, si int) {
	if m.First < 2 {
		return
	}
	// "X said it", "X said that it", "X said today it"
	k := m.First - 1
	if r.d.Tokens[k].Lower == "that" {
		k--
	}
	for n := 0; n < 3 && k > 0 && (timeWords[r.d.Tokens[k].Lower] || mention.Calendar(r.d.Tokens[k].Lower)); n++ {
		k--
	}
	if k < 1 || !speechVerbs[r.d.Tokens[k].Lower] {
		return
	}
	first := r.d.Sentences[si].First
	for j := len(r.res.Refs) - 1; j >= 0; j-- {
		ref := r.res.Refs[j]
		if ref.First < first {
			return
		}
		if ref.End > k || ref.Actor == "" || ref.Person {
			continue
		}
		for i := range r.res.Actors {
			if r.res.Actors[i].ID == ref.Actor {
				r.ref(m, i)
				return
			}
		}
	}
}

// timeWords stand between a speech verb and its clause: "said today it".
var timeWords = map[string]bool{"today": true, "yesterday": true, "tonight": true, "on": true, "late": true,
	"early": true, "last": true, "this": true, "week": true}

// surnameYears is how far from a known person's offices a bare surname
// can still mean them.
const surnameYears = 6

// speechVerbs introduce a reported clause whose "it" is the speaker.
var speechVerbs = map[string]bool{"said": true, "says": true, "announced": true, "added": true, "stated": true,
	"warned": true, "confirmed": true, "denied": true, "claimed": true, "insisted": true, "reported": true}

// homeOfficials gives the officials whom the text names with a title but no
// country ("Defence Minister Andres Cevallos" in a story from Guayaquil)
// the country of the story.
func (r *resolver) homeOfficials() {
	cc := r.subjectCountry()
	if cc == "" {
		return
	}
	for i := range r.res.Actors {
		a := &r.res.Actors[i]
		if a.Kind != khaldun.KindPerson || a.Country != "" {
			continue
		}
		switch a.Sector {
		case "GOV", "MIL", "COP", "JUD", "LEG":
			a.Country, a.Code = cc, cc+a.Sector
			a.Evidence = "official in a story about " + cc
		}
	}
}

// inLongerName reports whether the capitalised words right before or after
// m, not themselves a mention, make it part of a longer name.
func (r *resolver) inLongerName(m *mention.Mention) bool {
	sen := r.d.Sentences[r.d.SentenceOf(m.First)]
	if p := m.First - 1; p >= sen.First && !m.Initial {
		if t := r.d.Tokens[p]; t.Cap && t.Tag == text.Proper && r.at[p] < 0 && !mention.Calendar(t.Lower) {
			return true
		}
	}
	if n := m.End; n < sen.End {
		if t := r.d.Tokens[n]; t.Cap && t.Tag == text.Proper && r.at[n] < 0 && !mention.Calendar(t.Lower) {
			return true
		}
	}
	return false
}

// hasSeat reports whether the candidates hold the city that a region of
// the same name is named after: its seat, or a city inside it.
func hasSeat(es []kb.Entry, region kb.Entry) bool {
	for _, e := range es {
		if e.Kind == kb.KindPlace && e.Feature != kb.FeatureAdmin1 && e.Country == region.Country &&
			kb.Normalize(e.Admin1) == kb.Normalize(region.Name) {
			return true
		}
	}
	return false
}

// regionWord reports whether a word for a region follows the name:
// "Aleppo province", "Idlib governorate".
func (r *resolver) regionWord(m *mention.Mention) bool {
	if m.End >= len(r.d.Tokens) {
		return false
	}
	switch r.d.Tokens[m.End].Lower {
	case "province", "governorate", "state", "region", "oblast", "district", "county", "prefecture", "department":
		return true
	}
	return false
}

// namesCity reports whether a word of the name after its first is a
// country, a capital or a city of 100,000 people or more.
func (r *resolver) namesCity(m *mention.Mention) bool {
	for t := m.First + 1; t < m.End; t++ {
		for _, e := range r.k.Lookup(kb.Normalize(r.d.Tokens[t].Text)) {
			if e.Kind == kb.KindCountry || e.Kind == kb.KindPlace && (e.Feature == kb.FeatureCapital || e.Population >= 100000) {
				return true
			}
		}
	}
	return false
}

// home reports whether a place in country cc fits the article: the article
// names the country, or another place named without ambiguity lies in it,
// or no such place says otherwise.
func (r *resolver) home(cc string, mi int) bool {
	if r.docCC[cc] > 0 {
		return true
	}
	others := false
	for _, a := range r.anchors {
		if a.mention == mi || r.ms[a.mention].Key == r.ms[mi].Key {
			continue
		}
		if a.e.Country == cc {
			return true
		}
		others = true
	}
	return !others
}

// actsLikeAnActor reports whether the words after m make it an agent: a
// finite verb or a possessive right after it, with no preposition of
// place before it.
func (r *resolver) actsLikeAnActor(m *mention.Mention) bool {
	if r.locative(m.First) || m.End >= len(r.d.Tokens) {
		return false
	}
	next := r.d.Tokens[m.End]
	return next.Tag == text.Poss || next.Tag == text.Verb || next.Tag == text.Past && next.Lower != "based"
}

// facilityAfter reports whether the capitalised words right after m end in
// a word for a facility or a feature: "Cricket Ground", "Golf Club".
func (r *resolver) facilityAfter(m *mention.Mention) bool {
	sen := r.d.Sentences[r.d.SentenceOf(m.First)]
	for n := m.End; n < sen.End && n < m.End+4; n++ {
		t := r.d.Tokens[n]
		if !t.Cap || t.Tag == text.Punct {
			return false
		}
		if facilities[t.Lower] {
			return true
		}
	}
	return false
}

// facilities are the head words of names given after a town to something
// that is not the town.
var facilities = map[string]bool{
	"ground": true, "oval": true, "stadium": true, "arena": true, "club": true, "park": true, "mountain": true,
	"resort": true, "airport": true, "university": true, "college": true, "hospital": true, "center": true,
	"centre": true, "hall": true, "hotel": true, "street": true, "avenue": true, "road": true, "square": true,
	"bridge": true, "station": true, "port": true, "harbour": true, "harbor": true, "school": true,
	"cathedral": true, "church": true, "mosque": true, "palace": true, "castle": true, "prison": true,
	"base": true, "dam": true, "market": true, "mall": true, "theatre": true, "theater": true, "museum": true,
	"library": true, "zoo": true, "racecourse": true, "speedway": true, "circuit": true, "course": true,
}

// subjectCountry is the country a story is about: the one it names most
// when that one is named more than the dateline's, else the dateline's. A
// Tehran report on the Syrian crisis speaks of Syria's government.
func (r *resolver) subjectCountry() string {
	best, n := r.homeCC, r.docCC[r.homeCC]
	for cc, c := range r.docCC {
		// a tie goes to the country named first
		if c > n || c == n && best != r.homeCC && (best == "" || r.firstCC[cc] < r.firstCC[best]) {
			best, n = cc, c
		}
	}
	return best
}

// possessor returns the token of the possessive before a body, over the
// adjectives between: "their" in "their legitimate government".
func possessor(d *text.Doc, first int) int {
	p := first - 1
	for p > 0 && d.Tokens[p].Tag == text.Adj {
		p--
	}
	if p < 0 {
		return first
	}
	return p
}

// acts reports whether a finite verb or a possessive follows m.
func (r *resolver) acts(m *mention.Mention) bool {
	if m.End >= len(r.d.Tokens) {
		return false
	}
	t := r.d.Tokens[m.End]
	return t.Tag == text.Verb || t.Tag == text.Past || t.Tag == text.Modal || t.Tag == text.Poss
}
