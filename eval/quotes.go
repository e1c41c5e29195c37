package eval

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
)

// attribution is one quotation, gold or coded, with its spans trimmed.
type attribution struct {
	content []khaldun.Span // fragments, in text order
	speaker []khaldun.Span // gold: the speaker's span(s); coded: every mention of the speaker actor
	cue     khaldun.Span   // zero when none
	kind    string
	name    string // coded: the speaker actor's name
}

// trimSpan narrows a span past spaces, quotation marks and the
// punctuation that edges a quotation (",.:;"), so that "“Yes,” " and
// "Yes" compare equal.
func trimSpan(text string, s khaldun.Span) khaldun.Span {
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return s
	}
	edge := func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.Quotation_Mark, r) || strings.ContainsRune(",.:;", r) ||
			r == '‘' || r == '’' || r == '`'
	}
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !edge(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !edge(r) {
			break
		}
		s.End -= n
	}
	return s
}

// trimCue trims a cue like a quotation, unless nothing would be left: a
// colon is a cue.
func trimCue(text string, s khaldun.Span) khaldun.Span {
	if t := trimSpan(text, s); t.Len() > 0 {
		return t
	}
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return s
	}
	lead := len(text[s.Start:s.End]) - len(strings.TrimLeftFunc(text[s.Start:s.End], unicode.IsSpace))
	return khaldun.Span{Start: s.Start + lead, End: s.Start + len(strings.TrimRightFunc(text[s.Start:s.End], unicode.IsSpace))}
}

func trimAll(text string, ss []khaldun.Span) []khaldun.Span {
	var out []khaldun.Span
	for _, s := range ss {
		if t := trimSpan(text, s); t.Len() > 0 {
			out = append(out, t)
		}
	}
	return out
}

// hull is the smallest span covering every span in ss.
func hull(ss []khaldun.Span) khaldun.Span {
	if len(ss) == 0 {
		return khaldun.Span{}
	}
	h := ss[0]
	for _, s := range ss[1:] {
		h.Start, h.End = min(h.Start, s.Start), max(h.End, s.End)
	}
	return h
}

// goldAttributions trims the gold quotations of one record.
func goldAttributions(text string, qs []GoldQuote) []attribution {
	out := make([]attribution, 0, len(qs))
	for _, q := range qs {
		a := attribution{content: trimAll(text, q.Content), kind: q.Kind}
		if sp := trimAll(text, q.Speaker); len(sp) > 0 {
			a.speaker = []khaldun.Span{hull(sp)}
		}
		if len(q.Cue) > 0 {
			a.cue = trimCue(text, hull(q.Cue))
		}
		out = append(out, a)
	}
	return out
}

// codedAttributions groups a record's quotes into attributions: quotes
// that share a cue and a speaker are the fragments of one attribution
// (“...,” he said, “...”), as PolNeAR marks them.
func codedAttributions(rec *khaldun.Record) []attribution {
	x := indexRecord(rec)
	type key struct {
		cue     khaldun.Span
		speaker string
	}
	var out []attribution
	at := map[key]int{}
	for _, q := range rec.Quotes {
		content := trimSpan(rec.Text, khaldun.Span{Start: q.Start, End: q.End})
		if content.Len() <= 0 {
			continue
		}
		cue := trimCue(rec.Text, q.Cue)
		k := key{cue, q.Speaker}
		if i, ok := at[k]; ok && cue.Len() > 0 {
			a := &out[i]
			a.content = append(a.content, content)
			if a.kind != q.Kind {
				a.kind = khaldun.QuoteMixed
			}
			continue
		}
		a := attribution{content: []khaldun.Span{content}, cue: cue, kind: q.Kind}
		if sp := x.actors[q.Speaker]; sp != nil {
			a.name = sp.Name
			a.speaker = trimAll(rec.Text, sp.Mentions)
		}
		at[k] = len(out)
		out = append(out, a)
	}
	return out
}

// sameSpans reports whether two fragment lists cover the same spans.
func sameSpans(a, b []khaldun.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for _, s := range a {
		found := false
		for _, t := range b {
			found = found || s == t
		}
		if !found {
			return false
		}
	}
	return true
}

// spansOverlap is the number of bytes two fragment lists share.
func spansOverlap(a, b []khaldun.Span) int {
	n := 0
	for _, s := range a {
		for _, t := range b {
			n += overlap(s, t)
		}
	}
	return n
}

// matchAttributions pairs gold and coded attributions one to one, by
// equal content fragments (exact) or by shared content bytes, the most
// shared first (overlap). It returns, per gold, the coded index or -1.
func matchAttributions(gold, pred []attribution, exact bool) []int {
	return match(gold, pred, exact,
		func(g, p attribution) bool { return sameSpans(g.content, p.content) },
		func(g, p attribution) int { return spansOverlap(g.content, p.content) })
}

// quoteKinds are the kinds scored separately, in report order.
var quoteKinds = []string{khaldun.QuoteDirect, khaldun.QuoteMixed, khaldun.QuoteIndirect}

