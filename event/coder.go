package event

import (
	"strconv"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/actor"
	"github.com/khaldun/khaldun/mention"
	"github.com/khaldun/khaldun/text"
)

// Input is what the event coder reads: the annotated text, the resolved
// mentions, and the dates found in it.
type Input struct {
	Doc       *text.Doc
	Actors    actor.Result
	Dates     []khaldun.Date
	Published string // YYYY-MM-DD; the date of events whose sentence names none
}

// Find finds the events of one article: for every lexicon predicate in a
// sentence, outside quotations, it finds the subject and object actors
// (through coordination, apposition, passive voice and relative clauses),
// the place and date, and the mode (forecast, intention, condition) and
// negation around it.
func Find(in Input, lex *Lexicon) []khaldun.Event {
	c := &coder{in: in, d: in.Doc, lex: lex}
	c.index()
	var out []khaldun.Event
	seen := map[string]bool{}
	for si := range c.d.Sentences {
		tolled := false
		for _, e := range c.sentence(si) {
			key := e.CAMEO[:2] + "|" + e.Source + "|" + e.Target + "|" + e.Date
			if seen[key] {
				continue
			}
			seen[key] = true
			if !tolled && violent(e.CAMEO) {
				// the sentence's toll goes to its first violent event, so
				// that summing events does not count the dead twice
				e.Killed, e.Wounded = Tolls(e.Sentence.In(c.d.Text))
				tolled = e.Killed > 0 || e.Wounded > 0
			}
			e.ID = "e" + strconv.Itoa(len(out)+1)
			out = append(out, e)
		}
	}
	return out
}

type coder struct {
	in      Input
	lower   map[int][]string // lower-case words of a sentence, by index, made once
	d       *text.Doc
	lex     *Lexicon
	refAt   []int // token -> index into in.Actors.Refs, -1
	inQuote []bool
}

func (c *coder) index() {
	n := len(c.d.Tokens)
	c.refAt = make([]int, n)
	for i := range c.refAt {
		c.refAt[i] = -1
	}
	for i, r := range c.in.Actors.Refs {
		for t := r.First; t < r.End && t < n; t++ {
			c.refAt[t] = i
		}
	}
	c.inQuote = make([]bool, n)
	open := false
	for i, t := range c.d.Tokens {
		switch t.Text {
		case "“", "«":
			open = true
		case "”", "»":
			open = false
			c.inQuote[i] = true
			continue
		case `"`:
			open = !open
			c.inQuote[i] = true
			continue
		}
		c.inQuote[i] = open
	}
}

type party struct {
	actors []string
}

