package text

import (
	"strings"

	"github.com/khaldun/khaldun"
)

// abbreviations are words that a period follows without ending the
// sentence (titles, months, and the like), in lower case without the period.
var abbreviations = setOf(
	"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "adm",
	"brig", "cmdr", "cdr", "gov", "sen", "rep", "reps", "rev", "fr", "st", "ste", "mt", "ft", "sr", "jr",
	"hon", "pres", "amb", "supt", "insp", "det", "pvt", "gens", "messrs",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"no", "nos", "vs", "v", "etc", "inc", "corp", "co", "ltd", "plc", "bros", "dept", "univ", "approx",
	"est", "fig", "vol", "pp", "ave", "blvd", "rd", "ca", "cf", "al", "e.g", "i.e", "a.m", "p.m",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func isTerminal(t Token) bool {
	switch t.Text {
	case ".", "!", "?", "...", "…", "?!", "!?":
		return true
	}
	return false
}

func isClosing(t Token) bool {
	switch t.Text {
	case `"`, "”", "’", "'", ")", "]", "»", "''":
		return true
	}
	return false
}

// split groups tokens into sentences. A sentence ends at a terminal mark
// (with any closing quotes or brackets after it) when the next token can
// start a sentence and the mark does not close an abbreviation or an
// initial; it also ends at a line break that is not a hard wrap.
func split(s string, toks []Token) []Sentence {
	var out []Sentence
	lowerText := lowerCased(toks)
	para := 0
	start := 0
	newPara := true
	flush := func(end int) {
		if end <= start {
			return
		}
		out = append(out, Sentence{
			Span:        khaldun.Span{Start: toks[start].Span.Start, End: toks[end-1].Span.End},
			First:       start,
			End:         end,
			Paragraph:   para,
			ParaStarted: newPara,
		})
		newPara = false
		start = end
	}
	for i := 0; i < len(toks); i++ {
		if i > start {
			if gap := s[toks[i-1].Span.End:toks[i].Span.Start]; strings.Contains(gap, "\n") {
				blank := strings.Count(gap, "\n") > 1
				if blank || !hardWrap(toks[i-1], toks[i]) && !wrappedLine(s, toks[i-1], toks[i]) {
					flush(i)
				}
				if blank || start == i {
					para++
					newPara = true
				}
			}
		} else if i > 0 && strings.Contains(s[toks[i-1].Span.End:toks[i].Span.Start], "\n") {
			para++
			newPara = true
		}
		t := toks[i]
		if !isTerminal(t) && !strings.HasSuffix(t.Text, ".") {
			continue
		}
		end := i + 1
		for end < len(toks) && isClosing(toks[end]) && !toks[end].Space {
			end++
		}
		// a closing quote after a space still belongs here when it closes
		// a quotation the sentence opened
		if end < len(toks) && (toks[end].Text == "”" || toks[end].Text == "»") {
			end++
		}
		if end >= len(toks) {
			continue
		}
		if !canStart(toks[end]) && !(lowerText && isLowerWord(toks[end].Text)) {
			continue
		}
		if t.Text == "." && i > 0 && !t.Space && isAbbreviation(toks[i-1], toks[end]) {
			continue
		}
		if t.Text != "." && strings.HasSuffix(t.Text, ".") {
			// a word with its own final period: "U.S." or "a.m."
			if !sentenceStarter(toks[end]) {
				continue
			}
		}
		flush(end)
		i = end - 1
	}
	flush(len(toks))
	return out
}

// hardWrap reports whether a single line break between a and b is a wrap
// inside a sentence rather than the end of a line of its own.
func hardWrap(a, b Token) bool {
	if !b.Cap {
		return true
	}
	switch a.Text {
	case ",", "-", "–", "—", "(", "“", "‘":
		return true
	}
	return isLowerWord(a.Text)
}

func isLowerWord(w string) bool {
	return w != "" && w[0] >= 'a' && w[0] <= 'z'
}

func canStart(t Token) bool {
	if t.Cap {
		return true
	}
	switch t.Text {
	case `"`, "“", "‘", "'", "(", "[", "«", "-", "–", "—":
		return true
	}
	c := t.Text[0]
	return c >= '0' && c <= '9'
}

// isAbbreviation reports whether word, followed by a period, is an
// abbreviation or an initial rather than the end of a sentence.
func isAbbreviation(word, next Token) bool {
	w := word.Lower
	if abbreviations[w] {
		// "in Jan." at the end of a sentence is rare next to a capitalised
		// function word; titles never end one
		if monthAbbrev[w] && sentenceStarter(next) {
			return false
		}
		return true
	}
	// an initial: "J. Smith"
	if len(word.Text) == 1 && word.Cap {
		return true
	}
	return false
}

var monthAbbrev = setOf("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// sentenceStarter reports whether a capitalised token is a function word
// that typically opens a sentence.
func sentenceStarter(t Token) bool {
	if !t.Cap {
		return false
	}
	switch t.Lower {
	case "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "at", "this",
		"that", "these", "those", "his", "her", "their", "its", "there", "after", "before", "when",
		"while", "as", "if", "however", "meanwhile", "earlier", "later", "last", "for", "some",
		"many", "most", "no", "officials", "police":
		return true
	}
	return false
}

// lowerCased reports whether a text is written without capitals (some
// archives lower-case everything), where a sentence may start in lower case.
func lowerCased(toks []Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if c := t.Text[0]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			words++
			if t.Cap {
				caps++
			}
		}
	}
	return words >= 20 && caps*50 < words
}

// wrappedLine reports whether a line break between a and b cuts a long
// line that does not end a sentence, in text wrapped at a fixed width
// ("... Western Emergency Service\nInc in a stock transaction"): the line
// is long, ends in a word, and the next line is not indented.
func wrappedLine(s string, a, b Token) bool {
	if isTerminal(a) || strings.HasSuffix(a.Text, ".") || a.Tag == Punct && a.Text != "," {
		return false
	}
	gap := s[a.Span.End:b.Span.Start]
	if strings.Count(gap, "\n") != 1 || !strings.HasSuffix(gap, "\n") {
		return false // an indented line starts a paragraph
	}
	start := strings.LastIndexByte(s[:a.Span.End], '\n') + 1
	return a.Span.End-start >= 55
}
