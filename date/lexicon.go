package date

// Word classes of the lexicon.
const (
	cNone    uint8 = iota
	cMonth         // val 1..12; abbr set for "Sept", "Oct" ...
	cWeekday       // val 0..6, Sunday = 0 as in time.Weekday
	cNumber        // val is the number; approx set for "several", "few"
	cOrdinal       // val 1..31 ("first" .. "thirty-first" as words)
	cUnit          // val is a unit constant; plural set for "years"
	cPart          // part of a day: morning, afternoon, evening, night
	cSeason        // val 0..3: spring, summer, fall, winter
	cRel           // today, yesterday, now ...; val is a rel constant
	cMod           // this, last, next ...; val is a mod constant
	cQual          // about, nearly ...: widen a duration leftwards
	cFuture        // will, shall, scheduled ...: future context
	cPrep          // in, on, since ...: prepositions that introduce a date
	cWord          // other words the grammar compares by name
)

// Units of duration.
const (
	uSecond = iota + 1
	uMinute
	uHour
	uDay
	uWeek
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
	uWeekend
	uHalf
)

// Relative words.
const (
	rToday = iota + 1
	rYesterday
	rTomorrow
	rTonight
	rNow
	rRecent
	rSoon
	rFuture
	rCurrent
)

// Modifiers placed before a unit, a month, a weekday or a season.
const (
	mThis = iota + 1
	mLast
	mNext
	mPast
	mComing
	mPrevious
	mFollowing
	mLatest
	mCurrent
	mEarly
	mLate
	mMid
	mEarlier
	mLater
	mThese
	mRecent
)

type entry struct {
	word   string // canonical lower-case form
	cls    uint8
	val    int
	abbr   bool // month abbreviation, or unit written short
	plural bool
	approx bool // a number word of unknown value (several, few)
}

// lexicon maps lower-case words to their entry; built once at init from the
// tables below.
var lexicon = map[string]*entry{}

func add(cls uint8, val int, words ...string) {
	for _, w := range words {
		lexicon[w] = &entry{word: w, cls: cls, val: val}
	}
}

func init() {
	months := []string{"january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december"}
	for i, m := range months {
		add(cMonth, i+1, m)
	}
	for w, m := range map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
		"aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		lexicon[w] = &entry{word: w, cls: cMonth, val: m, abbr: true}
	}
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for i, d := range days {
		add(cWeekday, i, d)
	}
	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
		"seventeen", "eighteen", "nineteen", "twenty"}
	for i, n := range nums {
		add(cNumber, i, n)
	}
	for i, n := range []string{"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		add(cNumber, 30+10*i, n)
	}
	add(cNumber, 1, "a", "an")
	add(cNumber, 12, "dozen")
	for _, w := range []string{"several", "few", "many", "couple"} {
		lexicon[w] = &entry{word: w, cls: cNumber, approx: true}
	}
	ords := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
		"eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
		"fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}
	for i, o := range ords {
		add(cOrdinal, i+1, o)
	}
	add(cOrdinal, 30, "thirtieth")
	for _, u := range []struct {
		one, many string
		u         int
	}{
		{"second", "seconds", uSecond}, {"minute", "minutes", uMinute}, {"hour", "hours", uHour},
		{"day", "days", uDay}, {"week", "weeks", uWeek}, {"month", "months", uMonth},
		{"quarter", "quarters", uQuarter}, {"year", "years", uYear}, {"decade", "decades", uDecade},
		{"century", "centuries", uCentury}, {"weekend", "weekends", uWeekend}, {"half", "halves", uHalf},
	} {
		if u.u != uSecond { // "second" is already the ordinal
			add(cUnit, u.u, u.one)
		}
		lexicon[u.many] = &entry{word: u.many, cls: cUnit, val: u.u, plural: true}
	}
	lexicon["hrs"] = &entry{word: "hrs", cls: cUnit, val: uHour, plural: true, abbr: true}
	lexicon["mins"] = &entry{word: "mins", cls: cUnit, val: uMinute, plural: true, abbr: true}
	add(cPart, 1, "morning")
	add(cPart, 2, "afternoon")
	add(cPart, 3, "evening")
	add(cPart, 4, "night")
	add(cSeason, 0, "spring")
	add(cSeason, 1, "summer")
	add(cSeason, 2, "fall", "autumn")
	add(cSeason, 3, "winter")
	add(cRel, rToday, "today")
	add(cRel, rYesterday, "yesterday")
	add(cRel, rTomorrow, "tomorrow")
	add(cRel, rTonight, "tonight")
	add(cRel, rNow, "now", "currently", "nowadays", "presently")
	add(cRel, rRecent, "recently", "lately")
	add(cRel, rSoon, "soon")
	add(cRel, rFuture, "future")
	add(cMod, mThis, "this")
	add(cMod, mLast, "last")
	add(cMod, mNext, "next")
	add(cMod, mPast, "past")
	add(cMod, mComing, "coming", "upcoming")
	add(cMod, mPrevious, "previous", "preceding", "prior")
	add(cMod, mFollowing, "following")
	add(cMod, mLatest, "latest")
	add(cMod, mCurrent, "current")
	add(cMod, mEarly, "early")
	add(cMod, mLate, "late")
	add(cMod, mMid, "mid", "middle")
	add(cMod, mEarlier, "earlier")
	add(cMod, mLater, "later")
	add(cMod, mThese, "these")
	add(cMod, mRecent, "recent")
	add(cQual, 0, "about", "nearly", "almost", "around", "roughly", "approximately",
		"some", "over", "just", "than", "least", "under", "only", "another", "barely")
	add(cFuture, 0, "will", "shall", "ll", "scheduled", "would")
	// These speak of the future only when "to" follows: "expected to".
	add(cFuture, 1, "expected", "plans", "plan", "planned", "planning", "set", "likely",
		"supposed", "going", "intends", "intend", "expects", "expect", "hopes", "hope", "aims")
	add(cPrep, 0, "in", "on", "since", "from", "to", "of", "during", "through", "throughout",
		"after", "between", "and", "until", "till", "by", "before", "at", "for", "into", "as")
	add(cWord, 0, "the", "ago", "old", "long", "s", "st", "nd", "rd", "th", "end", "beginning",
		"start", "more", "less", "fewer", "up", "per", "every", "each", "times", "once",
		"twice", "percent", "hundred", "thousand", "trading", "business", "working", "calendar",
		"straight", "consecutive", "full", "fiscal", "right", "that", "same",
		"those", "ended", "ending", "christmas", "eve", "new", "hence",
		"million", "billion", "other", "account", "accounts", "near", "foreseeable", "period")
}

// lookup returns the lexicon entry of an ASCII word, or nil.
func lookup(w string) *entry {
	if len(w) > 16 {
		return nil
	}
	var buf [16]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return lexicon[string(buf[:len(w)])]
}
