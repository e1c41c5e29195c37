package date

import (
	"strconv"
	"time"
)

// monthAt reads a month name at token i: "September", "Sept. 5", "September
// 5, 2017", "September 2017". start is where the expression began (before a
// day written first) and day the day so read, or 0.
func (f *finder) monthAt(start, i, day int) (match, bool) {
	e := f.toks[i].w
	mon := e.val
	lower := !f.toks[i].upper
	if lower && (e.word == "may" || e.word == "march") {
		return match{}, false
	}
	j := i + 1
	if e.abbr && f.punct(j, '.') && f.adj(j) {
		j++
	}
	if day == 0 && f.isDay(j) && !f.isYear(j) {
		k := f.skipSuffix(j + 1)
		d := f.toks[j].n
		switch {
		case f.punct(k, ',') && f.isYear(k+1):
			return match{start, k + 2, ymd(f.toks[k+1].n, mon, d)}, true
		case f.isYear(k) && k == j+1:
			return match{start, k + 1, ymd(f.toks[k].n, mon, d)}, true
		case (f.mod(k) == mThis || f.mod(k) == mNext || f.mod(k) == mLast) && f.is(k+1, "year"):
			return f.monthAt(start, i, d)
		}
		return f.widenDate(start, k, func(int) string { return f.resolveMD(mon, d, f.future(start)) })
	}
	switch {
	case f.isYear(j):
		if day > 0 {
			return match{start, j + 1, ymd(f.toks[j].n, mon, day)}, true
		}
		return f.widenDate(start, j+1, func(int) string { return ym(f.toks[j].n, mon) })
	case f.punct(j, ',') && f.isYear(j+1) && day > 0:
		return match{start, j + 2, ymd(f.toks[j+1].n, mon, day)}, true
	case f.is(j, "of") && f.isYear(j+1):
		return f.widenDate(start, j+2, func(int) string { return ym(f.toks[j+1].n, mon) })
	}
	// "April next year", "May 5 last year"
	if m := f.mod(j); (m == mThis || m == mNext || m == mLast) && f.is(j+1, "year") {
		if !f.known {
			return match{start, j + 2, ""}, true
		}
		y := f.pub.Year() + map[int]int{mThis: 0, mNext: 1, mLast: -1}[m]
		if day > 0 {
			return match{start, j + 2, ymd(y, mon, day)}, true
		}
		return f.widenDate(start, j+2, func(int) string { return ym(y, mon) })
	}
	if y, k, ok := f.spelledYear(j); ok {
		if day > 0 {
			return match{start, k, ymd(y, mon, day)}, true
		}
		return f.widenDate(start, k, func(int) string { return ym(y, mon) })
	}
	if day > 0 {
		return match{start, j, f.resolveMD(mon, day, f.future(start))}, true
	}
	// A month alone.
	if lower || e.abbr {
		return match{}, false
	}
	prev := f.word(i - 1)
	introduced := prev != nil && (prev.cls == cPrep || prev.cls == cMod) ||
		f.punct(i-1, '-') && f.is(i-2, "mid")
	if e.word == "may" && !introduced {
		return match{}, false
	}
	if f.upper(i + 1) {
		if n := f.word(i + 1); n == nil || n.cls != cMonth && n.cls != cWeekday {
			return match{}, false // a name: "June Carter", "April Fools"
		}
	}
	return f.widenDate(start, j, func(rel int) string {
		if !f.known {
			return ym(0, mon)
		}
		y, pm := f.pub.Year(), int(f.pub.Month())
		switch rel {
		case mThis, mCurrent:
		case mLast, mPast, mPrevious:
			if mon >= pm {
				y--
			}
		case mNext, mComing, mFollowing:
			if mon <= pm {
				y++
			}
		default:
			y = f.yearOf(mon, 1, f.future(start))
			if f.future(start) && mon == pm {
				y = f.pub.Year()
			}
		}
		return ym(y, mon)
	})
}

// widenDate extends a date that begins at token i and ends before token end
// leftwards over "last", "this", "early", "the end of" and the like, and
// values it with val, given the relative modifier found (0 when none).
func (f *finder) widenDate(i, end int, val func(rel int) string) (match, bool) {
	start, rel := f.widen(i)
	return match{start, end, val(rel)}, true
}

