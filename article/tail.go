package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// signOffs match what ends a wire story without being part of it. Each is
// anchored at the end of the body; the text from its first group on is cut.
var signOffs = []*regexp.Regexp{
	// Editors' initials: "NA/PA", "AW/PR", "ZZ/AW/PR".
	regexp.MustCompile(`(?:^|\n|[.!?"”’)] +)((?:\p{Lu}{1,4}/)+\p{Lu}{1,4})$`),
	// Credits: "(Reporting by ...; Editing by ...)".
	regexp.MustCompile(`(\((?:Reporting|Additional reporting|Writing|Editing|Edited|Compiled|Translated|Translation|Reported)\b[^()]*\))$`),
	// An agency between slashes: "/TASS/".
	regexp.MustCompile(`(?:^|\s)(/\p{Lu}[\p{L} .-]{1,30}/\.?)$`),
	// A dash and an agency: "-- Reuters", "— AFP", "-AFP".
	regexp.MustCompile(`(?:^|[\s.!?"”’)])((?:--|-|–|—) *(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2})\.?)$`),
	// An agency alone on the last line: "Reuter", "AFP".
	regexp.MustCompile(`\n[ \t]*((\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2})\.?)$`),
}

// stripTail removes licence statements and agency sign-offs from the end of
// body and returns what is left, with the SPDX id of the licence found
// anywhere in the body ("" when none is recognised).
func stripTail(body string) (string, string) {
	license, _ := findLicense(body)
	for changed := true; changed; {
		changed = false
		body = strings.TrimRightFunc(body, unicode.IsSpace)
		if start, ok := licenseSentence(body); ok {
			body, changed = body[:start], true
			continue
		}
		// the sign-offs are anchored at the end: match only the tail, so
		// that the expressions do not walk the whole story
		off := tailStart(body, 600)
		tail := body[off:]
		for i, re := range signOffs {
			m := re.FindStringSubmatchIndex(tail)
			if m == nil {
				continue
			}
			// The last two forms name an agency; anything else is a word.
			if i >= 3 && !agencies[tail[m[4]:m[5]]] {
				continue
			}
			body, changed = body[:off+m[2]], true
			break
		}
	}
	return body, license
}

// licenseSentence reports where the last sentence of body starts when that
// sentence states a licence.
func licenseSentence(body string) (int, bool) {
	_, loc := findLicense(body)
	if loc == nil {
		return 0, false
	}
	// The statement must run to the end of the body: nothing but the end
	// of its sentence may follow it.
	rest := body[loc[1]:]
	if i := strings.IndexAny(rest, ".!?\n"); i >= 0 {
		rest = rest[i+1:]
	}
	if strings.TrimSpace(rest) != "" {
		return 0, false
	}
	start := 0
	for i := loc[0] - 1; i >= 0; i-- {
		if body[i] == '\n' {
			start = i + 1
			break
		}
		if body[i] == ' ' && i > 0 && strings.ContainsRune(".!?", rune(body[i-1])) {
			start = i + 1
			break
		}
	}
	return start, true
}

// tailStart returns where the last n bytes of s begin, at a character
// boundary; 0 when s is short. Every sign-off is short and anchored at the
// end, so a match in the tail is a match in s.
func tailStart(s string, n int) int {
	if len(s) <= n {
		return 0
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}
