package petrarch

import (
	"fmt"
	"io"
	"strings"
)

// Discard is a phrase whose presence discards a sentence, or with Story set
// the whole story ("+TYPHOON"), before any event is coded.
type Discard struct {
	Phrase string // upper-case words
	Story  bool
	Line   int
}

// ParseDiscards reads a discards dictionary. name is used in errors.
func ParseDiscards(r io.Reader, name string) ([]Discard, error) {
	lines, err := readLines(r, name)
	if err != nil {
		return nil, err
	}
	var out []Discard
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		d := Discard{Line: l.n}
		if strings.HasPrefix(t, "+") {
			d.Story, t = true, t[1:]
		}
		// Old files append a coder's note after ";".
		if i := strings.IndexByte(t, ';'); i >= 0 {
			t = t[:i]
		}
		d.Phrase = normPhrase(t)
		if d.Phrase == "" {
			return nil, fmt.Errorf("%s:%d: empty discard phrase", name, l.n)
		}
		out = append(out, d)
	}
	return out, nil
}