// widen looks left of token i for the modifiers a date may take and returns
// the new start and the relative modifier (this, last, next ...), if any.
func (f *finder) widen(i int) (start, rel int) {
	start = i
	// "last", "this", "next", "the previous"
	if f.free(start - 1) {
		switch m := f.mod(start - 1); m {
		case mThis, mLast, mNext, mPast, mComing, mPrevious, mFollowing, mLatest, mCurrent:
			rel = m
			start--
			if f.free(start-1) && f.is(start-1, "the") {
				start--
			}
		}
	}
	// "early", "late", "mid-", "earlier", "later"
	switch {
	case f.free(start-1) && f.mod(start-1) != 0:
		switch f.mod(start - 1) {
		case mEarly, mLate, mMid, mEarlier, mLater:
			start--
		}
	case f.free(start-2) && f.punct(start-1, '-') && f.adj(start-1) && f.adj(start) && f.mod(start-2) == mMid:
		start -= 2
	}
	// "the end of", "the middle of", "the beginning of"
	if f.free(start-2) && f.is(start-1, "of") {
		if e := f.word(start - 2); e != nil && (e.word == "end" || e.word == "beginning" || e.word == "start" || e.word == "middle") {
			start -= 2
			if f.free(start-1) && f.is(start-1, "the") {
				start--
			}
		}
	}
	return start, rel
}

// dayFirst reads a date that starts with its day number: "5 September 2017",
// "the 5th of September", "09/05/2017".
func (f *finder) dayFirst(i int) (match, bool) {
	n, nd, _ := f.num(i)
	if nd >= 1 && nd <= 2 && n >= 1 && n <= 31 && f.adj(i+1) {
		for _, sep := range []byte{'/', '-', '.'} {
			if f.punct(i+1, sep) {
				if m, ok := f.numericDate(i, sep); ok {
					return m, true
				}
			}
		}
	}
	if !f.isDay(i) {
		return match{}, false
	}
	j := f.skipSuffix(i + 1)
	suffix := j > i+1
	if suffix && f.is(j, "of") {
		j++
	}
	e := f.word(j)
	if e == nil || e.cls != cMonth || !f.toks[j].upper {
		return match{}, false
	}
	start := i
	if suffix && f.free(i-1) && f.is(i-1, "the") {
		start = i - 1
	}
	return f.monthAt(start, j, n)
}

// numericDate reads "09/05/2017" in US order, and "05-09-2017" or
// "05.09.2017" day first, as Europe and the Middle East write them; either
// way round when only one order makes a date.
func (f *finder) numericDate(i int, sep byte) (match, bool) {
	a := f.toks[i].n
	b, nd, ok := f.num(i + 2)
	if !ok || nd < 1 || nd > 2 || !f.adj(i+2) || !f.punct(i+3, sep) || !f.adj(i+3) || !f.isYear(i+4) || !f.adj(i+4) {
		return match{}, false
	}
	m, d := a, b
	if sep != '/' {
		m, d = b, a
	}
	if m > 12 {
		m, d = d, m
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return match{}, false
	}
	return match{i, i + 5, ymd(f.toks[i+4].n, m, d)}, true
}

// yearAt reads a four-digit number as a year, a decade ("1990s") or an ISO
// date ("2017-09-05").
func (f *finder) yearAt(i int) (match, bool) {
	y := f.toks[i].n
	// 2017-09-05
	if f.punct(i+1, '-') && f.adj(i+1) && f.adj(i+2) && f.punct(i+3, '-') && f.adj(i+3) && f.adj(i+4) {
		m, nd1, ok1 := f.num(i + 2)
		d, nd2, ok2 := f.num(i + 4)
		if ok1 && ok2 && nd1 == 2 && nd2 == 2 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			return match{i, i + 5, ymd(y, m, d)}, true
		}
	}
	// the 1988 second quarter
	if !f.adj(i + 1) {
		if m, ok := f.ordinalAt(i + 1); ok && m.start == i+1 && len(m.value) >= 3 {
			m.start = i
			if f.free(i-1) && f.is(i-1, "the") {
				m.start = i - 1
			}
			m.value = pad(y, 4) + m.value[len(m.value)-3:]
			return m, true
		}
	}
	// 1990s, 1990's
	end := 0
	if f.adj(i+1) && f.is(i+1, "s") {
		end = i + 2
	} else if f.adj(i+1) && f.punct(i+1, '\'') && f.adj(i+2) && f.is(i+2, "s") {
		end = i + 3
	}
	if end > 0 {
		if y%10 != 0 {
			return match{}, false
		}
		start, _ := f.widen(i)
		if start == i && f.free(i-1) && f.is(i-1, "the") {
			start = i - 1
		}
		return match{start, end, strconv.Itoa(y / 10)}, true
	}
	// A plain year.
	if prev := i - 1; prev >= 0 {
		t := &f.toks[prev]
		if t.kind == tPunct && (t.p == '$' || t.p == '#' || t.p == '~' && f.adj(i)) {
			return match{}, false
		}
		if t.kind == tNum || t.w != nil && (t.w.word == "million" || t.w.word == "billion") {
			return match{}, false
		}
	}
	if f.is(i+1, "percent") || f.punct(i+1, ':') || f.cls(i+1, cUnit) || f.is(i+1, "million") || f.is(i+1, "billion") {
		return match{}, false
	}
	if n := i + 1; n < len(f.toks) && f.toks[n].kind == tWord && f.toks[n].w == nil && !f.toks[n].upper &&
		plural(f.text[f.toks[n].s:f.toks[n].e]) && !strongPrep(f.word(i-1)) {
		return match{}, false // "1990 people"
	}
	if y < 1900 || y > 2099 {
		if !f.cls(i-1, cPrep) {
			return match{}, false
		}
	}
	if f.cls(i-1, cQual) {
		return match{}, false // "nearly 2000 air raids"
	}
	if f.known && y > f.pub.Year()+1 && !f.cls(i-1, cPrep) {
		return match{}, false // "updated 2042": a time, not a year to come
	}
	start, _ := f.widen(i)
	return match{start, i + 1, strconv.Itoa(y)}, true
}

