package quote

import (
	"sort"
	"strings"

	"github.com/khaldun/khaldun"
)

// notClause holds words that cannot open a reported clause after a verb
// without "that": prepositions, conjunctions and the like.
var notClause = wordSet("to about of in on at for with by from as and or but so after before during into over through under while when than nothing anything something goodbye yes not never hello thanks sorry farewell more less much")

// modifiers may stand between a cue verb and its content.
var modifiers = wordSet("also again later further repeatedly publicly privately recently previously earlier then yesterday today tonight separately once now firmly flatly bluntly candidly simply")

// timeHeads open a time phrase after a cue: "on Tuesday", "last week".
var timeHeads = wordSet("on last this earlier late early")

// weekdays and time nouns that close a time phrase.
var timeWords = wordSet("monday tuesday wednesday thursday friday saturday sunday week month year night morning afternoon evening weekend day")

// tailHeads may open what follows a cue at the end of a sentence.
var tailHeads = wordSet("on in at to during after before last this yesterday today tonight earlier later recently while when as monday tuesday wednesday thursday friday saturday sunday")

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for w := range strings.FieldsSeq(s) {
		m[w] = true
	}
	return m
}

// reported finds indirect and mixed quotes in sentence k: a cue with its
// speaker and the content it reports.
func (f *finder) reported(k int) {
	st := f.sentTok[k]
	if st[0] < 0 {
		return
	}
	first, end := st[0], st[1]
	last, hasLast := f.lastSpeaker[k], f.hasLastSpeaker[k]
	clause := first  // token where the current clause starts
	contentEnd := -1 // byte end of the last content found in the sentence
	for x := first; x < end; x++ {
		h := f.hitAt(x)
		if h == nil || h.used || f.toks[x].seg >= 0 || f.toks[x].s < contentEnd {
			continue
		}
		var d draft
		var ok bool
		switch h.c.Class {
		case ClassVerb:
			d, ok = f.verbQuote(h, clause, end, last, hasLast)
		case ClassPrep:
			d, ok = f.accordingTo(h, clause, end)
		}
		if !ok {
			continue
		}
		if !f.settle(&d) {
			continue
		}
		h.used = true
		d.cueSent = k
		f.out = append(f.out, d)
		contentEnd = d.b
		if d.has {
			last, hasLast = d.speaker, true
		}
		x = max(x, f.tokAt(d.b)-1)
		if x+1 < end && f.toks[x+1].w == "," {
			clause = x + 2
		}
	}
}

// verbQuote reads the quote a verb cue introduces in tokens [clause, end).
func (f *finder) verbQuote(h *cueHit, clause, end int, last Ref, hasLast bool) (draft, bool) {
	c := h.c
	d := draft{}
	cs := f.toks[h.i].s
	gerund := strings.HasSuffix(f.toks[h.j-1].w, "ing")
	afterComma := h.i > 0 && f.toks[h.i-1].w == "," && f.toks[h.i-1].sent == f.toks[h.i].sent
	if gerund && !afterComma {
		return d, false // "the saying", "is saying" without a subject we can find
	}

	// Postposed: "CLAUSE, X said." or "CLAUSE, said X."
	if !gerund {
		if d, ok := f.postposed(h, clause, end); ok {
			return d, true
		}
	}

	// Forward: "X said (that) CLAUSE".
	switch {
	case gerund:
		if hasLast {
			d.speaker, d.has = last, true
		} else {
			d.speaker, d.has = f.speakerBefore(f.toks[clause].s, cs)
		}
	case h.i > clause && f.toks[h.i-1].w == "and" && hasLast:
		d.speaker, d.has = last, true // "X said ... and said ..."
	default:
		d.speaker, d.has = f.speakerBefore(f.toks[clause].s, cs)
	}
	if !d.has && (gerund || !f.subjectNP(clause, h.i)) {
		return d, false
	}
	d.cue = f.cueSpan(h)
	p := f.tokAt(d.cue.End)
	p = f.skipMods(p, end)
	if c.Addressee && p < end && f.toks[p].w != "that" {
		found := false
		for y := p; y < end && y < p+8; y++ {
			t := f.toks[y]
			if t.w == "that" {
				p, found = y, true
				break
			}
			if !t.word {
				break
			}
		}
		if !found {
			p = f.skipNP(p, end)
			p = f.skipMods(p, end)
		}
	}
	if p >= end {
		return d, false
	}
	t := f.toks[p]
	start := -1
	switch {
	case t.w == "that" && c.That != ThatNo:
		start = p + 1
	case t.w == ":":
		start = p + 1
	case t.mark != markNone:
		start = p
	case c.NP && t.word && !notClause[t.w]:
		start = p
	case c.That == ThatOptional && t.word && !notClause[t.w]:
		start = p
	case c.That == ThatOptional && (t.w == "," || t.w == "—" || t.w == "–") && p+1 < end && f.toks[p+1].word:
		start = p + 1 // "says, win or lose, he is staying"
	default:
		// "said in April that ...", "called it “a disgrace”"
		for y := p; y < end && y < p+12; y++ {
			if f.toks[y].w == "that" && c.That != ThatNo && y < p+7 {
				start = y + 1
				break
			}
			if f.toks[y].mark != markNone {
				if c.That == ThatNo || c.NP {
					start = p
				}
				break
			}
			if !f.toks[y].word && f.toks[y].w != "’" && f.toks[y].w != "'" {
				break
			}
		}
	}
	if start < 0 || start >= end {
		return d, false
	}
	stop := f.contentStop(start, end)
	if !f.span(&d, start, stop) {
		return d, false
	}
	return d, true
}

