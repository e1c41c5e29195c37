package article

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	isoDate   = regexp.MustCompile(`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T ]\d)`)
	compact   = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:$|T\d)`)
	timeToken = regexp.MustCompile(`^\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[ap]m)?$`)
	zoneToken = regexp.MustCompile(`^(?:[a-z]{1,5}|[+-]\d{2}:?\d{2}|[ap]m|at|z)$`)
)

// months maps lower-case month names and abbreviations to their numbers.
var months = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		months[name] = m
		months[name[:3]] = m
	}
	months["sept"] = time.September
}

var weekdays = map[string]bool{}

func init() {
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		weekdays[name] = true
		weekdays[name[:3]] = true
	}
	for _, w := range []string{"tues", "wednes", "thur", "thurs"} {
		weekdays[w] = true
	}
}

// NormaliseDate turns a publication date written in a common form into
// YYYY-MM-DD: ISO 8601 ("2017-09-05", "2017-09-05T10:00:00Z"), RFC 1123 and
// its relatives ("Tue, 05 Sep 2017 10:00:00 GMT"), and written dates
// ("September 5, 2017", "Sept. 5, 2017", "5 September 2017"). The date is
// kept as written, in its own time zone. Numeric day/month orders such as
// "05/09/2017" are ambiguous and are rejected, as is anything else not
// recognised, with an error wrapping ErrPublished that names the value.
func NormaliseDate(s string) (string, error) {
	v := strings.TrimSpace(s)
	if m := isoDate.FindStringSubmatch(v); m != nil {
		return ymd(s, m[1], m[2], m[3])
	}
	if m := compact.FindStringSubmatch(v); m != nil {
		return ymd(s, m[1], m[2], m[3])
	}
	fields := strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
		return r == ' ' || r == ',' || r == '\t'
	})
	var year, day string
	var month time.Month
	for i, f := range fields {
		word := strings.TrimSuffix(f, ".")
		switch {
		case weekdays[word] && i == 0:
		case months[word] != 0 && month == 0:
			month = months[word]
		case day == "" && year == "" && isDay(word):
			day = strings.TrimRight(word, "stndrh")
		case day != "" && year == "" && len(word) == 4 && allDigits(word):
			year = word
		case year != "" && (timeToken.MatchString(word) || zoneToken.MatchString(word)):
		default:
			return "", fmt.Errorf("%w %q", ErrPublished, s)
		}
	}
	if month == 0 || year == "" || day == "" {
		return "", fmt.Errorf("%w %q", ErrPublished, s)
	}
	return ymd(s, year, strconv.Itoa(int(month)), day)
}

// isDay reports whether w is a day of the month, with or without an ordinal
// suffix ("5", "05", "5th").
func isDay(w string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	n, err := strconv.Atoi(w)
	return err == nil && len(w) <= 2 && n >= 1 && n <= 31
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// ymd checks that year, month and day make a real date and writes it.
func ymd(orig, y, m, d string) (string, error) {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if yi < 1000 || t.Year() != yi || int(t.Month()) != mi || t.Day() != di {
		return "", fmt.Errorf("%w %q: no such day", ErrPublished, orig)
	}
	return t.Format(time.DateOnly), nil
}
