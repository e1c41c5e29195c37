package quote

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/khaldun/khaldun"
)

// Ref is a span of text that refers to an actor: a name, a surname, a title
// ("the security official") or a pronoun ("he"), already resolved by the
// actor stage.
type Ref struct {
	Span   khaldun.Span
	Actor  string // actor id
	Person bool   // a person or organisation that can speak
}

// Find returns the quotations in text, attributed with the embedded cue
// lexicon. sentences are the sentence spans (byte offsets, in order,
// covering the text); refs are sorted by Span.Start. Quotes come in text
// order with ids q1, q2, ...
func Find(text string, sentences []khaldun.Span, refs []Ref) []khaldun.Quote {
	lex, err := DefaultLexicon()
	if err != nil {
		return nil // the embedded lexicon is checked by the tests
	}
	return lex.Find(text, sentences, refs)
}

// Find returns the quotations in text, using the cues of l; see Find.
func (l *Lexicon) Find(text string, sentences []khaldun.Span, refs []Ref) []khaldun.Quote {
	f := newFinder(l, text, sentences, refs)
	if len(f.toks) == 0 {
		return nil
	}
	for i := range f.segs {
		f.direct(i)
	}
	f.continuations()
	f.lastSpeaker = make([]Ref, len(f.sents))
	f.hasLastSpeaker = make([]bool, len(f.sents))
	for _, d := range f.out {
		if d.has && d.cueSent >= 0 && d.cueSent < len(f.sents) {
			f.lastSpeaker[d.cueSent], f.hasLastSpeaker[d.cueSent] = d.speaker, true
		}
	}
	for k := range f.sents {
		f.reported(k)
	}
	return f.quotes()
}

// cueHit is one occurrence of a lexicon entry: tokens [i, j).
type cueHit struct {
	i, j int
	c    *Cue
	used bool
}

// draft is a quotation found but not yet numbered.
type draft struct {
	speaker Ref
	has     bool // speaker is set
	a, b    int  // byte span of the quoted or reported words
	kind    string
	cue     khaldun.Span
	cueSent int
}

type finder struct {
	text    string
	lex     *Lexicon
	toks    []tok
	sents   []khaldun.Span
	sentTok [][2]int // tokens [first, end) of each sentence
	segs    []segment
	refs    []Ref
	inRef   []bool // token lies inside a ref
	cues    []cueHit
	cueAt   []int32 // index into cues of the hit starting at a token, -1
	segDone []bool  // the segment became (part of) a quote
	out     []draft

	// lastSpeaker is, per sentence, the speaker of the last direct quote
	// whose cue stands in it.
	lastSpeaker    []Ref
	hasLastSpeaker []bool
}

func newFinder(l *Lexicon, text string, sentences []khaldun.Span, refs []Ref) *finder {
	f := &finder{text: text, lex: l}
	f.sents = cleanSentences(text, sentences)
	f.toks = tokenize(text, f.sents)
	if len(f.toks) == 0 {
		return f
	}
	f.sentTok = make([][2]int, len(f.sents))
	for i := range f.sentTok {
		f.sentTok[i] = [2]int{-1, -1}
	}
	for i, t := range f.toks {
		st := &f.sentTok[t.sent]
		if st[0] < 0 {
			st[0] = i
		}
		st[1] = i + 1
	}
	f.segs = segments(text, f.toks)
	f.segDone = make([]bool, len(f.segs))
	for si, sg := range f.segs {
		end := sg.close
		if end < 0 {
			end = len(f.toks)
		}
		for i := sg.open + 1; i < end && f.toks[i].s < sg.ce; i++ {
			f.toks[i].seg = si
		}
	}
	f.refs = sortedRefs(text, refs)
	f.inRef = make([]bool, len(f.toks))
	ti := 0
	for _, r := range f.refs {
		for ti < len(f.toks) && f.toks[ti].e <= r.Span.Start {
			ti++
		}
		for j := ti; j < len(f.toks) && f.toks[j].s < r.Span.End; j++ {
			f.inRef[j] = true
		}
	}
	f.matchCues()
	return f
}