// postposed reads "CLAUSE, X said." and "CLAUSE, said X.": a comma a few
// words before the cue with the speaker between, and nothing after the cue
// but the addressee, a place or a time.
func (f *finder) postposed(h *cueHit, clause, end int) (draft, bool) {
	d := draft{}
	comma := -1
	words := 0
	for x := h.i - 1; x >= clause && words <= 7; x-- {
		if f.toks[x].w == "," {
			comma = x
			break
		}
		if !f.toks[x].word {
			return d, false
		}
		words++
	}
	if comma <= clause {
		return d, false
	}
	ce := f.toks[h.j-1].e
	if comma == h.i-1 {
		d.speaker, d.has = f.speakerAfter(ce, f.toks[end-1].e, false)
	} else {
		d.speaker, d.has = f.speakerBefore(f.toks[comma].e, f.toks[h.i].s)
	}
	if !d.has && (comma == h.i-1 || !f.subjectNP(comma+1, h.i)) {
		return d, false
	}
	// The tail after the cue (and after an inverted speaker).
	y := h.j
	if comma == h.i-1 && d.has {
		y = f.tokAt(d.speaker.Span.End)
	}
	if h.c.Addressee && comma != h.i-1 {
		y = f.skipNP(y, end)
	}
	y = f.skipMods(y, end)
	if y < end && tailHeads[f.toks[y].w] {
		// "the agency said in a June report, and ..."
		for z := y + 1; z < end && z < y+7; z++ {
			if f.toks[z].w == "," {
				y = z
				break
			}
			if !f.toks[z].word {
				break
			}
		}
	}
	if y < end && f.toks[y].w == "," && y+1 < end && f.toks[y+1].w != "that" && (comma != h.i-1 || !d.has) {
		// Parenthetical: "The museum, Mr. Obama said, would make ..."
		if f.span(&d, y+1, f.contentStop(y+1, end)) || f.span(&d, clause, comma) {
			d.cue = f.cueSpan(h)
			return d, true
		}
		return d, false
	}
	if n := f.hitAt(y); n != nil && n.c.Class == ClassNoun {
		y = n.j
	}
	tail := 0
	for z := y; z < end; z++ {
		t := f.toks[z]
		if t.w == "that" || t.w == ":" || t.mark != markNone {
			return d, false
		}
		if t.word {
			tail++
		}
	}
	switch {
	case tail == 0:
	case comma == h.i-1 && y < end && f.toks[y].w == ",":
		// "..., said Jeffrey N. Trimble, a senior official with ..."
	case y < end && f.toks[y].w == ",":
	case h.c.Addressee && tail <= 3:
	case tail <= 5 && tailHeads[f.toks[y].w]:
	default:
		return d, false
	}
	if !f.span(&d, clause, comma) {
		return d, false
	}
	d.cue = f.cueSpan(h)
	return d, true
}

// subjectWords may not end a subject noun phrase before a cue verb.
var subjectStop = wordSet("who which that it and or but to be been being is was were are am not never also has have had would will could can may might must should shall did does do just only then as if than when where while because so what how why")

// auxiliaries may stand between a subject and its verb.
var auxiliaries = wordSet("has have had would will could can may might must should did does do also later then once again previously repeatedly recently reportedly has")

// subjectNP reports whether tokens [lo, cue) end in a plain noun phrase
// that no ref covers ("the former president", "officials"): a speaker the
// actor stage did not name.
func (f *finder) subjectNP(lo, cue int) bool {
	x := cue - 1
	for x >= lo && auxiliaries[f.toks[x].w] {
		x--
	}
	if x < lo {
		return false
	}
	t := f.toks[x]
	if !t.word || subjectStop[t.w] || determiners[t.w] || notClause[t.w] || t.w[0] >= '0' && t.w[0] <= '9' {
		return false
	}
	// Two to five words back there must be a clause edge: the noun phrase
	// is short.
	n := 0
	for y := x; y >= lo; y-- {
		if !f.toks[y].word {
			return f.toks[y].w == "," || f.toks[y].mark != markNone
		}
		if subjectStop[f.toks[y].w] {
			return false
		}
		n++
		if n > 5 {
			return false
		}
	}
	return true
}