// weekdayAt reads a weekday: "Tuesday", "last Tuesday", "Tuesday night",
// "Tuesday, Sept. 5".
func (f *finder) weekdayAt(i int) (match, bool) {
	t := &f.toks[i]
	wd := t.w.val
	prev := f.word(i - 1)
	if !t.upper && (prev == nil || prev.cls != cPrep && prev.cls != cMod) {
		return match{}, false
	}
	j := i + 1
	if f.upper(j) && (f.is(i-1, "the") || newspaper[f.text[f.toks[j].s:f.toks[j].e]]) {
		return match{}, false // "the Sunday Times", "Sunday Telegraph"
	}
	// Tuesday, Sept. 5
	k := j
	if f.punct(k, ',') || f.punct(k, '(') {
		k++
	}
	if f.cls(k, cMonth) {
		if m, ok := f.monthAt(k, k, 0); ok && m.end > k+1 && len(m.value) == 10 {
			m.start, _ = f.widen(i)
			if f.punct(m.end, ')') && f.punct(j, '(') {
				m.end++
			}
			return m, true
		}
	}
	if f.isDay(k) {
		if m, ok := f.dayFirst(k); ok {
			m.start, _ = f.widen(i)
			return m, true
		}
	}
	if f.cls(j, cPart) {
		j++
	}
	return f.widenDate(i, j, func(rel int) string {
		if !f.known {
			return ""
		}
		pw := int(f.pub.Weekday())
		back := (pw - wd + 7) % 7
		ahead := (wd - pw + 7) % 7
		var delta int
		switch rel {
		case mLast, mPrevious, mPast:
			delta = -back
			if delta == 0 {
				delta = -7
			}
		case mNext, mFollowing, mComing:
			delta = ahead
			if delta == 0 {
				delta = 7
			}
		case mThis:
			delta = (wd+6)%7 - (pw+6)%7 // within the ISO week
		default:
			if f.future(i) {
				delta = ahead
			} else {
				delta = -back
			}
		}
		return dayOf(f.pub.AddDate(0, 0, delta))
	})
}

// ordinalAt reads a quarter or half: "the third quarter", "third-quarter",
// "the first half of 2016".
func (f *finder) ordinalAt(i int) (match, bool) {
	var q int
	j := i + 1
	switch {
	case f.cls(i, cOrdinal):
		q = f.toks[i].w.val
	case f.isDay(i):
		k := f.skipSuffix(i + 1)
		if k == i+1 {
			return match{}, false
		}
		q, j = f.toks[i].n, k
	default:
		return match{}, false
	}
	if f.punct(j, '-') && f.adj(j) && f.adj(j+1) {
		j++
	}
	e := f.word(j)
	if e == nil || e.cls != cUnit || e.plural || (e.val != uQuarter && e.val != uHalf) {
		return match{}, false
	}
	letter, per := "Q", 4
	if e.val == uHalf {
		letter, per = "H", 2
	}
	if q < 1 || q > per {
		return match{}, false
	}
	end := j + 1
	y := 0
	if (f.is(end, "of") || f.punct(end, ',')) && f.isYear(end+1) {
		y, end = f.toks[end+1].n, end+2
	}
	start := i
	if f.free(start-1) && f.is(start-1, "fiscal") {
		start--
	}
	if f.free(start-1) && f.is(start-1, "the") {
		start--
	}
	if y == 0 {
		if !f.known {
			return match{start, end, ""}, true
		}
		y = f.pub.Year()
		cur := (int(f.pub.Month())-1)/(12/per) + 1
		if q > cur && !f.future(start) {
			y--
		}
	}
	return match{start, end, pad(y, 4) + "-" + letter + strconv.Itoa(q)}, true
}