// matchCues finds every lexicon form outside quote marks, longest first.
func (f *finder) matchCues() {
	f.cueAt = make([]int32, len(f.toks))
	for i := range f.cueAt {
		f.cueAt[i] = -1
	}
	for i := 0; i < len(f.toks); i++ {
		t := f.toks[i]
		if !t.word || t.seg >= 0 {
			continue
		}
		for _, c := range f.lex.byFirst[t.w] {
			j, ok := f.matchForm(i, c.Form)
			if !ok {
				continue
			}
			if c.Class == ClassVerb && (f.inRef[i] || f.nounUse(i)) {
				break // "Secretary of State", "the Islamic State", "his remarks"
			}
			f.cueAt[i] = int32(len(f.cues))
			f.cues = append(f.cues, cueHit{i: i, j: j, c: c})
			i = j - 1
			break
		}
	}
}

// determiners before a verb form make it a noun: "the call", "his claims".
var determiners = wordSet("the a an his her their its my our your this these those every each no any some another of to")

// nounUse reports whether the word at token i is used as a noun: after a
// determiner or a possessive, or inside markup ("tweet_id").
func (f *finder) nounUse(i int) bool {
	if i > 0 && f.toks[i-1].sent == f.toks[i].sent {
		p := f.toks[i-1]
		if p.word && (determiners[p.w] || strings.HasSuffix(p.w, "’s") || strings.HasSuffix(p.w, "'s")) {
			return true
		}
		if p.w == "<" || p.w == "_" || p.w == "/" {
			return true
		}
	}
	if i+1 < len(f.toks) && (f.toks[i+1].w == "_" || f.toks[i+1].w == "=") && f.toks[i+1].s == f.toks[i].e {
		return true
	}
	return false
}

// matchForm reports whether the words of form start at token i, and where
// they end.
func (f *finder) matchForm(i int, form string) (int, bool) {
	j := i
	for w := range strings.SplitSeq(form, " ") {
		if j >= len(f.toks) || f.toks[j].w != w || f.toks[j].seg >= 0 || f.toks[j].sent != f.toks[i].sent {
			return 0, false
		}
		j++
	}
	return j, true
}

// hitAt returns the cue hit starting at token i, or nil.
func (f *finder) hitAt(i int) *cueHit {
	if i < 0 || i >= len(f.toks) || f.cueAt[i] < 0 {
		return nil
	}
	return &f.cues[f.cueAt[i]]
}

// tokAt returns the index of the first token ending after byte pos.
func (f *finder) tokAt(pos int) int {
	return sort.Search(len(f.toks), func(i int) bool { return f.toks[i].e > pos })
}

// canSpeak reports whether r can be a speaker: a person or organisation
// outside quote marks.
func (f *finder) canSpeak(r Ref) bool {
	if !r.Person {
		return false
	}
	i := f.tokAt(r.Span.Start)
	return i >= len(f.toks) || f.toks[i].seg < 0
}

// refsFrom returns the index of the first ref starting at or after pos.
func (f *finder) refsFrom(pos int) int {
	return sort.Search(len(f.refs), func(i int) bool { return f.refs[i].Span.Start >= pos })
}

// speakerBefore returns the ref nearest before hi, starting at or after lo,
// that can speak. A ref set off by commas (an apposition or a relative
// clause: "Shamkhani, secretary of the Council, said") gives way to the
// ref just before the first comma.
func (f *finder) speakerBefore(lo, hi int) (Ref, bool) {
	i := f.refsFrom(hi) - 1
	for ; i >= 0 && f.refs[i].Span.Start >= lo; i-- {
		r := f.refs[i]
		if r.Span.End > hi || !f.canSpeak(r) {
			continue
		}
		gap := strings.TrimSpace(f.text[r.Span.End:hi])
		if n := len(strings.Fields(gap)); n > 3 && !strings.HasSuffix(gap, ",") || n > 25 {
			return Ref{}, false // too far to be the subject
		}
		if strings.IndexByte(gap, ',') >= 0 {
			if c := strings.LastIndexByte(f.text[lo:r.Span.Start], ','); c >= 0 {
				pos := lo + c
				for j := i - 1; j >= 0 && f.refs[j].Span.Start >= lo; j-- {
					r0 := f.refs[j]
					if r0.Span.End <= pos && strings.TrimSpace(f.text[r0.Span.End:pos]) == "" && f.canSpeak(r0) {
						return r0, true
					}
				}
			}
		}
		return r, true
	}
	return Ref{}, false
}