// accordingTo reads "According to X, CLAUSE" and "CLAUSE, according to X".
func (f *finder) accordingTo(h *cueHit, clause, end int) (draft, bool) {
	d := draft{}
	phraseEnd := h.j
	for phraseEnd < end && f.toks[phraseEnd].w != "," && f.toks[phraseEnd].w != "." && f.toks[phraseEnd].mark == markNone {
		phraseEnd++
	}
	ce := f.toks[h.j-1].e
	if phraseEnd > h.j {
		d.speaker, d.has = f.speakerAfter(ce, f.toks[phraseEnd-1].e, true)
	}
	d.cue = khaldun.Span{Start: f.toks[h.i].s, End: ce}
	opening := h.i == clause || h.i == clause+1 && !f.toks[clause].word ||
		h.i == clause+1 && (f.toks[clause].w == "but" || f.toks[clause].w == "and")
	switch {
	case opening && phraseEnd < end && f.toks[phraseEnd].w == ",":
		return d, f.span(&d, phraseEnd+1, f.contentStop(phraseEnd+1, end))
	case !opening && f.toks[h.i-1].w == ",":
		return d, f.span(&d, clause, h.i-1)
	case !opening:
		return d, f.span(&d, clause, h.i)
	}
	return d, false
}

// skipMods skips adverbs, time phrases and noun cues after a cue verb.
func (f *finder) skipMods(p, end int) int {
	for p < end {
		t := f.toks[p]
		switch {
		case modifiers[t.w]:
			p++
		case timeHeads[t.w] && p+1 < end && timeWords[f.toks[p+1].w]:
			p += 2
		case timeWords[t.w] && t.w != "day":
			p++
		case f.hitAt(p) != nil && f.hitAt(p).c.Class == ClassNoun:
			n := f.hitAt(p)
			p = n.j
			if f.inRef[p-1] || p < end && f.inRef[p] {
				p = f.skipNP(p, end) // "in a message to Mamlouk"
			}
		case t.w == ",":
			// "said, however, that": skip a lone comma before "that"
			if p+1 < end && (f.toks[p+1].w == "that" || modifiers[f.toks[p+1].w]) {
				p++
				continue
			}
			return p
		default:
			return p
		}
	}
	return p
}

// skipNP skips an addressee: a ref, or up to three words ending before a
// word that can open a clause.
func (f *finder) skipNP(p, end int) int {
	if p < end && f.inRef[p] {
		for p < end && f.inRef[p] {
			p++
		}
		return p
	}
	n := 0
	for p < end && f.toks[p].word && n < 1 {
		if f.toks[p].w == "the" || f.toks[p].w == "a" || f.toks[p].w == "an" || f.toks[p].w == "his" || f.toks[p].w == "her" || f.toks[p].w == "their" {
			p++
			continue
		}
		p++
		n++
	}
	return p
}

// contentStop returns the token where reported content starting at start
// ends: the end of the sentence, or a comma before a following cue
// ("..., adding", "..., according to").
func (f *finder) contentStop(start, end int) int {
	for y := start; y < end; y++ {
		if f.toks[y].w == "," && y+1 < end {
			if n := f.hitAt(y + 1); n != nil && !n.used && (n.c.Class == ClassPrep || strings.HasSuffix(f.toks[n.j-1].w, "ing")) {
				return y
			}
		}
		if sg := f.toks[y].seg; sg >= 0 && f.segDone[sg] {
			return y - 1
		}
		if f.toks[y].mark != markNone && y+1 < end {
			if sg := f.toks[y+1].seg; sg >= 0 && f.segDone[sg] {
				return y
			}
		}
	}
	return end
}

// span sets the content of d to the tokens [p, q), trimmed of closing
// punctuation, and reports whether it holds at least two words.
func (f *finder) span(d *draft, p, q int) bool {
	for q > p {
		w := f.toks[q-1].w
		if w == "." || w == "," || w == ";" || w == ":" || w == "—" || w == "–" {
			q--
			continue
		}
		break
	}
	words := 0
	for y := p; y < q; y++ {
		if f.toks[y].word {
			words++
		}
	}
	if words < 2 {
		return false
	}
	d.a, d.b = f.toks[p].s, f.toks[q-1].e
	return true
}

// settle decides the kind of a reported quote from the quote marks inside
// its content, and marks those segments as taken. It reports false when
// the content runs into a quote already found.
func (f *finder) settle(d *draft) bool {
	d.kind = khaldun.QuoteIndirect
	var inside []int
	first := sort.Search(len(f.segs), func(i int) bool { return f.segs[i].ce > d.a })
	for si := first; si < len(f.segs) && f.segs[si].os < d.b; si++ {
		sg := f.segs[si]
		if sg.ce <= d.a {
			continue
		}
		if f.segDone[si] {
			return false
		}
		inside = append(inside, si)
	}
	if len(inside) == 0 {
		return true
	}
	for _, si := range inside {
		f.segDone[si] = true
		if f.segs[si].ce > d.b {
			d.b = f.segs[si].ce
		}
		if f.segs[si].os < d.a {
			d.a = f.segs[si].os
		}
	}
	if sg := f.segs[inside[0]]; len(inside) == 1 && sg.os == d.a && strings.TrimRight(f.text[sg.ce:d.b], ".,;:!? ") == "" {
		d.kind = khaldun.QuoteDirect
		d.a, d.b = sg.s, sg.e
		return true
	}
	d.kind = khaldun.QuoteMixed
	return true
}
