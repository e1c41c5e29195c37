package event

import (
	"strconv"
	"strings"
)

// Tolls reads the number of people killed and wounded that a sentence
// reports ("killed at least 12 people", "15 civilians were wounded",
// "the death toll rose to 70"); 0 when it gives none.
func Tolls(sentence string) (killed, wounded int) {
	words := strings.FieldsFunc(strings.ToLower(sentence), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == ',' || r == '-')
	})
	for i := range words {
		words[i] = strings.Trim(words[i], ",-")
	}
	for i, w := range words {
		var dst *int
		switch w {
		case "killed", "killing", "kills", "dead", "died", "deaths", "death", "toll", "massacred":
			dst = &killed
		case "wounded", "wounding", "injured", "injuring", "injuries", "hurt":
			dst = &wounded
		default:
			continue
		}
		if *dst != 0 {
			continue
		}
		if n := numberAround(words, i); n > 0 {
			*dst = n
		}
	}
	return killed, wounded
}

// numberAround finds the number nearest a toll word: first just after it
// ("killing at least 12"), then before it ("12 people were killed").
func numberAround(words []string, i int) int {
	for j := i + 1; j < len(words) && j <= i+4; j++ {
		if n, ok := number(words[j]); ok {
			return n
		}
		if !filler[words[j]] {
			break
		}
	}
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if n, ok := number(words[j]); ok {
			return n
		}
		if stop[words[j]] {
			break
		}
	}
	return 0
}

// filler words may stand between a toll verb and its number.
var filler = map[string]bool{"at": true, "least": true, "more": true, "than": true, "about": true,
	"some": true, "nearly": true, "almost": true, "over": true, "around": true, "up": true,
	"to": true, "rose": true, "reached": true, "of": true, "the": true, "is": true, "was": true,
	"stands": true, "stood": true, "climbed": true, "an": true, "estimated": true}

// stop words end the backward search: the number belongs to another clause.
var stop = map[string]bool{"and": true, "while": true, "after": true, "before": true, "when": true,
	"killed": true, "wounded": true, "injured": true, "in": true, "on": true, "since": true}

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "dozens": 0, "hundred": 100, "dozen": 12}

func number(w string) (int, bool) {
	if n, ok := numberWords[w]; ok {
		return n, n > 0
	}
	w = strings.ReplaceAll(w, ",", "")
	n, err := strconv.Atoi(w)
	if err != nil || n <= 0 || n > 1000000 {
		return 0, false
	}
	if n >= 1900 && n <= 2100 && len(w) == 4 {
		return 0, false // a year
	}
	return n, true
}

// violent reports whether an event of this CAMEO code can have a toll:
// assaults, fighting, mass violence, riots and violent repression.
func violent(code string) bool {
	switch {
	case strings.HasPrefix(code, "18"), strings.HasPrefix(code, "19"), strings.HasPrefix(code, "20"),
		strings.HasPrefix(code, "145"), strings.HasPrefix(code, "175"):
		return true
	}
	return false
}
