package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
)

// Token is one word or punctuation mark.
type Token struct {
	Span  khaldun.Span
	Text  string // as written
	Lower string // lower case, with curly apostrophes made straight
	Tag   Tag
	// Cap reports whether the token starts with an upper-case letter.
	Cap bool
	// Space reports whether white space precedes the token.
	Space bool
}

// Sentence is a run of tokens; Tokens indexes Doc.Tokens as [First, End).
type Sentence struct {
	Span        khaldun.Span
	First, End  int
	Paragraph   int // index of the paragraph the sentence starts in
	ParaStarted bool
}

// Doc is an annotated text.
type Doc struct {
	Text      string
	Tokens    []Token
	Sentences []Sentence
}

// Annotate splits text into tokens and sentences and tags the tokens.
func Annotate(s string) *Doc {
	d := &Doc{Text: s}
	d.Tokens = tokenize(s)
	d.Sentences = split(s, d.Tokens)
	for _, sen := range d.Sentences {
		tag(d.Tokens[sen.First:sen.End])
	}
	return d
}

// SentenceOf returns the index of the sentence holding token i.
func (d *Doc) SentenceOf(i int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].End <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// TokenAt returns the index of the first token starting at or after byte
// offset off.
func (d *Doc) TokenAt(off int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Tokens[m].Span.Start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// SentenceSpans returns the byte spans of the sentences.
func (d *Doc) SentenceSpans() []khaldun.Span {
	out := make([]khaldun.Span, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Span
	}
	return out
}

// Words returns the lower-case forms of tokens [i, j).
func (d *Doc) Words(i, j int) []string {
	out := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		out = append(out, d.Tokens[k].Lower)
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isDash(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// tokenize cuts s into words and punctuation marks. A word keeps internal
// hyphens ("ez-Zor"), internal periods of abbreviations ("U.S.") and
// digits' separators ("1,000", "3.5"); a possessive "'s" is its own token.
func tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/5)
	space := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = true
			i += n
			continue
		}
		start := i
		if isWordRune(r) {
			i = scanWord(s, i)
		} else if isApostrophe(r) && i+n < len(s) && (s[i+n] == 's' || s[i+n] == 'S') && !startsWord(s, i+n+1) && i > 0 && !unicode.IsSpace(prevRune(s, i)) {
			i += n + 1 // the possessive "'s"
		} else {
			i += n
			// runs of the same mark ("--", "...") stay one token
			for i < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[i:])
				if r2 != r || (r != '-' && r != '.') {
					break
				}
				i += n2
			}
		}
		t := Token{Span: khaldun.Span{Start: start, End: i}, Text: s[start:i], Space: space}
		toks = append(toks, t)
		space = false
	}
	for k := range toks {
		t := &toks[k]
		t.Lower = lower(t.Text)
		r, _ := utf8.DecodeRuneInString(t.Text)
		t.Cap = unicode.IsUpper(r)
	}
	return toks
}

// scanWord returns the end of the word starting at i.
func scanWord(s string, i int) int {
	start := i
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		// a joiner continues the word when a word rune follows it
		if i+n < len(s) {
			r2, _ := utf8.DecodeRuneInString(s[i+n:])
			if isWordRune(r2) {
				prev, _ := utf8.DecodeLastRuneInString(s[:i])
				switch {
				case isDash(r):
					i += n
					continue
				case isApostrophe(r):
					// "'s" after a word is a possessive token; "O'Brien", "don't" stay
					if (r2 == 's' || r2 == 'S') && !startsWord(s, i+n+1) {
						return i
					}
					if r2 == 't' && (prev == 'n' || prev == 'N') && i-1 > start {
						return i - 1
					}
					i += n
					continue
				case r == '.' && unicode.IsUpper(r2) && unicode.IsUpper(prev) && i+n+1 <= len(s) && isAbbrevTail(s, i+n):
					i += n // U.S, U.N
					continue
				case (r == '.' || r == ',') && unicode.IsDigit(r2) && unicode.IsDigit(prev):
					i += n
					continue
				}
			}
		}
		// the final period of an abbreviation made of initials: "U.S."
		if r == '.' && strings.Contains(s[wordStart(s, i):i], ".") {
			return i + 1
		}
		return i
	}
	return i
}

// isAbbrevTail reports whether s[i:] continues an abbreviation such as
// "S." in "U.S." or "N." in "U.N.": one upper-case letter and a period.
func isAbbrevTail(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	if !unicode.IsUpper(r) || i+n >= len(s) {
		return false
	}
	// "S." in "U.S.", or "Va." in "W.Va."
	j := i + n
	for k := 0; k < 3 && j < len(s) && s[j] >= 'a' && s[j] <= 'z'; k++ {
		j++
	}
	return j < len(s) && s[j] == '.'
}

func startsWord(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func wordStart(s string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !isWordRune(r) && r != '.' {
			break
		}
		i -= n
	}
	return i
}

// lower returns the lower-case form with straight apostrophes; ASCII
// words that are already lower case are returned without allocating.
func lower(w string) string {
	plain := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

// IsQuote reports whether the token is a quotation mark.
func (t Token) IsQuote() bool {
	switch t.Text {
	case `"`, "“", "”", "«", "»", "„", "‘", "’", "'", "``", "''":
		return true
	}
	return false
}

// IsPunct reports whether the token is punctuation.
func (t Token) IsPunct() bool { return t.Tag == Punct }

func prevRune(s string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}
