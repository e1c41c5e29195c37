package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
)

// mark is the kind of a quotation mark token.
type mark uint8

const (
	markNone     mark = iota
	markStraight      // " — opens or closes by context
	markOpen          // “ « „
	markClose         // ” »
)

// tok is one word or punctuation rune of the text.
type tok struct {
	s, e int
	w    string // the word in lower case, or the punctuation rune
	word bool
	mark mark
	sent int // index of the sentence
	para int // index of the paragraph (a newline starts one)
	seg  int // index of the quoted segment whose content holds it, -1 outside
}

// segment is a stretch of text in quote marks.
type segment struct {
	open, close int // token indexes of the marks; close is -1 when no mark closes it
	s, e        int // byte span of the words between the marks, trimmed of spaces
	os, ce      int // byte span including the marks
	used        bool
	direct      int // index of the quote it became, -1
}

// tokenize splits text into words and punctuation, with sentence and
// paragraph indexes, in one pass.
func tokenize(text string, sents []khaldun.Span) []tok {
	toks := make([]tok, 0, len(text)/5+1)
	para, k := 0, 0
	newline := false
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			if r == '\n' {
				newline = true
			}
			i += n
			continue
		}
		if newline && len(toks) > 0 {
			para++
		}
		newline = false
		t := tok{s: i, para: para, seg: -1}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
					j += n2
					continue
				}
				if r2 == '.' || r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '&' {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if unicode.IsLetter(r3) || unicode.IsDigit(r3) {
						j += n2
						continue
					}
				}
				break
			}
			if j < len(text) && text[j] == '.' && abbreviation(text[i:j]) {
				j++ // "Mr.", "U.S.", the initial in "Jeffrey N. Trimble"
			}
			t.e = j
			t.w = strings.ToLower(text[i:j])
			t.word = true
		} else if r == '\'' && strings.HasPrefix(text[i+n:], "'") {
			t.e = i + 2 // '' stands for a double quote mark in some archives
			t.w = "\""
			t.mark = markStraight
		} else {
			t.e = i + n
			t.w = text[i : i+n]
			switch r {
			case '"':
				t.mark = markStraight
			case '“', '«', '„':
				t.mark = markOpen
			case '”', '»':
				t.mark = markClose
			}
		}
		for k < len(sents)-1 && sents[k].End <= t.s {
			k++
		}
		t.sent = k
		toks = append(toks, t)
		i = t.e
	}
	return toks
}

// abbreviations keep their period as part of the word.
var abbreviations = wordSet("mr mrs ms dr st gen sen rep gov lt col sgt capt cmdr adm jr sr prof rev gens sens reps messrs mt ft inc corp co ltd no vs")

// abbreviation reports whether the word w, followed by a period, is an
// abbreviation, an initial or a dotted acronym.
func abbreviation(w string) bool {
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' || strings.IndexByte(w, '.') > 0 {
		return true
	}
	return len(w) <= 5 && abbreviations[strings.ToLower(w)]
}

// cleanSentences returns the sentence spans clipped to the text, in order
// and without overlap; with none given, each paragraph is a sentence.
func cleanSentences(text string, sents []khaldun.Span) []khaldun.Span {
	out := make([]khaldun.Span, 0, len(sents))
	last := 0
	for _, s := range sents {
		if s.Start < last {
			s.Start = last
		}
		if s.End > len(text) {
			s.End = len(text)
		}
		if s.Start >= s.End {
			continue
		}
		out = append(out, s)
		last = s.End
	}
	if len(out) > 0 {
		return out
	}
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if i > start {
				out = append(out, khaldun.Span{Start: start, End: i})
			}
			start = i + 1
		}
	}
	return out
}

// segments pairs the quote marks. Within a paragraph a mark of the same
// family closes the open one; a quote left open at the end of a paragraph
// continues when the next paragraph opens with a quote mark (the wire
// convention), and otherwise ends there.
func segments(text string, toks []tok) []segment {
	var segs []segment
	open, lastPara := -1, -1
	var family mark
	closeAt := func(closeTok, end int) {
		sg := segment{open: open, close: closeTok, os: toks[open].s, direct: -1}
		sg.s = toks[open].e
		if closeTok >= 0 {
			sg.e = toks[closeTok].s
			sg.ce = toks[closeTok].e
		} else {
			sg.e = end
			sg.ce = end
		}
		for sg.s < sg.e && isSpaceByte(text[sg.s]) {
			sg.s++
		}
		for sg.e > sg.s && isSpaceByte(text[sg.e-1]) {
			sg.e--
		}
		if sg.e > sg.s {
			segs = append(segs, sg)
		}
		open = -1
	}
	for i := range toks {
		t := &toks[i]
		if t.mark == markNone {
			continue
		}
		if open >= 0 && t.para != lastPara {
			first := i == 0 || toks[i-1].para != t.para
			if t.para == lastPara+1 && first && t.mark != markClose && sameFamily(family, t.mark) {
				lastPara = t.para // continuation paragraph
				continue
			}
			closeAt(-1, toks[lastParaTok(toks, lastPara, open)].e)
		}
		if open < 0 {
			if t.mark == markClose {
				continue
			}
			if t.mark == markStraight && !opensStraight(text, t) {
				continue
			}
			open, lastPara, family = i, t.para, t.mark
			continue
		}
		switch {
		case family == markStraight && t.mark == markStraight,
			family == markOpen && t.mark == markClose:
			closeAt(i, 0)
		}
	}
	if open >= 0 {
		closeAt(-1, toks[lastParaTok(toks, lastPara, open)].e)
	}
	return segs
}

// lastParaTok returns the index of the last token of paragraph para, searching from token from.
func lastParaTok(toks []tok, para, from int) int {
	j := from
	for j+1 < len(toks) && toks[j+1].para <= para {
		j++
	}
	return j
}

func sameFamily(f, m mark) bool {
	if f == markStraight {
		return m == markStraight
	}
	return m == markOpen
}

// opensStraight reports whether a straight quote mark can open a quote: it
// is followed by a word, not by a space.
func opensStraight(text string, t *tok) bool {
	if t.e >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[t.e:])
	return !unicode.IsSpace(r)
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// sortedRefs returns the usable refs sorted by start.
func sortedRefs(text string, refs []Ref) []Ref {
	out := make([]Ref, 0, len(refs))
	for _, r := range refs {
		if r.Span.Start >= 0 && r.Span.End <= len(text) && r.Span.Start < r.Span.End {
			out = append(out, r)
		}
	}
	if !slices.IsSortedFunc(out, cmpRef) {
		slices.SortStableFunc(out, cmpRef)
	}
	return out
}

func cmpRef(a, b Ref) int {
	if a.Span.Start != b.Span.Start {
		return a.Span.Start - b.Span.Start
	}
	return a.Span.End - b.Span.End
}
