package date

import (
	"strconv"
	"time"
)

func pad(n, w int) string {
	s := strconv.Itoa(n)
	for len(s) < w {
		s = "0" + s
	}
	return s
}

func ymd(y, m, d int) string {
	if y <= 0 {
		return "XXXX-" + pad(m, 2) + "-" + pad(d, 2)
	}
	return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
}

func ym(y, m int) string {
	if y <= 0 {
		return "XXXX-" + pad(m, 2)
	}
	return pad(y, 4) + "-" + pad(m, 2)
}

func dayOf(t time.Time) string {
	y, m, d := t.Date()
	return ymd(y, int(m), d)
}

func weekOf(t time.Time) string {
	y, w := t.ISOWeek()
	return pad(y, 4) + "-W" + pad(w, 2)
}

func monthOf(t time.Time) string {
	y, m, _ := t.Date()
	return ym(y, int(m))
}

func quarterOf(t time.Time) string {
	y, m, _ := t.Date()
	return pad(y, 4) + "-Q" + strconv.Itoa((int(m)+2)/3)
}

// addMonths moves t by n calendar months, from the first of its month.
func addMonths(t time.Time, n int) time.Time {
	y, m, _ := t.Date()
	return time.Date(y, m+time.Month(n), 1, 12, 0, 0, 0, time.UTC)
}

var unitLetter = [...]string{uSecond: "S", uMinute: "M", uHour: "H", uDay: "D", uWeek: "W",
	uMonth: "M", uQuarter: "Q", uYear: "Y", uDecade: "E", uCentury: "C"}

// durationValue writes count units as an ISO 8601 duration; count "X" is an
// unknown number.
func durationValue(count string, unit int) string {
	if count != "X" && (unit == uDecade || unit == uCentury) {
		if n, err := strconv.Atoi(count); err == nil {
			if unit == uDecade {
				return "P" + strconv.Itoa(10*n) + "Y"
			}
			return "P" + strconv.Itoa(100*n) + "Y"
		}
	}
	if unit <= uHour {
		return "PT" + count + unitLetter[unit]
	}
	return "P" + count + unitLetter[unit]
}

// soon is how far after publication a date written without its year may
// lie before it is taken for the year before: news reports the past, and
// announces little more than a couple of months ahead unless its verbs say so.
const soon = 75 * 24 * time.Hour

// yearOf picks the year of a month (and day, or 1) written without one: the
// latest year that does not put it more than soon after publication, or, in
// a future context, the first year that puts it no earlier than a month
// before publication.
func (f *finder) yearOf(m, d int, fut bool) int {
	y := f.pub.Year()
	at := func(y int) time.Time { return time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC) }
	if fut {
		if at(y).Before(f.pub.AddDate(0, -1, 0)) {
			y++
		}
		return y
	}
	limit := f.pub.Add(soon)
	for y = f.pub.Year() + 1; at(y).After(limit); y-- {
	}
	return y
}

// resolveMD values a day and month written without a year.
func (f *finder) resolveMD(m, d int, fut bool) string {
	if !f.known {
		return ymd(0, m, d)
	}
	return ymd(f.yearOf(m, d, fut), m, d)
}

// back values the date n units from publication (n < 0: before it).
func (f *finder) back(n, unit int) string {
	switch unit {
	case uSecond, uMinute, uHour:
		return dayOf(f.pub)
	case uDay:
		return dayOf(f.pub.AddDate(0, 0, n))
	case uWeek:
		return dayOf(f.pub.AddDate(0, 0, 7*n))
	case uMonth:
		return monthOf(addMonths(f.pub, n))
	case uQuarter:
		return quarterOf(addMonths(f.pub, 3*n))
	case uDecade:
		return strconv.Itoa(f.pub.Year() + 10*n)
	case uCentury:
		return strconv.Itoa(f.pub.Year() + 100*n)
	}
	return strconv.Itoa(f.pub.Year() + n)
}
