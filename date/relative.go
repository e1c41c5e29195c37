package date

import "strconv"

// number reads a count at token i: "three", "twenty-five", "48", "a",
// "a few", "several". It returns the token after it, the count as written
// in a duration ("3", "1.5", "X") and whether it is the article "a"/"an".
func (f *finder) number(i int) (next int, count string, article, ok bool) {
	if i < 0 || i >= len(f.toks) {
		return 0, "", false, false
	}
	t := &f.toks[i]
	if t.kind == tNum {
		if t.nd == 0 {
			s := f.text[t.s:t.e]
			b := make([]byte, 0, len(s))
			for k := 0; k < len(s); k++ {
				if s[k] != ',' {
					b = append(b, s[k])
				}
			}
			return i + 1, string(b), false, true
		}
		return i + 1, strconv.Itoa(t.n), false, true
	}
	e := t.w
	if e == nil || e.cls != cNumber {
		return 0, "", false, false
	}
	j := i + 1
	switch {
	case e.word == "a" || e.word == "an":
		switch {
		case f.is(j, "few"):
			return j + 1, "X", false, true
		case f.is(j, "couple") && f.is(j+1, "of"):
			return j + 2, "2", false, true
		case f.is(j, "dozen"):
			return j + 1, "12", false, true
		}
		return j, "1", true, true
	case e.word == "couple":
		if f.is(j, "of") {
			j++
		}
		return j, "2", false, true
	case e.approx:
		return j, "X", false, true
	}
	n := e.val
	if n >= 20 && f.punct(j, '-') && f.adj(j) && f.adj(j+1) {
		if e2 := f.word(j + 1); e2 != nil && e2.cls == cNumber && !e2.approx && e2.val >= 1 && e2.val <= 9 && e2.word != "a" && e2.word != "an" {
			n += e2.val
			j += 2
		}
	}
	if f.is(j, "hundred") {
		n *= 100
		j++
	} else if f.is(j, "thousand") {
		n *= 1000
		j++
	}
	return j, strconv.Itoa(n), false, true
}

// durationAt reads a count and a unit: "three years", "48 hours",
// "two-year", "a decade", and, with "ago", a date: "two days ago".
func (f *finder) durationAt(i int) (match, bool) {
	j, count, article, ok := f.number(i)
	if !ok {
		return match{}, false
	}
	// Years written out: "nineteen ninety-six", "the year two thousand".
	if y, k, ok := f.spelledYear(i); ok && (count != "2000" || f.is(i-1, "year")) {
		start, _ := f.widen(i)
		if f.is(i-1, "year") && f.free(i-1) {
			start = i - 1
			if f.free(i-2) && f.is(i-2, "the") {
				start--
			}
		}
		return match{start, k, strconv.Itoa(y)}, true
	}
	hyphen := false
	if f.punct(j, '-') && f.adj(j) && f.adj(j+1) {
		hyphen = true
		j++
	} else if e := f.word(j); e != nil && !article {
		switch e.word {
		case "trading", "business", "working", "calendar", "straight", "consecutive", "full":
			j++
		}
	}
	e := f.word(j)
	if e == nil || e.cls != cUnit || e.val == uWeekend || e.val == uHalf {
		return match{}, false
	}
	switch {
	case hyphen && e.plural, article && e.plural, count == "1" && e.plural && !hyphen:
		return match{}, false
	case count != "1" && count != "X" && !e.plural && !hyphen:
		return match{}, false
	}
	unit := e.val
	// "a year" after a number or "times": a rate, not a duration.
	if article || count == "X" {
		if p := i - 1; p >= 0 {
			t := &f.toks[p]
			if t.kind == tNum || t.kind == tPunct && t.p == '%' || t.w != nil && (t.w.word == "times" || t.w.word == "once" ||
				t.w.word == "twice" || t.w.word == "percent" || t.w.word == "million" || t.w.word == "billion") {
				return match{}, false
			}
			if article && t.kind == tWord && (t.w == nil && !t.upper && plural(f.text[t.s:t.e]) || t.w != nil && t.w.cls == cUnit) {
				return match{}, false // "four flights a week"
			}
		}
	}
	if f.is(i-1, "per") || f.is(i-1, "every") || f.is(i-1, "each") {
		return match{}, false
	}
	end := j + 1
	if f.is(end, "old") || f.punct(end, '-') && f.adj(end) && f.is(end+1, "old") {
		return match{}, false // an age: "52 years old", "a 6-year-old boy"
	}
	if f.punct(end, '-') && f.adj(end) && f.adj(end+1) && f.is(end+1, "long") {
		end += 2
	}
	if (f.is(end, "a") || f.is(end, "per") || f.is(end, "each")) && f.cls(end+1, cUnit) {
		return match{}, false // a rate: "24 hours a day"
	}
	if unit == uQuarter && f.is(end, "of") {
		return match{}, false // a fraction: "a quarter of the city"
	}
	start := i
	if !hyphen || !f.is(i-1, "the") {
		start = f.widenDuration(i)
	}
	// Dates counted from publication.
	dir := 0
	switch {
	case f.is(end, "ago"), f.is(end, "earlier") && !hyphen && !f.cls(end+1, cMod):
		dir, end = -1, end+1
	case f.is(end, "from") && f.is(end+1, "now"), f.is(end, "hence"):
		dir = 1
		end++
		if f.is(end, "now") {
			end++
		}
	}
	if dir == 0 {
		return match{start, end, durationValue(count, unit)}, true
	}
	if count == "X" {
		if dir < 0 {
			return match{start, end, "PAST_REF"}, true
		}
		return match{start, end, "FUTURE_REF"}, true
	}
	n, err := strconv.Atoi(count)
	if err != nil || !f.known {
		return match{start, end, ""}, true
	}
	return match{start, end, f.back(dir*n, unit)}, true
}

