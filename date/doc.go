// Package date owns temporal expressions: it finds dates and durations in
// English news text and normalises them to ISO 8601 values relative to the
// article's publication date, in the manner of TIMEX3 DATE and DURATION.
//
// Find scans the text once into tokens and matches a small grammar at each
// token that can start or anchor an expression (a month, a weekday, a year, a
// number followed by a unit, a word such as "yesterday"), then widens the
// match leftwards over modifiers such as "last", "the past" or "early". No
// regular expression runs over the whole text.
//
// Values follow TIMEX3: "2017-09-05", "2017-09", "2017-W36", "2017", "2017-Q3",
// "2017-SU", "199" (the 1990s), "PRESENT_REF", "PAST_REF", "FUTURE_REF" and
// durations such as "P3Y", "P10D", "PT48H" or "PXY" (an unknown number of
// years). A relative expression gets the empty value when the publication date
// is unknown; a day and month without a year then get "XXXX-09-05".
package date
