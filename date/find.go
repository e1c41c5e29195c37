package date

import (
	"time"

	"github.com/khaldun/khaldun"
)

// Find returns every date or duration expression in text, in order, with byte
// offsets into text and its ISO value. published is the article's publication
// date (zero time when unknown: then relative expressions get no absolute
// value, Value "").
func Find(text string, published time.Time) []khaldun.Date {
	f := finder{text: text, known: !published.IsZero()}
	if f.known {
		y, m, d := published.Date()
		f.pub = time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
	}
	f.toks = tokenize(text, make([]token, 0, len(text)/5+1))
	for i := 0; i < len(f.toks); {
		m, ok := f.match(i)
		if !ok || m.end <= i {
			i++
			continue
		}
		f.out = append(f.out, khaldun.Date{
			Text:  text[f.toks[m.start].s:f.toks[m.end-1].e],
			Start: f.toks[m.start].s,
			End:   f.toks[m.end-1].e,
			Value: m.value,
		})
		i = m.end
		f.last = m.end
	}
	return f.out
}

// match is an expression found: tokens [start, end) and its value.
type match struct {
	start, end int
	value      string
}

type finder struct {
	text  string
	toks  []token
	pub   time.Time // publication day at noon UTC
	known bool      // pub is set
	last  int       // first token not yet part of an expression
	out   []khaldun.Date
}

// Token predicates; out-of-range indexes answer false.

func (f *finder) word(i int) *entry {
	if i < 0 || i >= len(f.toks) {
		return nil
	}
	return f.toks[i].w
}

func (f *finder) is(i int, w string) bool {
	e := f.word(i)
	return e != nil && e.word == w
}

func (f *finder) cls(i int, c uint8) bool {
	e := f.word(i)
	return e != nil && e.cls == c
}

func (f *finder) mod(i int) int {
	e := f.word(i)
	if e == nil || e.cls != cMod {
		return 0
	}
	return e.val
}

func (f *finder) punct(i int, p byte) bool {
	return i >= 0 && i < len(f.toks) && f.toks[i].kind == tPunct && f.toks[i].p == p
}

// adj reports whether token i touches the token before it.
func (f *finder) adj(i int) bool { return i > 0 && i < len(f.toks) && f.toks[i].gap == 0 }

// free reports whether token i may be absorbed into a new expression.
func (f *finder) free(i int) bool { return i >= f.last && i < len(f.toks) }

// upper reports whether token i is a capitalised word.
func (f *finder) upper(i int) bool { return i >= 0 && i < len(f.toks) && f.toks[i].upper }

func (f *finder) num(i int) (n, nd int, ok bool) {
	if i < 0 || i >= len(f.toks) || f.toks[i].kind != tNum {
		return 0, 0, false
	}
	return f.toks[i].n, f.toks[i].nd, true
}

// isYear reports whether token i is a four-digit year.
func (f *finder) isYear(i int) bool {
	n, nd, ok := f.num(i)
	return ok && nd == 4 && n >= 1000 && n < 3000 && !f.punct(i+1, '%')
}

// isDay reports whether token i is a day of the month.
func (f *finder) isDay(i int) bool {
	n, nd, ok := f.num(i)
	if !ok || nd == 0 || nd > 2 || n < 1 || n > 31 {
		return false
	}
	if f.adj(i+1) && (f.punct(i+1, '%') || (f.punct(i+1, ':') || f.punct(i+1, '-')) && f.adj(i+2) && f.toks[i+2].kind == tNum) {
		return false
	}
	return true
}

// skipSuffix skips an ordinal suffix ("th") touching token i-1.
func (f *finder) skipSuffix(i int) int {
	if f.adj(i) {
		if e := f.word(i); e != nil && (e.word == "st" || e.word == "nd" || e.word == "rd" || e.word == "th") {
			return i + 1
		}
	}
	return i
}

// future reports whether the clause before token i speaks of the future.
func (f *finder) future(i int) bool {
	for j, k := i-1, 0; j >= 0 && k < 12; j, k = j-1, k+1 {
		t := &f.toks[j]
		if t.kind == tPunct && (t.p == '.' || t.p == '?' || t.p == '!' || t.p == ';') {
			return false
		}
		if t.w != nil && t.w.cls == cFuture && (t.w.val == 0 || f.is(j+1, "to")) {
			return true
		}
		if t.gap == 2 {
			return false
		}
	}
	return false
}

// match tries every expression that can be anchored at token i.
func (f *finder) match(i int) (match, bool) {
	t := &f.toks[i]
	switch t.kind {
	case tNum:
		if f.isYear(i) {
			return f.yearAt(i)
		}
		if m, ok := f.dayFirst(i); ok {
			return m, ok
		}
		if m, ok := f.ordinalAt(i); ok {
			return m, ok
		}
		return f.durationAt(i)
	case tWord:
		if t.w == nil {
			return match{}, false
		}
		switch t.w.cls {
		case cMonth:
			return f.monthAt(i, i, 0)
		case cWeekday:
			return f.weekdayAt(i)
		case cNumber:
			return f.durationAt(i)
		case cOrdinal:
			return f.ordinalAt(i)
		case cUnit:
			return f.unitAt(i)
		case cSeason:
			return f.seasonAt(i)
		case cRel:
			return f.relAt(i)
		case cPart:
			return f.partAt(i)
		case cMod:
			if t.w.val == mCurrent && !t.upper {
				return f.currentAt(i)
			}
		case cWord:
			if t.w.word == "christmas" || t.w.word == "new" {
				return f.holidayAt(i)
			}
		}
	}
	return match{}, false
}