// newspaper holds the words that make a weekday the name of a paper.
var newspaper = map[string]bool{"Times": true, "Telegraph": true, "Express": true, "Mirror": true,
	"Post": true, "Herald": true, "Independent": true, "Observer": true, "Mail": true, "Star": true,
	"Sun": true, "Tribune": true, "Journal": true, "People": true, "Sport": true, "Business": true,
	"Age": true, "Record": true, "Review": true}

// spelledYear reads a year written in words at token i: "nineteen
// ninety-six", "two thousand", "two thousand and one".
func (f *finder) spelledYear(i int) (y, end int, ok bool) {
	e := f.word(i)
	if e == nil || e.cls != cNumber || e.approx {
		return 0, 0, false
	}
	j, c, _, ok := f.number(i)
	if !ok {
		return 0, 0, false
	}
	n, _ := strconv.Atoi(c)
	switch {
	case n == 19 || n == 18 || n == 20 && !f.is(j, "thousand"):
		k, c2, _, ok := f.number(j)
		if !ok || !f.cls(j, cNumber) {
			return 0, 0, false
		}
		n2, _ := strconv.Atoi(c2)
		if n2 < 10 || n2 > 99 {
			return 0, 0, false
		}
		return n*100 + n2, k, true
	case n == 2000:
		if f.is(j, "and") && f.cls(j+1, cNumber) {
			if k, c2, _, ok := f.number(j + 1); ok {
				if n2, _ := strconv.Atoi(c2); n2 >= 1 && n2 < 100 {
					return 2000 + n2, k, true
				}
			}
		}
		return 2000, j, true
	}
	return 0, 0, false
}

var seasonCode = [...]string{"SP", "SU", "FA", "WI"}

// seasonAt reads "this summer", "last winter", "the summer of 2016".
func (f *finder) seasonAt(i int) (match, bool) {
	s := f.toks[i].w.val
	if f.is(i+1, "of") {
		y, end, ok := 0, 0, false
		if f.isYear(i + 2) {
			y, end, ok = f.toks[i+2].n, i+3, true
		} else {
			y, end, ok = f.spelledYear(i + 2)
		}
		if ok {
			start := i
			if f.free(i-1) && f.is(i-1, "the") {
				start--
			}
			return match{start, end, strconv.Itoa(y) + "-" + seasonCode[s]}, true
		}
	}
	start, rel := f.widen(i)
	if rel == 0 || rel == mLatest {
		return match{}, false
	}
	if !f.known {
		return match{start, i + 1, ""}, true
	}
	// Seasons start in March, June, September and December; winter belongs
	// to the year it starts in.
	first := time.Month(3 + 3*s)
	startOf := func(y int) time.Time { return time.Date(y, first, 1, 12, 0, 0, 0, time.UTC) }
	y := f.pub.Year()
	if s == 3 && f.pub.Month() < 3 {
		y-- // January and February are in last year's winter
	}
	switch rel {
	case mLast, mPast, mPrevious:
		// The most recent season of that name that has ended.
		for y = f.pub.Year(); !startOf(y).AddDate(0, 3, 0).Before(f.pub); y-- {
		}
	case mNext, mComing, mFollowing:
		for y = f.pub.Year() - 1; !startOf(y).After(f.pub); y++ {
		}
	}
	return match{start, i + 1, strconv.Itoa(y) + "-" + seasonCode[s]}, true
}

// holidayAt reads the fixed-date holidays "Christmas", "Christmas Eve",
// "Christmas Day", "New Year's Day" and "New Year's Eve".
func (f *finder) holidayAt(i int) (match, bool) {
	if !f.toks[i].upper {
		return match{}, false
	}
	var m, d, end int
	switch {
	case f.is(i, "christmas"):
		m, d, end = 12, 25, i+1
		if f.is(i+1, "eve") {
			d, end = 24, i+2
		} else if f.is(i+1, "day") {
			end = i + 2
		}
	case f.is(i+1, "year") && f.upper(i+1) && f.punct(i+2, '\'') && f.is(i+3, "s") && f.upper(i+4):
		switch {
		case f.is(i+4, "day"):
			m, d, end = 1, 1, i+5
		case f.is(i+4, "eve"):
			m, d, end = 12, 31, i+5
		default:
			return match{}, false
		}
	default:
		return match{}, false
	}
	if f.isYear(end) {
		return match{i, end + 1, ymd(f.toks[end].n, m, d)}, true
	}
	return match{i, end, f.resolveMD(m, d, f.future(i))}, true
}

// strongPrep reports whether e is a preposition that makes the number after
// it a year: "in 1990 troops".
func strongPrep(e *entry) bool {
	if e == nil {
		return false
	}
	switch e.word {
	case "in", "since", "of", "from", "until", "till", "by", "during", "before", "after", "through", "throughout":
		return true
	}
	return false
}