func (c *coder) sentence(si int) []khaldun.Event {
	s := c.d.Sentences[si]
	words := c.words(si)
	var out []khaldun.Event
	for i := 0; i < len(words); i++ {
		t := s.First + i
		if c.inQuote[t] || c.refAt[t] >= 0 {
			continue
		}
		e, n, ok := c.lex.Match(words, i)
		if !ok {
			continue
		}
		tok := c.d.Tokens[t]
		if e.Noun {
			out = append(out, c.nominal(si, t, n, e)...)
			i += n - 1
			continue
		}
		v := t // the pattern's verb
		if tok.Tag == text.Adv && n > 1 {
			v, tok = t+1, c.d.Tokens[t+1] // "sexually abused"
		}
		if !c.verbal(v, s.First) {
			continue
		}
		info, ok := Lookup(e.Code)
		if !ok || info.Type == "" {
			continue // a statement ("warned", "said") codes nothing
		}
		if tok.Tag == text.Past && t+n < s.End && c.d.Tokens[t+n].Tag == text.Noun && n == 1 && !c.beBefore(t, s.First) &&
			(t == s.First || isNPStart(c.d.Tokens[t-1].Tag)) {
			// a participle used as an adjective: "armed wing", "shelled areas"
			continue
		}
		passive := tok.Tag == text.Past && !statives[tok.Lower] && (c.beBefore(t, s.First) || c.reducedRelative(t, t+n, s.First, s.End))
		subj := c.subject(t, s.First)
		obj := c.object(t+1, s.End, passive)
		src, tgt := subj, obj
		if passive {
			src, tgt = c.agent(t+1, s.End), subj
		}
		if e.Reverse {
			src, tgt = tgt, src
		}
		if e.Symmetric && len(tgt) == 0 && len(src) >= 2 {
			src, tgt = src[:1], src[1:]
		}
		place := c.place(t, s.First, s.End)
		if len(tgt) == 0 && (Root(info.Code) == "07" || info.Subtype == "curfew" || info.Subtype == "martial-law") {
			// "sent aid to villages in Herat province", "lifted a curfew in
			// Montenegro": aid goes to, and a curfew binds, the country of
			// the place
			if a := c.placeCountry(place); a != "" {
				tgt = []string{a}
			}
		}
		unknownSource := false
		if len(src) == 0 && info.Quad == 4 && (len(tgt) > 0 || place != "") {
			// violence whose perpetrator is not named ("three soldiers were
			// killed near Mosul") is still an event, by an unknown actor
			src, unknownSource = []string{""}, true
		}
		if len(src) == 0 || len(tgt) == 0 && needsTarget(info.Code) {
			continue
		}
		mode, negated := c.modality(t, s.First, s.End)
		if info.Mode != "" && mode == "" {
			mode = info.Mode
		}
		date, dateText := c.eventDate(s.Span, tok.Span, mode)
		conf := 0.8
		if len(tgt) == 0 {
			conf -= 0.2
		}
		if dateText == "" {
			conf -= 0.1
		}
		if passive {
			conf -= 0.1
		}
		if unknownSource {
			conf -= 0.2
		}
		trigger := khaldun.Span{Start: c.d.Tokens[t].Span.Start, End: c.d.Tokens[t+n-1].Span.End}
		targets := tgt
		if len(targets) == 0 {
			targets = []string{""}
		}
		for _, a := range src {
			for _, b := range targets {
				if a == b && a != "" {
					continue
				}
				out = append(out, khaldun.Event{
					Type: string(info.Type), PLOVERMode: info.Subtype, CAMEO: string(info.Code), Goldstein: info.Goldstein, Quad: info.Quad,
					Source: a, Target: b, Place: place, Date: date, DateText: dateText,
					Negated: negated, Mode: mode, Sentence: s.Span, Trigger: trigger,
					Confidence: conf, Rule: e.Rule,
				})
			}
		}
		i += n - 1
	}
	return out
}

// verbal reports whether the trigger at t is used as a verb: a finite
// form, an infinitive, or a participle after an auxiliary. Bare gerunds
// ("in breaking the siege") are nominal and describe an event told
// elsewhere.
func (c *coder) verbal(t, first int) bool {
	tok := c.d.Tokens[t]
	switch tok.Tag {
	case text.Verb, text.Past:
		return true
	case text.Gerund:
		// "were fighting", "began withdrawing"
		return c.beBefore(t, first) || t > first && aspectVerbs[c.d.Tokens[t-1].Lower]
	case text.Noun:
		// the tagger's noun may be a verb after "to", a modal, or an
		// actor that opens its clause ("Fornost and Gondor welcome ..."),
		// but not inside a noun phrase ("a police barricade")
		if t > first {
			p := c.d.Tokens[t-1]
			if p.Tag == text.To || p.Tag == text.Modal {
				return true
			}
			if c.refAt[t-1] >= 0 {
				r := c.in.Actors.Refs[c.refAt[t-1]]
				if r.Kind == mention.Pronoun {
					return true
				}
				b := r.First - 1
				return b < first || !(c.d.Tokens[b].Tag == text.Det || c.d.Tokens[b].Tag == text.Adj || c.d.Tokens[b].Tag == text.Poss || c.d.Tokens[b].Tag == text.Prep)
			}
		}
	}
	return false
}

// statives are participles that after "be" describe a state, not a
// passive: "Serb forces were engaged in ethnic cleansing".
var statives = map[string]bool{"engaged": true, "involved": true, "embroiled": true, "locked": true}

var beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "am": true, "'s": true}

func (c *coder) beBefore(t, first int) bool {
	for k := t - 1; k >= first && k >= t-3; k-- {
		w := c.d.Tokens[k]
		if beForms[w.Lower] {
			return true
		}
		if w.Tag != text.Adv && w.Tag != text.Neg {
			return false
		}
	}
	return false
}