// widenDuration looks left of a count for "the past", "the next", "the
// first", "about", "more than", "at least".
func (f *finder) widenDuration(i int) int {
	start := i
	if f.free(start - 1) {
		e := f.word(start - 1)
		switch {
		case e == nil:
		case e.cls == cMod && (e.val == mPast || e.val == mLast || e.val == mNext || e.val == mComing ||
			e.val == mPrevious || e.val == mFollowing):
			start--
		case e.cls == cOrdinal && e.val == 1:
			start--
		case e.word == "the":
			start--
		}
		if start < i && !f.is(start, "the") && f.free(start-1) && f.is(start-1, "the") {
			start--
		}
	}
	if start == i && f.free(start-1) {
		if e := f.word(start - 1); e != nil && e.cls == cQual {
			switch e.word {
			case "than":
				if f.free(start-2) && (f.is(start-2, "more") || f.is(start-2, "less") || f.is(start-2, "fewer")) {
					start -= 2
				}
			case "least":
				if f.free(start-2) && f.is(start-2, "at") {
					start -= 2
				}
			default:
				start--
			}
		}
	}
	return start
}

// unitAt reads a unit without a count: "last week", "this year", "the
// past month", "recent weeks", "year-ago".
func (f *finder) unitAt(i int) (match, bool) {
	e := f.toks[i].w
	unit := e.val
	// year-ago, year-earlier
	if !e.plural && f.punct(i+1, '-') && f.adj(i+1) && f.adj(i+2) && (f.is(i+2, "ago") || f.is(i+2, "earlier")) {
		start := i
		if f.free(i-1) && f.is(i-1, "the") {
			start--
		}
		end := i + 3
		if unit == uYear && f.is(end, "quarter") {
			if !f.known {
				return match{start, end + 1, ""}, true
			}
			return match{start, end + 1, quarterOf(addMonths(f.pub, -15))}, true
		}
		if unit == uYear && f.is(end, "period") {
			end++
		}
		if unit == uYear {
			if k, count, _, ok := f.number(end); ok && count != "1" && f.cls(k, cUnit) && f.word(k).plural && f.word(k).val < uYear {
				return match{start, k + 1, durationValue(count, f.word(k).val)}, true
			}
		}
		if !f.known {
			return match{start, end, ""}, true
		}
		return match{start, end, f.back(-1, unit)}, true
	}
	if e.plural {
		if unit == uWeekend || unit == uHalf || unit == uSecond {
			return match{}, false
		}
		// these days, recent weeks, coming months, for years
		switch m := f.mod(i - 1); {
		case !f.free(i - 1):
		case m == mThese && unit == uDay:
			return match{i - 1, i + 1, "PRESENT_REF"}, true
		case m == mRecent || m == mComing || m == mPast || m == mLast || m == mNext:
			start := i - 1
			if f.free(start-1) && f.is(start-1, "the") {
				start--
			}
			return match{start, i + 1, durationValue("X", unit)}, true
		case f.is(i-1, "for") && unit >= uDay:
			return match{i, i + 1, durationValue("X", unit)}, true
		}
		return match{}, false
	}
	if !f.free(i - 1) {
		return match{}, false
	}
	if f.is(i-1, "the") && (unit == uQuarter || unit == uWeekend) {
		// "the quarter" of a company report is the last one ended.
		if !f.known {
			return match{i - 1, i + 1, ""}, true
		}
		if unit == uQuarter {
			return match{i - 1, i + 1, quarterOf(addMonths(f.pub, -3))}, true
		}
		return match{i - 1, i + 1, weekOf(f.pub) + "-WE"}, true
	}
	switch rel := f.mod(i - 1); rel {
	case mThis, mLast, mNext, mPast, mComing, mPrevious, mFollowing, mLatest, mCurrent:
	default:
		return match{}, false
	}
	start, rel := f.widen(i)
	end := i + 1
	step := 0
	switch rel {
	case mLast, mPast, mPrevious:
		step = -1
	case mNext, mComing, mFollowing:
		step = 1
	case mLatest:
		if unit != uQuarter {
			return match{}, false
		}
		step = -1
	}
	if unit == uDay || unit == uHalf || unit <= uHour {
		return match{}, false
	}
	if (unit == uDecade || unit == uCentury) && step != 0 {
		return match{start, end, durationValue("1", unit)}, true
	}
	if !f.known {
		return match{start, end, ""}, true
	}
	switch unit {
	case uWeek:
		return match{start, end, weekOf(f.pub.AddDate(0, 0, 7*step))}, true
	case uWeekend:
		return match{start, end, weekOf(f.pub.AddDate(0, 0, 7*step)) + "-WE"}, true
	case uMonth:
		return match{start, end, monthOf(addMonths(f.pub, step))}, true
	case uQuarter:
		return match{start, end, quarterOf(addMonths(f.pub, 3*step))}, true
	case uYear:
		return match{start, end, strconv.Itoa(f.pub.Year() + step)}, true
	case uDecade:
		return match{start, end, strconv.Itoa(f.pub.Year() / 10)}, true
	case uCentury:
		return match{start, end, strconv.Itoa(f.pub.Year() / 100)}, true
	}
	return match{}, false
}