// scoreQuotes scores attributions. Content is scored exactly (same
// trimmed fragments) and by overlap (one shared byte), one to one.
// Speaker and cue are scored on the pairs the content overlap made: a
// gold speaker is found when it equals (exact) or overlaps (overlap) a
// mention of the coded speaker actor; a cue when it equals or overlaps
// the coded cue. By kind, recall counts gold attributions of that kind
// and precision coded attributions of that kind.
func scoreQuotes(recs []coded) ([]Score, []Case) {
	var content, speaker, cue [2]PRF // exact, overlap
	byKind := map[string]*[2]PRF{}
	for _, k := range quoteKinds {
		byKind[k] = &[2]PRF{}
	}
	kindCount := func(k string) *[2]PRF {
		if byKind[k] == nil {
			byKind[k] = &[2]PRF{}
		}
		return byKind[k]
	}
	var cases []Case
	for _, c := range recs {
		text := c.item.Article.Text
		gold := goldAttributions(text, c.item.Gold.Quotes)
		pred := codedAttributions(&c.rec)
		u := newUnitCases(c.item.Article.ID, text, nil)
		for e, exact := range []bool{true, false} {
			m := matchAttributions(gold, pred, exact)
			content[e].plus(countMatches(m, len(pred)))
			for _, g := range gold {
				kindCount(g.kind)[e].Gold++
			}
			for _, p := range pred {
				kindCount(p.kind)[e].Pred++
			}
			for i, j := range m {
				if j < 0 {
					continue
				}
				kindCount(gold[i].kind)[e].GoldHit++
				kindCount(pred[j].kind)[e].PredHit++
			}
			if exact {
				continue
			}
			// Speaker and cue, on the overlap pairs.
			for _, g := range gold {
				if len(g.speaker) > 0 {
					speaker[0].Gold++
					speaker[1].Gold++
				}
				if g.cue.Len() > 0 {
					cue[0].Gold++
					cue[1].Gold++
				}
			}
			for _, p := range pred {
				if len(p.speaker) > 0 {
					speaker[0].Pred++
					speaker[1].Pred++
				}
				if p.cue.Len() > 0 {
					cue[0].Pred++
					cue[1].Pred++
				}
			}
			for i, j := range m {
				g := gold[i]
				if j < 0 {
					u.expected(g.content[0].Start, describeGold(text, g))
					continue
				}
				p := pred[j]
				if len(g.speaker) > 0 && len(p.speaker) > 0 {
					for k, exact := range []bool{true, false} {
						if speakerFound(g.speaker[0], p.speaker, exact) {
							speaker[k].hit()
						} else if exact {
							u.expected(g.content[0].Start, "speaker "+quoted(text, g.speaker[0])+" of "+quoted(text, g.content[0]))
							u.produced(g.content[0].Start, "speaker "+orDash(p.name))
						}
					}
				}
				if g.cue.Len() > 0 && p.cue.Len() > 0 {
					if g.cue == p.cue {
						cue[0].hit()
					}
					if g.cue.Overlaps(p.cue) {
						cue[1].hit()
					}
				}
			}
			matched := make([]bool, len(pred))
			for _, j := range m {
				if j >= 0 {
					matched[j] = true
				}
			}
			for j, p := range pred {
				if !matched[j] {
					u.produced(p.content[0].Start, describeCoded(text, p))
				}
			}
		}
		cases = append(cases, u.list()...)
	}
	scores := []Score{
		{Name: "content_exact", PRF: &content[0]}, {Name: "content_overlap", PRF: &content[1]},
		{Name: "speaker_exact", PRF: &speaker[0]}, {Name: "speaker_overlap", PRF: &speaker[1]},
		{Name: "cue_exact", PRF: &cue[0]}, {Name: "cue_overlap", PRF: &cue[1]},
	}
	var extra []string
	for k := range byKind {
		if !slices.Contains(quoteKinds, k) {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	for _, k := range append(append([]string(nil), quoteKinds...), extra...) {
		name := k
		if name == "" {
			name = "no_kind"
		}
		scores = append(scores, Score{Name: name + "_exact", PRF: &byKind[k][0]}, Score{Name: name + "_overlap", PRF: &byKind[k][1]})
	}
	return scores, cases
}

// speakerFound reports whether the gold speaker span is one of the coded
// speaker's mentions (exact) or overlaps one.
func speakerFound(g khaldun.Span, mentions []khaldun.Span, exact bool) bool {
	for _, m := range mentions {
		if exact && m == g || !exact && m.Overlaps(g) {
			return true
		}
	}
	return false
}

func describeGold(text string, a attribution) string {
	var b strings.Builder
	b.WriteString(a.kind + " " + quoted(text, hull(a.content)))
	if len(a.speaker) > 0 {
		b.WriteString(" speaker " + quoted(text, a.speaker[0]))
	}
	if a.cue.Len() > 0 {
		b.WriteString(" cue " + quoted(text, a.cue))
	}
	return b.String()
}

func describeCoded(text string, a attribution) string {
	var b strings.Builder
	b.WriteString(a.kind + " " + quoted(text, hull(a.content)))
	if a.name != "" {
		b.WriteString(" speaker " + a.name)
	}
	if a.cue.Len() > 0 {
		b.WriteString(" cue " + quoted(text, a.cue))
	}
	return b.String()
}