// actorAt returns the actor a ref at token t stands for: its own actor, or
// the country of a capital used for its government.
func (c *coder) actorAt(t int) (actor.Ref, string) {
	r := c.in.Actors.Refs[c.refAt[t]]
	if r.Actor != "" {
		return r, r.Actor
	}
	if r.Place != "" {
		if a, ok := c.in.Actors.CountryActor[r.Place]; ok {
			return r, a
		}
	}
	return r, ""
}

var locativePreps = map[string]bool{"in": true, "at": true, "near": true, "during": true, "after": true, "before": true,
	"since": true, "through": true, "into": true, "across": true, "inside": true, "outside": true, "throughout": true,
	"of": true, "by": true, "among": true, "amid": true, "under": true, "over": true, "until": true, "from": true,
	"for": true, "about": true, "than": true, "like": true, "between": true, "on": true, "without": true}

// inPP reports whether the ref starting at token f is the object of a
// preposition (skipping determiners and adjectives before it).
func (c *coder) inPP(f, first int, allowed map[string]bool) bool {
	for k := f - 1; k >= first; k-- {
		w := c.d.Tokens[k]
		if compass[w.Lower] {
			continue
		}
		if w.Lower == "by" && k > first && c.eventNoun(k-1) {
			// "condemned an attack by X": the attacker is who is condemned
			return false
		}
		switch w.Tag {
		case text.Det, text.Adj, text.Num:
			continue
		case text.Prep:
			if k+1 < len(c.d.Tokens) && c.d.Tokens[k+1].Tag == text.Num && approximators[w.Lower] {
				// "over 100 persons", "about 50 soldiers": a quantity
				continue
			}
			// "as" also opens a clause: "came as the army broke the siege"
			return !allowed[w.Lower] && w.Lower != "as"
		}
		return false
	}
	return false
}

// approximators are prepositions that qualify a number: "over 100 persons".
var approximators = map[string]bool{"over": true, "about": true, "around": true, "under": true, "nearly": true,
	"some": true, "approximately": true, "roughly": true, "almost": true, "up": true}

// catenatives are verbs that take another verb as complement, so that the
// subject of the first is the subject of the second ("succeeded to break",
// "went on to say").
func catenative(c *coder, k int) bool {
	if aspectVerbs[c.d.Tokens[k].Lower] {
		return true
	}
	return k+1 < len(c.d.Tokens) && (c.d.Tokens[k+1].Tag == text.To || c.d.Tokens[k+1].Lower == "on")
}

// aspectVerbs take a gerund whose subject is theirs: "began withdrawing".
var aspectVerbs = map[string]bool{"began": true, "begin": true, "begins": true, "started": true, "start": true,
	"starts": true, "continued": true, "continue": true, "continues": true, "resumed": true, "resume": true,
	"resumes": true, "kept": true, "keep": true, "keeps": true, "stopped": true, "stop": true, "stops": true,
	"finished": true, "ceased": true}