// relAt reads today, yesterday, tomorrow, tonight, now, recently, soon and
// the future.
func (f *finder) relAt(i int) (match, bool) {
	e := f.toks[i].w
	start, end := i, i+1
	if f.free(i - 1) {
		switch f.mod(i - 1) {
		case mEarly, mLate, mEarlier, mLater:
			start--
		}
	}
	day := func(n int) (match, bool) {
		if f.cls(end, cPart) {
			end++
		}
		if !f.known {
			return match{start, end, ""}, true
		}
		return match{start, end, dayOf(f.pub.AddDate(0, 0, n))}, true
	}
	switch e.val {
	case rToday, rTonight:
		return day(0)
	case rYesterday:
		return day(-1)
	case rTomorrow:
		return day(1)
	case rNow:
		if e.word == "now" && (f.is(i+1, "that") || f.punct(i-1, '-')) {
			return match{}, false
		}
		start = i
		if f.free(i-1) && f.is(i-1, "right") {
			start = i - 1
		}
		return match{start, end, "PRESENT_REF"}, true
	case rRecent:
		return match{i, end, "PAST_REF"}, true
	case rSoon:
		if f.is(i-1, "as") || f.is(i+1, "as") || f.is(i+1, "after") {
			return match{}, false
		}
		return match{i, end, "FUTURE_REF"}, true
	case rFuture:
		p := f.word(i - 1)
		if p == nil || p.word != "the" && p.word != "near" && p.word != "foreseeable" {
			if f.toks[i].upper || f.free(i-1) && f.toks[i-1].kind == tWord && f.toks[i-1].w == nil && !f.toks[i-1].upper && !f.cls(i-1, cPrep) {
				return match{}, false
			}
			return match{i, end, "FUTURE_REF"}, true // "future losses"
		}
		start = i - 1
		if p.word != "the" && f.is(start-1, "the") {
			start--
		}
		if !f.free(start) {
			return match{}, false
		}
		return match{start, end, "FUTURE_REF"}, true
	}
	return match{}, false
}

// partAt reads "this morning", "last night".
func (f *finder) partAt(i int) (match, bool) {
	if !f.free(i - 1) {
		return match{}, false
	}
	n := 0
	switch f.mod(i - 1) {
	case mThis:
	case mLast:
		if f.toks[i].w.val != 4 { // only "last night" is the day before
			return match{}, false
		}
		n = -1
	default:
		return match{}, false
	}
	if !f.known {
		return match{i - 1, i + 1, ""}, true
	}
	return match{i - 1, i + 1, dayOf(f.pub.AddDate(0, 0, n))}, true
}

// plural guesses whether a lower-case word is a plural noun ("flights"),
// the usual word before a rate such as "a week".
func plural(w string) bool {
	switch w {
	case "people", "men", "women", "children", "police", "personnel", "cattle", "feet":
		return true
	}
	if len(w) < 4 || w[len(w)-1] != 's' {
		return false
	}
	switch w[len(w)-2] {
	case 's', 'u', 'i':
		return false
	}
	switch w {
	case "was", "has", "does", "goes", "lasts", "takes", "spends", "needs", "gets", "perhaps", "whereas":
		return false
	}
	return true
}

// currentAt reads "current" standing for the present ("the current
// crisis"); "current account" and "the current quarter" are not that.
func (f *finder) currentAt(i int) (match, bool) {
	n := f.word(i + 1)
	if n != nil && (n.cls == cUnit || n.cls == cSeason || n.cls == cMonth) {
		return match{}, false
	}
	if n != nil && (n.word == "account" || n.word == "accounts") || f.toks[min(i+1, len(f.toks)-1)].kind != tWord {
		return match{}, false
	}
	return match{i, i + 1, "PRESENT_REF"}, true
}
