package date

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tWord uint8 = iota + 1
	tNum
	tPunct
)

// token is one word, number or punctuation mark of the text.
type token struct {
	s, e  int    // byte offsets
	kind  uint8  // tWord, tNum or tPunct
	gap   uint8  // 0: touches the previous token; 1: after a space; 2: after a line break
	upper bool   // a word that starts with an upper-case ASCII letter
	p     byte   // a punctuation mark, with curly apostrophes and en dashes folded to ASCII
	nd    int    // digits of a plain number; 0 for "1,000" or "1.5"
	n     int    // value of a number (integer part)
	w     *entry // lexicon entry of a word, or nil
}

func isAlpha(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// tokenize splits text into tokens, appending to toks.
func tokenize(text string, toks []token) []token {
	gap := uint8(2)
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			gap = max(gap, 1)
			i++
			continue
		case c == '\n':
			gap = 2
			i++
			continue
		case isAlpha(c):
			j, ascii := scanWord(text, i+1)
			t := token{s: i, e: j, kind: tWord, gap: gap, upper: c <= 'Z'}
			if ascii {
				t.w = lookup(text[i:j])
			}
			toks = append(toks, t)
			i = j
		case isDigit(c):
			j := i
			n := 0
			for j < len(text) && isDigit(text[j]) {
				if n < 1e9 {
					n = n*10 + int(text[j]-'0')
				}
				j++
			}
			nd := j - i
			// Thousands groups and decimals make a number that no date uses.
			for j+1 < len(text) && (text[j] == ',' || text[j] == '.') && isDigit(text[j+1]) {
				k := j + 1
				for k < len(text) && isDigit(text[k]) {
					k++
				}
				if text[j] == ',' {
					if k-j-1 != 3 {
						break
					}
					for _, d := range []byte(text[j+1 : k]) {
						if n < 1e9 {
							n = n*10 + int(d-'0')
						}
					}
				}
				nd = 0
				j = k
			}
			toks = append(toks, token{s: i, e: j, kind: tNum, gap: gap, nd: nd, n: n})
			i = j
		case c < 0x80:
			toks = append(toks, token{s: i, e: i + 1, kind: tPunct, gap: gap, p: c})
			i++
		default:
			r, sz := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				gap = max(gap, 1)
				i += sz
				continue
			}
			if unicode.IsLetter(r) {
				j, _ := scanWord(text, i+sz)
				toks = append(toks, token{s: i, e: j, kind: tWord, gap: gap})
				i = j
				break
			}
			p := byte('~')
			switch r {
			case '\u2019', '\u2018':
				p = '\''
			case '\u2013', '\u2011', '\u2010':
				p = '-'
			case '\u201c', '\u201d':
				p = '"'
			}
			toks = append(toks, token{s: i, e: i + sz, kind: tPunct, gap: gap, p: p})
			i += sz
		}
		gap = 0
	}
	return toks
}

// scanWord returns the end of the word whose rest starts at j, and whether
// the word is plain ASCII.
func scanWord(text string, j int) (int, bool) {
	ascii := true
	for j < len(text) {
		d := text[j]
		if isAlpha(d) {
			j++
			continue
		}
		if d >= 0x80 {
			r, sz := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r) {
				ascii = false
				j += sz
				continue
			}
		}
		break
	}
	return j, ascii
}