// subject finds the actors left of the trigger in its clause.
func (c *coder) subject(t, first int) []string {
	if k := c.joinedVerb(t, first); k >= 0 {
		// "WHO warned ... and appealed", "militants who killed two
		// hostages and are threatening": a verb joined by "and" to the one
		// before shares its subject, unless that one is passive ("was
		// arrested and charged")
		if c.d.Tokens[k].Tag == text.Past && c.beBefore(k, first) {
			return nil
		}
		return c.subject(k, first)
	}
	ofActor := "" // the actor of an "of" phrase after the subject's head noun
	for k := t - 1; k >= first; k-- {
		tok := c.d.Tokens[k]
		if c.refAt[k] >= 0 {
			r, a := c.actorAt(k)
			if a == "" || c.possessive(r.End) || c.inPP(r.First, first, nil) {
				if a != "" && r.First > first && c.d.Tokens[r.First-1].Lower == "of" && ofActor == "" {
					// "thousands of people", "a group of soldiers"
					ofActor = a
				}
				k = r.First
				continue
			}
			return c.coordinated(r, a, first)
		}
		if tok.Tag == text.Noun || tok.Tag == text.Num || tok.Tag == text.Proper {
			// a noun phrase: in a prepositional phrase it is skipped ("after
			// three years"); otherwise it is the subject, and an actor only
			// through its modifiers ("Syrian regime strikes")
			np := c.npStart(k, first)
			if np > first && c.d.Tokens[np-1].Tag == text.Prep && c.d.Tokens[np-1].Lower != "as" {
				if c.d.Tokens[np-1].Lower == "of" {
					// "Fighters of the M23 rebel group": the group acts
					for j := k; j >= np; j-- {
						if c.refAt[j] >= 0 {
							if r, a := c.actorAt(j); a != "" && !c.possessive(r.End) {
								ofActor = a
							}
						}
					}
				}
				k = np - 1
				continue
			}
			if np > first && c.d.Tokens[np-1].Tag == text.Poss {
				k = np
				continue
			}
			if np > first+1 && c.d.Tokens[np-1].Tag == text.Gerund && c.refAt[np-2] >= 0 {
				// the object of a participle after the subject: "British
				// aircraft using precision guided missiles killed"
				k = np - 1
				continue
			}
			for j := k; j >= np; j-- {
				if c.refAt[j] >= 0 {
					if r, a := c.actorAt(j); a != "" && !c.possessive(r.End) {
						return []string{a}
					}
				}
			}
			if ofActor != "" && memberNouns[c.d.Tokens[k].Lower] {
				return []string{ofActor}
			}
			return nil
		}
		switch {
		case tok.Text == ",":
			// skip an apposition after a name: "X, the envoy of Y, met"
			if j := c.prevComma(k, first); j > first && c.refAt[j-1] >= 0 {
				k = j
				continue
			}
		case tok.Text == ";" || tok.Text == ":" || tok.Text == "“" || tok.Text == "”" || tok.Text == `"`:
			return nil
		case tok.Lower == "which" || tok.Lower == "who" || tok.Lower == "that" && k > first && c.refAt[k-1] >= 0:
			// a relative clause: its subject is the antecedent
			j := k - 1
			if j >= first && c.d.Tokens[j].Text == "," {
				j--
			}
			if j >= first && c.refAt[j] >= 0 {
				// "talks on Syria which were brokered": Syria is not the antecedent
				if r, a := c.actorAt(j); a != "" && !c.inPP(r.First, first, nil) {
					return []string{a}
				}
			}
			return nil
		case tok.Tag == text.Sub:
			return nil
		case tok.Tag.IsVerb() && !beForms[tok.Lower] && !auxiliary[tok.Lower]:
			if catenative(c, k) {
				// "threatening to execute": the subject of "threatening"
				return c.subject(k, first)
			}
			return nil
		}
	}
	return nil
}

// joinedVerb returns the verb that the verb at t is joined to by "and",
// "or" or "but" ("killed two hostages and are threatening"), or -1.
func (c *coder) joinedVerb(t, first int) int {
	k := t - 1
	for k >= first && (beForms[c.d.Tokens[k].Lower] || auxiliary[c.d.Tokens[k].Lower] || c.d.Tokens[k].Tag == text.Adv ||
		c.d.Tokens[k].Tag == text.Modal || c.d.Tokens[k].Tag == text.Neg) {
		k--
	}
	if k <= first || !conjunctions[c.d.Tokens[k].Lower] {
		return -1
	}
	for j := k - 1; j >= first && j >= k-15; j-- {
		tok := c.d.Tokens[j]
		if tok.Text == ";" || tok.Text == ":" {
			return -1
		}
		if c.refAt[j] < 0 && tok.Tag.IsVerb() && !beForms[tok.Lower] && !auxiliary[tok.Lower] {
			return j
		}
	}
	return -1
}

var conjunctions = map[string]bool{"and": true, "or": true, "but": true}

var auxiliary = map[string]bool{"has": true, "have": true, "had": true, "do": true, "does": true, "did": true, "having": true}

func (c *coder) possessive(end int) bool {
	return end < len(c.d.Tokens) && c.d.Tokens[end].Tag == text.Poss && (c.d.Tokens[end].Lower == "'s" || c.d.Tokens[end].Lower == "’s" || c.d.Tokens[end].Lower == "'")
}

func (c *coder) prevComma(k, first int) int {
	for j := k - 1; j >= first && j >= k-15; j-- {
		if c.d.Tokens[j].Text == "," {
			return j
		}
		if c.d.Tokens[j].Tag.IsVerb() && c.d.Tokens[j].Tag != text.Past {
			return -1
		}
	}
	return -1
}

