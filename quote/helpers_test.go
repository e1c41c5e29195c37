package quote

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/khaldun/khaldun/internal/sharedtest"

	"github.com/khaldun/khaldun"
)

// splitSentences is a plain splitter for the tests (the real pipeline has
// its own): a sentence ends at . ? ! (with closing quote marks) before a
// space and a capital, digit or opening mark, and at every newline.
func splitSentences(text string) []khaldun.Span {
	var out []khaldun.Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, khaldun.Span{Start: s, End: e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			emit(i + 1)
			i += n
			continue
		}
		if r == '.' || r == '?' || r == '!' {
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if r2 == '"' || r2 == '”' || r2 == '’' || r2 == ')' || r2 == '.' {
					j += n2
					continue
				}
				break
			}
			if j < len(text) && (text[j] == ' ' || strings.HasPrefix(text[j:], "\u00a0")) {
				k := j
				for k < len(text) && (text[k] == ' ' || strings.HasPrefix(text[k:], "\u00a0")) {
					if text[k] == ' ' {
						k++
					} else {
						k += 2
					}
				}
				r3, _ := utf8.DecodeRuneInString(text[k:])
				if (unicode.IsUpper(r3) || unicode.IsDigit(r3) || r3 == '"' || r3 == '“') && !abbrev(text[:i]) {
					emit(j)
				}
			}
			i = j
			continue
		}
		i += n
	}
	emit(len(text))
	return out
}

// abbrev reports whether the text before a period ends with a title or an
// initial.
func abbrev(before string) bool {
	k := strings.LastIndexAny(before, " \n(")
	w := before[k+1:]
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "St", "Jr", "Sr", "U.S", "U.N", "U.K", "D.C", "Inc", "Corp", "Co", "No", "vs", "Rev", "Prof", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec":
		return true
	}
	return utf8.RuneCountInString(w) == 1
}

// sharedFile returns the path of a file under /work/shared, skipping the
// test when it is absent, and failing when CI is set.
func sharedFile(t *testing.T, rel string) string {
	t.Helper()
	return sharedtest.Path(t, rel)
}

// span returns the span of the first occurrence of s in text.
func span(text, s string) khaldun.Span {
	i := strings.Index(text, s)
	if i < 0 {
		panic("span: " + s + " not in text")
	}
	return khaldun.Span{Start: i, End: i + len(s)}
}