// speakerAfter returns the first ref that can speak starting in [lo, hi)
// with at most two words before it.
func (f *finder) speakerAfter(lo, hi int, anyRef bool) (Ref, bool) {
	for i := f.refsFrom(lo); i < len(f.refs) && f.refs[i].Span.Start < hi; i++ {
		r := f.refs[i]
		if r.Span.End > hi || !(f.canSpeak(r) || anyRef && r.Span.Start >= lo) {
			continue
		}
		if len(strings.Fields(f.text[lo:r.Span.Start])) > 2 || strings.ContainsAny(f.text[lo:r.Span.Start], ",.;:") {
			return Ref{}, false
		}
		return r, true
	}
	return Ref{}, false
}

// speakerAt attributes a verb or prep cue that stands in the frame of
// tokens [lo, hi): after "," or right after the frame start it is
// inverted ("said X"), otherwise the subject comes before it.
func (f *finder) speakerAt(h *cueHit, lo, hi int) (Ref, bool) {
	a, b := f.toks[lo].s, f.toks[hi-1].e
	cs, ce := f.toks[h.i].s, f.toks[h.j-1].e
	if h.c.Class == ClassPrep {
		return f.speakerAfter(ce, b, true)
	}
	inverted := h.i == lo || f.toks[h.i-1].w == ","
	if inverted {
		if r, ok := f.speakerAfter(ce, b, false); ok {
			return r, true
		}
	}
	if r, ok := f.speakerBefore(a, cs); ok {
		return r, true
	}
	return f.speakerAfter(ce, b, false)
}

// cueSpan returns the byte span of a hit, extended over a noun cue right
// after it ("said in a statement").
func (f *finder) cueSpan(h *cueHit) khaldun.Span {
	sp := khaldun.Span{Start: f.toks[h.i].s, End: f.toks[h.j-1].e}
	if n := f.hitAt(h.j); n != nil && n.c.Class == ClassNoun && h.c.Class == ClassVerb {
		sp.End = f.toks[n.j-1].e
		n.used = true
	}
	return sp
}

func (f *finder) addDirect(si int, sp Ref, has bool, cue khaldun.Span, cueSent int) {
	sg := &f.segs[si]
	f.segDone[si] = true
	sg.direct = len(f.out)
	f.out = append(f.out, draft{speaker: sp, has: has, a: sg.s, b: sg.e, kind: khaldun.QuoteDirect, cue: cue, cueSent: cueSent})
}