// coordinated collects the actors joined to r by "and" or commas, to the
// left: "Iran, Russia and Syria".
func (c *coder) coordinated(r actor.Ref, a string, first int) []string {
	out := []string{a}
	k := c.skipModifiers(r.First-1, first)
	for k > first {
		w := c.d.Tokens[k]
		if w.Lower != "and" && w.Text != "," {
			break
		}
		j := k - 1
		// skip an apposition: "X, the envoy of Y, and Z"
		if c.refAt[j] < 0 {
			if pc := c.prevComma(k, first); pc > first && c.refAt[pc-1] >= 0 && w.Text == "," {
				j = pc - 1
			} else {
				break
			}
		}
		r2, a2 := c.actorAt(j)
		if a2 == "" || c.possessive(r2.End) {
			break
		}
		out = append([]string{a2}, out...)
		k = c.skipModifiers(r2.First-1, first)
	}
	return dedupe(out)
}

// skipModifiers moves left from token k over the words that describe a
// name and are not actors themselves: "his Kazakh counterpart", "Top
// Iranian security official".
func (c *coder) skipModifiers(k, first int) int {
	for k > first {
		w := c.d.Tokens[k]
		if c.refAt[k] >= 0 && c.in.Actors.Refs[c.refAt[k]].Kind != mention.Nationality && w.Tag != text.Poss {
			return k
		}
		if w.Tag == text.Punct || w.Tag == text.Conj || w.Tag.IsVerb() || w.Tag == text.Prep {
			return k
		}
		k--
	}
	return k
}

// object finds the actors right of the trigger in its clause.
func (c *coder) object(t, end int, passive bool) []string {
	for k := t; k < end && k < t+10; k++ {
		tok := c.d.Tokens[k]
		if c.refAt[k] >= 0 {
			r, a := c.actorAt(k)
			if passive && k > 0 && c.d.Tokens[k-1].Lower == "by" {
				return nil
			}
			if a == "" || c.inPP(r.First, t, objectPreps) {
				k = r.End - 1
				continue
			}
			if c.possessive(r.End) {
				// "Iran's allies": the possessor is not the object unless
				// nothing else is
				k = r.End
				continue
			}
			r, a = c.named(r, a, end)
			return c.following(r, a, end)
		}
		if tok.Tag == text.Punct || tok.Tag == text.Sub || tok.Tag.IsVerb() && !beForms[tok.Lower] {
			return nil
		}
	}
	return nil
}

// following collects actors joined to r by "and" or commas, to the right.
func (c *coder) following(r actor.Ref, a string, end int) []string {
	out := []string{a}
	k := r.End
	for k+1 < end {
		w := c.d.Tokens[k]
		if w.Lower != "and" && w.Text != "," {
			break
		}
		j := k + 1
		if j < end && c.d.Tokens[j].Lower == "and" {
			j++
		}
		if j >= end || c.refAt[j] < 0 {
			break
		}
		r2, a2 := c.actorAt(j)
		if a2 == "" {
			break
		}
		out = append(out, a2)
		k = r2.End
	}
	return dedupe(out)
}

// agent finds the "by" phrase of a passive.
func (c *coder) agent(t, end int) []string {
	for k := t; k < end && k < t+12; k++ {
		tok := c.d.Tokens[k]
		if tok.Lower == "by" && k+1 < end {
			for j := k + 1; j < end && j < k+4; j++ {
				if c.refAt[j] >= 0 {
					r, a := c.actorAt(j)
					if a != "" {
						return c.following(r, a, end)
					}
				}
			}
			return nil
		}
		// "killed in police firing": the agent of the act that did it
		if (tok.Lower == "in" || tok.Lower == "during") && k+2 < end && c.refAt[k+1] >= 0 {
			r, a := c.actorAt(k + 1)
			if a != "" && r.End < end && c.eventNoun(r.End) {
				return []string{a}
			}
		}
		if tok.Text == "." || tok.Text == ";" {
			return nil
		}
	}
	return nil
}