// direct attributes segment si through the words around it: a cue after
// the closing mark ("...," X said), before the opening mark (X said: "..."),
// or alone in the next sentence ("The official said.").
func (f *finder) direct(si int) {
	sg := &f.segs[si]
	if f.segDone[si] {
		return
	}
	if sg.close >= 0 && sg.close > sg.open+1 {
		c := sg.close
		k := f.toks[c].sent
		fi, fe := c+1, c+1
		for fe < len(f.toks) && f.toks[fe].sent == k && f.toks[fe].para == f.toks[c].para && f.toks[fe].mark == markNone {
			fe++
		}
		next := false
		if fe == fi && fi < len(f.toks) && f.toks[fi].para == f.toks[c].para && f.toks[fi].mark == markNone {
			k2 := f.toks[fi].sent
			for fe < len(f.toks) && f.toks[fe].sent == k2 && f.toks[fe].mark == markNone {
				fe++
			}
			if fe-fi > 12 || fe < len(f.toks) && f.toks[fe].sent == k2 {
				fe = fi
			}
			next = true
		}
		if fe > fi && f.frameOpens(fi, c, next) && (f.opensSentence(si) || f.words(sg.s, sg.e) >= 5) {
			for x := fi; x < fe && x < fi+16; x++ {
				w := f.toks[x].w
				if w == "that" || w == "." || w == ";" || w == ":" {
					break
				}
				h := f.hitAt(x)
				if h == nil || h.used || h.c.Class == ClassNoun {
					continue
				}
				sp, ok := f.speakerAt(h, fi, fe)
				if !ok && next || !f.shortTail(h, sp, ok, fe) {
					break
				}
				h.used = true
				f.addDirect(si, sp, ok, f.cueSpan(h), f.toks[x].sent)
				return
			}
		}
	}
	// The frame before the opening mark.
	o := sg.open
	k := f.toks[o].sent
	from := f.sentTok[k][0]
	for x := o - 1; x >= from; x-- {
		if f.toks[x].mark != markNone {
			from = x + 1
			break
		}
	}
	lo, hi := from, o
	if lo == hi && k > 0 {
		// "X continued:" closing the sentence or paragraph before.
		pk := k - 1
		if pt := f.sentTok[pk]; pt[0] >= 0 && f.toks[pt[1]-1].w == ":" && f.toks[o].para-f.toks[pt[1]-1].para <= 1 {
			lo, hi = pt[0], pt[1]
			for x := hi - 1; x >= lo; x-- {
				if f.toks[x].mark != markNone {
					lo = x + 1
					break
				}
			}
		}
	}
	if hi-lo < 2 {
		return
	}
	last := f.toks[hi-1].w
	if last != ":" && last != "," {
		return
	}
	for x := hi - 2; x >= lo && x >= hi-12; x-- {
		h := f.hitAt(x)
		if h == nil || h.used || h.c.Class == ClassNoun || h.j > hi-1 {
			continue
		}
		sp, ok := f.speakerAt(h, lo, hi-1)
		h.used = true
		f.addDirect(si, sp, ok, f.cueSpan(h), f.toks[x].sent)
		return
	}
	if last == ":" && hi-lo <= 12 {
		if sp, ok := f.speakerBefore(f.toks[lo].s, f.toks[hi-1].s); ok {
			t := f.toks[hi-1]
			f.addDirect(si, sp, true, khaldun.Span{Start: t.s, End: t.e}, t.sent)
		}
	}
}

// opensSentence reports whether segment si starts its sentence: no word
// before its opening mark in the sentence and paragraph.
func (f *finder) opensSentence(si int) bool {
	o := f.segs[si].open
	for x := o - 1; x >= 0 && f.toks[x].sent == f.toks[o].sent && f.toks[x].para == f.toks[o].para; x-- {
		switch f.toks[x].w {
		case ".", "?", "!", ":", ";":
			return true
		}
		if f.toks[x].mark != markNone {
			return true
		}
		if f.toks[x].word {
			return false
		}
	}
	return true
}

// words counts the words in the byte range [a, b).
func (f *finder) words(a, b int) int {
	n := 0
	for x := f.tokAt(a); x < len(f.toks) && f.toks[x].s < b; x++ {
		if f.toks[x].word {
			n++
		}
	}
	return n
}

// shortTail reports whether what follows the cue h in a frame ending at
// token fe is short or set off by a comma, so the cue does not introduce
// reported words of its own ("“Hannity,” Gingrich said if ...").
func (f *finder) shortTail(h *cueHit, sp Ref, ok bool, fe int) bool {
	y := h.j
	if ok && sp.Span.Start >= f.toks[h.j-1].e {
		y = f.tokAt(sp.Span.End)
	}
	if h.c.Addressee && y == h.j {
		y = f.skipNP(y, fe)
	}
	if y < fe && (f.toks[y].w == "," || f.toks[y].w == "that") {
		return f.toks[y].w == ","
	}
	n := 0
	for ; y < fe; y++ {
		if f.toks[y].w == "," || tailBreaks[f.toks[y].w] {
			break
		}
		if f.toks[y].word {
			n++
		}
	}
	return n <= 8
}