func dedupe(xs []string) []string {
	out := xs[:0]
	seen := map[string]bool{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// intention words put the verb after them ("plans to attack") in the
// intention mode.
var intention = map[string]bool{"plan": true, "plans": true, "planned": true, "planning": true, "intend": true, "intends": true,
	"intended": true, "aim": true, "aims": true, "aimed": true, "seek": true, "seeks": true, "sought": true, "want": true,
	"wants": true, "wanted": true, "vow": true, "vows": true, "vowed": true, "pledge": true, "pledges": true,
	"pledged": true, "promise": true, "promises": true, "promised": true, "hope": true, "hopes": true, "hoped": true,
	"prepare": true, "prepares": true, "preparing": true, "prepared": true, "expect": true, "expects": true,
	"expected": true, "threaten": true, "threatens": true, "threatened": true, "offer": true, "offered": true,
	"offers": true, "agreed": true, "agree": true, "agrees": true, "decided": true, "would": false}

var negators = map[string]bool{"not": true, "n't": true, "never": true, "no": true, "denied": true, "denies": true,
	"deny": true, "refused": true, "refuses": true, "refuse": true, "failed": true, "fails": true, "rejected": true}

var forecastCues = map[string]bool{"predicted": true, "predicts": true, "forecast": true, "forecasts": true, "warned": true}

// modality reads the clause around the trigger for modals, intentions,
// conditions and negation.
func (c *coder) modality(t, first, end int) (mode string, negated bool) {
	for k := t - 1; k >= first && k >= t-8; k-- {
		w := c.d.Tokens[k]
		lw := w.Lower
		switch {
		case negators[lw]:
			negated = true
		case lw == "will" || lw == "shall" || lw == "'ll" || lw == "’ll" || lw == "going":
			if mode == "" {
				mode = khaldun.ModeForecast
			}
		case lw == "would" || lw == "could" || lw == "might" || lw == "may" || lw == "should":
			if mode == "" {
				mode = khaldun.ModeConditional
			}
		case intention[lw] && k+1 < len(c.d.Tokens) && c.d.Tokens[k+1].Tag == text.To:
			if mode == "" || mode == khaldun.ModeForecast {
				mode = khaldun.ModeIntention
			}
		case lw == "if" || lw == "unless":
			mode = khaldun.ModeConditional
		case lw == "urged" || lw == "urge" || lw == "asked" || lw == "called" || lw == "demanded":
			if mode == "" {
				mode = khaldun.ModeRequest
			}
		case w.Text == ";" || lw == "but":
			k = first
		}
	}
	for k := t + 1; k < end; k++ {
		if forecastCues[c.d.Tokens[k].Lower] && mode == "" {
			mode = khaldun.ModeForecast
		}
	}
	if t+1 < end && c.d.Tokens[t+1].Text == "?" {
		mode = khaldun.ModeQuestion
	}
	return mode, negated
}

// place returns the place named nearest the trigger in its sentence,
// preferring places after it ("met in Tehran").
func (c *coder) place(t, first, end int) string {
	best, dist := "", 1<<30
	for k := first; k < end; k++ {
		if c.refAt[k] < 0 {
			continue
		}
		r := c.in.Actors.Refs[c.refAt[k]]
		if r.Place == "" || r.Actor != "" && !c.locative(r.First, first) {
			k = r.End - 1
			continue
		}
		if _, agent := c.in.Actors.CountryActor[r.Place]; agent && !c.locative(r.First, first) {
			k = r.End - 1
			continue
		}
		d := k - t
		if d < 0 {
			d = -d * 2
		}
		if d < dist {
			best, dist = r.Place, d
		}
		k = r.End - 1
	}
	return best
}

func (c *coder) locative(f, first int) bool {
	for k := f - 1; k >= first && k >= f-4; k-- {
		w := c.d.Tokens[k]
		switch w.Lower {
		case "in", "at", "near", "on", "outside", "inside", "across", "around", "of", "into", "from", "to":
			return true
		}
		if w.Tag != text.Det && w.Tag != text.Adj && w.Tag != text.Noun {
			return false
		}
	}
	return false
}

// date returns the date expression of the sentence nearest the trigger,
// or the publication date.
// eventDate is date, except that a real event (no mode) cannot have
// happened after the article was published: such a date belongs to
// something else in the sentence, and the publication date stands in.
func (c *coder) eventDate(sent, trig khaldun.Span, mode string) (value, text string) {
	value, text = c.date(sent, trig)
	if mode == "" && c.in.Published != "" && text != "" && value > c.in.Published && !strings.HasPrefix(c.in.Published, value) {
		return c.in.Published, ""
	}
	return value, text
}

func (c *coder) date(sent, trig khaldun.Span) (value, text string) {
	best, dist := -1, 1<<30
	for i, d := range c.in.Dates {
		if d.Start < sent.Start || d.End > sent.End || !calendarDate(d.Value) {
			continue
		}
		dd := d.Start - trig.End
		if dd < 0 {
			dd = trig.Start - d.End
		}
		if dd < dist {
			best, dist = i, dd
		}
	}
	if best >= 0 {
		return c.in.Dates[best].Value, c.in.Dates[best].Text
	}
	return c.in.Published, ""
}

// calendarDate reports whether v is a date an event can carry: YYYY,
// YYYY-MM or YYYY-MM-DD.
func calendarDate(v string) bool {
	if len(v) != 4 && len(v) != 7 && len(v) != 10 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if (i == 4 || i == 7) && c == '-' {
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// reducedRelative reports whether a participle with no auxiliary is a
// passive modifying the noun before it: "forces supported by the
// military", "troops taken hostage at an airbase", "soldiers captured
// while fleeing". An active past tense has an object after it instead.
func (c *coder) reducedRelative(t, end, first, last int) bool {
	if end >= last || t == first {
		return false
	}
	next := c.d.Tokens[end]
	if next.Lower == "by" {
		return true
	}
	if end > t+1 {
		// the pattern took an object: "imposed new sanctions on Iran"
		return false
	}
	prev := c.d.Tokens[t-1]
	nominal := c.refAt[t-1] >= 0 || prev.Tag == text.Noun || prev.Tag == text.Proper
	return nominal && (next.Tag == text.Prep || next.Tag == text.Sub || next.Lower == "while" || next.Tag == text.Punct)
}

// npStart returns the first token of the noun phrase ending at token k.
func (c *coder) npStart(k, first int) int {
	j := k
	for j > first {
		p := c.d.Tokens[j-1]
		if p.Tag == text.Det && c.refAt[j-1] < 0 {
			// a determiner opens its noun phrase: "... state TV A bomb
			// blast killed" in a headline run into its story
			return j - 1
		}
		if c.refAt[j-1] >= 0 || p.Tag == text.Adj || p.Tag == text.Noun || p.Tag == text.Num || p.Tag == text.Proper {
			j--
			continue
		}
		if p.Tag == text.Past && j-2 >= first && c.d.Tokens[j-2].Tag == text.Noun && c.refAt[j-2] < 0 {
			// a compound modifier: "precision guided missiles"
			j--
			continue
		}
		break
	}
	return j
}

// isNPStart reports whether a word of this tag can come right before an
// adjective inside a noun phrase.
func isNPStart(t text.Tag) bool {
	return t == text.Det || t == text.Adj || t == text.Poss || t == text.Prep || t == text.Num || t == text.Punct
}

// named moves from a ref that describes a name to the name itself: from
// "Ugandan" in "Ugandan President Yoweri Museveni" to Museveni.
func (c *coder) named(r actor.Ref, a string, end int) (actor.Ref, string) {
	if r.Kind != mention.Nationality && r.Kind != mention.Country {
		return r, a
	}
	for k := r.End; k < end && k < r.End+6; k++ {
		if c.refAt[k] >= 0 {
			r2, a2 := c.actorAt(k)
			if a2 != "" && r2.Person {
				return r2, a2
			}
			return r, a
		}
		w := c.d.Tokens[k]
		if w.Tag != text.Noun && w.Tag != text.Proper && w.Tag != text.Adj {
			return r, a
		}
	}
	return r, a
}

// nominal codes a noun trigger whose agent is named right before it: "police
// firing", "Israeli air strikes on Gaza", "the army's shelling of Homs". A
// noun with no agent before it ("the attack on the convoy") is not coded:
// the sentence's verb usually carries that event.
func (c *coder) nominal(si, t, n int, e Entry) []khaldun.Event {
	s := c.d.Sentences[si]
	if c.inQuote[t] {
		return nil
	}
	k := t - 1
	for k >= s.First && c.refAt[k] < 0 && (c.d.Tokens[k].Tag == text.Adj || c.d.Tokens[k].Tag == text.Noun || c.d.Tokens[k].Tag == text.Poss) && k >= t-3 {
		k--
	}
	info, ok := Lookup(e.Code)
	if !ok || info.Type == "" {
		return nil
	}
	a := ""
	if k >= s.First && c.refAt[k] >= 0 {
		var r actor.Ref
		r, a = c.actorAt(k)
		if c.inPP(r.First, s.First, agentPreps) {
			a = ""
		}
	}
	if a == "" && (info.Quad != 4 || c.place(t, s.First, s.End) == "") {
		// a nominal event with no agent is coded only for violence at a
		// named place ("a grenade attack in Kabul"), by an unknown actor
		return nil
	}
	tgt := c.object(t+n, s.End, false)
	trigger := khaldun.Span{Start: c.d.Tokens[t].Span.Start, End: c.d.Tokens[t+n-1].Span.End}
	mode, negated := c.modality(t, s.First, s.End)
	date, dateText := c.eventDate(s.Span, trigger, mode)
	conf := 0.6
	if len(tgt) == 0 {
		tgt = []string{""}
		conf -= 0.2
	}
	var out []khaldun.Event
	for _, b := range tgt {
		if b == a {
			continue
		}
		out = append(out, khaldun.Event{
			Type: string(info.Type), PLOVERMode: info.Subtype, CAMEO: string(info.Code), Goldstein: info.Goldstein, Quad: info.Quad,
			Source: a, Target: b, Place: c.place(t, s.First, s.End), Date: date, DateText: dateText,
			Negated: negated, Mode: mode, Sentence: s.Span, Trigger: trigger, Confidence: conf, Rule: e.Rule,
		})
	}
	return out
}

// needsTarget reports whether an event of this code means nothing without
// the actor it is done to or with: one meets, hosts, praises, aids or
// releases someone ("received strong criticism", "helped boost exports"
// and "released a poll" are not visits, aid or releases).
func needsTarget(code Code) bool {
	switch Root(code) {
	case "04", "05", "06", "07":
		return true
	}
	return code == "0841" || code == "043" || code == "042"
}

// compass words qualify a place inside a phrase: "in south Ithilen".
var compass = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "central": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true}

// eventNoun reports whether token k is a noun the lexicon codes as an
// event: "attack", "shelling", "arrest".
func (c *coder) eventNoun(k int) bool {
	if tg := c.d.Tokens[k].Tag; tg != text.Noun && tg != text.Gerund {
		return false
	}
	si := c.d.SentenceOf(k)
	_, _, ok := c.lex.Match(c.words(si), k-c.d.Sentences[si].First)
	return ok
}

// memberNouns head a noun phrase whose "of" phrase names who acts:
// "fighters of the M23", "members of the opposition".
var memberNouns = map[string]bool{"fighters": true, "members": true, "troops": true, "soldiers": true,
	"units": true, "forces": true, "supporters": true, "militants": true, "gunmen": true, "officials": true,
	"leaders": true, "representatives": true, "delegation": true, "delegates": true, "envoys": true,
	"militiamen": true, "rebels": true, "commanders": true, "agents": true, "activists": true,
	// quantities and gatherings: "hundreds of thousands of people blocked"
	"hundreds": true, "thousands": true, "dozens": true, "scores": true, "millions": true, "tens": true,
	"crowd": true, "crowds": true, "group": true, "groups": true, "band": true, "number": true}

// placeCountry returns the actor of the country a place lies in, when the
// article names that country.
func (c *coder) placeCountry(place string) string {
	if place == "" {
		return ""
	}
	for _, p := range c.in.Actors.Places {
		if p.ID == place {
			return c.in.Actors.ByCountry[p.Country]
		}
	}
	return ""
}

// words returns the lower-case words of sentence si, as the lexicon
// matches them.
func (c *coder) words(si int) []string {
	if w, ok := c.lower[si]; ok {
		return w
	}
	if c.lower == nil {
		c.lower = map[int][]string{}
	}
	s := c.d.Sentences[si]
	w := c.d.Words(s.First, s.End)
	c.lower[si] = w
	return w
}

// objectPreps introduce the party an act is done to: "met with X",
// "an attack on X". agentPreps introduce the agent of a noun: "firing by
// police", "in police firing".
var (
	objectPreps = map[string]bool{"with": true, "to": true, "against": true, "on": true, "for": true, "of": true,
		"from": true, "toward": true, "towards": true, "upon": true}
	agentPreps = map[string]bool{"in": true, "by": true}
)