// tailBreaks end the part of a frame that counts against a cue: "told
// CNN in an interview when asked ...".
var tailBreaks = wordSet("when while as after before because during")

// frameOpens reports whether the words after closing mark c can be a cue
// frame: after a comma or dash, after a quote that ends in , ? ! or a
// dash, or a sentence of its own.
func (f *finder) frameOpens(fi, c int, next bool) bool {
	if next {
		return true
	}
	switch f.toks[fi].w {
	case ",", "—", "–", "-":
		return true
	case ".", ";", ":", ")", "(":
		return false
	}
	switch f.toks[c-1].w {
	case ",", "?", "!", "—", "–", "-":
		return true
	}
	return f.toks[fi].word && f.text[f.toks[fi].s] >= 'a' && f.text[f.toks[fi].s] <= 'z'
}

// standalone reports whether segment si fills its sentences: nothing but
// punctuation before the opening mark or after the closing one.
func (f *finder) standalone(si int) bool {
	sg := f.segs[si]
	o := sg.open
	if o > 0 && f.toks[o-1].sent == f.toks[o].sent && f.toks[o-1].para == f.toks[o].para && f.toks[o-1].word {
		return false
	}
	if sg.close >= 0 {
		c := sg.close
		for x := c + 1; x < len(f.toks) && f.toks[x].sent == f.toks[c].sent && f.toks[x].para == f.toks[c].para; x++ {
			if f.toks[x].word {
				return false
			}
			if f.toks[x].mark != markNone {
				break
			}
		}
	}
	return true
}

// continuations attributes quotes that fill their sentences to the speaker
// of the quote just before them in the paragraph, or just after.
func (f *finder) continuations() {
	for pass := 0; pass < 2; pass++ {
		for si := range f.segs {
			if f.segDone[si] || !f.standalone(si) {
				continue
			}
			sg := f.segs[si]
			ot := f.toks[sg.open]
			if pass == 0 {
				for p := si - 1; p >= 0; p-- {
					if !f.segDone[p] {
						continue
					}
					d := f.out[f.segs[p].direct]
					lastSent := max(d.cueSent, f.toks[f.tokAt(f.segs[p].ce-1)].sent)
					if f.segs[p].direct >= 0 && d.has && ot.sent <= lastSent+1 && f.toks[f.tokAt(f.segs[p].os)].para >= ot.para-1 {
						f.addDirect(si, d.speaker, true, d.cue, d.cueSent)
					}
					break
				}
				continue
			}
			last := f.tokAt(max(sg.ce-1, sg.s))
			for n := si + 1; n < len(f.segs); n++ {
				if !f.segDone[n] {
					continue
				}
				nt := f.toks[f.segs[n].open]
				if f.segs[n].direct >= 0 && nt.para == ot.para && nt.sent <= f.toks[last].sent+1 {
					d := f.out[f.segs[n].direct]
					if d.has {
						f.addDirect(si, d.speaker, true, d.cue, d.cueSent)
					}
				}
				break
			}
		}
	}
}

// quotes numbers the drafts in text order.
func (f *finder) quotes() []khaldun.Quote {
	slices.SortStableFunc(f.out, func(a, b draft) int { return a.a - b.a })
	out := make([]khaldun.Quote, 0, len(f.out))
	lastEnd := -1
	for _, d := range f.out {
		if d.a < lastEnd || d.b <= d.a {
			continue // overlaps the quote before
		}
		lastEnd = d.b
		q := khaldun.Quote{
			ID:    "q" + strconv.Itoa(len(out)+1),
			Text:  f.text[d.a:d.b],
			Start: d.a,
			End:   d.b,
			Kind:  d.kind,
			Cue:   d.cue,
		}
		if d.has {
			q.Speaker = d.speaker.Actor
		}
		out = append(out, q)
	}
	return out
}
