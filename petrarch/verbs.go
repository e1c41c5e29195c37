package petrarch

import (
	"fmt"
	"io"
	"strings"
)

// Verbs is a verbs dictionary: synonym sets and verb groups.
type Verbs struct {
	Synsets map[string][]string // "&CURRENCY" (name without & or trailing _) → its members as written
	Groups  []VerbGroup
}

// VerbGroup is one "--- NAME [code] ---" block: verbs that share patterns.
type VerbGroup struct {
	Name     string // upper case, as in the heading
	Code     string // the heading's code as written ("031", "032:032", "---")
	Verbs    []Verb
	Patterns []Pattern
	Line     int
}

// Verb is one verb of a group, with its irregular forms.
type Verb struct {
	Words   string   // upper-case words: "BREAK", "BREAK DOWN", "LASH OUT"
	Forms   []string // inflected forms written in {...}, upper-case words
	Code    string   // the verb's own code when written ("DOWNPLAY [014]"), else ""
	Phrasal bool     // written with a leading "+" (a multi-word verb of the group)
	Line    int
}

// Pattern is one pattern line of a group, such as "- * TALKS [031]". In the
// text "*" stands for the verb, "$" the source, "+" the target, "%" a
// compound actor, "^" a skipped noun phrase, "&NAME" a synonym set; "_"
// joins words; {...} and (...) group words.
type Pattern struct {
	Text string // the pattern without its leading "-" and code
	Code string // as written ("031", "032:032", "---")
	Line int
}

// EventCode returns the CAMEO code of a code as written: the part before
// ":" ("032:032" → "032").
func EventCode(code string) string {
	c, _, _ := strings.Cut(code, ":")
	return strings.TrimSpace(c)
}

// ParseVerbs reads a verbs dictionary in the PETRARCH-2 or UD-PETRARCH
// layout. name is used in errors, which give file:line.
func ParseVerbs(r io.Reader, name string) (*Verbs, error) {
	lines, err := readLines(r, name)
	if err != nil {
		return nil, err
	}
	v := &Verbs{Synsets: map[string][]string{}}
	const (
		none = iota
		synset
		group
	)
	state := none
	var syn string
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		switch {
		case strings.HasPrefix(t, "---"):
			g, err := parseHeading(t)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, l.n, err)
			}
			g.Line = l.n
			v.Groups = append(v.Groups, g)
			state = group
		case strings.HasPrefix(t, "&"):
			syn = synsetName(strings.Fields(t)[0])
			if syn == "" {
				return nil, fmt.Errorf("%s:%d: synonym set without a name", name, l.n)
			}
			if _, dup := v.Synsets[syn]; !dup {
				v.Synsets[syn] = nil
			}
			state = synset
		case strings.HasPrefix(t, "+") && state == synset:
			m := strings.TrimSpace(t[1:])
			if m == "" {
				return nil, fmt.Errorf("%s:%d: empty synonym", name, l.n)
			}
			v.Synsets[syn] = append(v.Synsets[syn], m)
		case state != group:
			return nil, fmt.Errorf("%s:%d: %q outside a verb group or synonym set", name, l.n, truncate(t))
		case strings.HasPrefix(t, "-") || strings.HasPrefix(t, "*") || strings.HasPrefix(t, "(") ||
			strings.HasPrefix(t, "{") || strings.HasPrefix(t, "%") || strings.HasPrefix(t, "$"):
			p, err := parsePattern(t)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, l.n, err)
			}
			p.Line = l.n
			g := &v.Groups[len(v.Groups)-1]
			g.Patterns = append(g.Patterns, p)
		default:
			vb, err := parseVerb(t)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, l.n, err)
			}
			vb.Line = l.n
			g := &v.Groups[len(v.Groups)-1]
			g.Verbs = append(g.Verbs, vb)
		}
	}
	return v, nil
}

func synsetName(s string) string {
	return strings.ToUpper(strings.TrimRight(strings.TrimPrefix(s, "&"), "_"))
}

// parseHeading reads "--- NAME [code] [code2] ---".
func parseHeading(t string) (VerbGroup, error) {
	s := strings.TrimSpace(strings.TrimLeft(t, "-"))
	s = strings.TrimSpace(strings.TrimRight(s, "-"))
	head, groups, err := brackets(s)
	if err != nil {
		return VerbGroup{}, err
	}
	g := VerbGroup{Name: normPhrase(head)}
	if g.Name == "" {
		return VerbGroup{}, fmt.Errorf("verb group heading without a name")
	}
	if len(groups) > 0 {
		g.Code = groups[0]
	}
	return g, nil
}

// parsePattern reads "- * TALKS [031]" (the dash may be missing).
func parsePattern(t string) (Pattern, error) {
	s := strings.TrimSpace(strings.TrimPrefix(t, "-"))
	i := strings.LastIndexByte(s, '[')
	if i < 0 || !strings.HasSuffix(s, "]") {
		return Pattern{}, fmt.Errorf("pattern %q has no [code] at its end", truncate(s))
	}
	p := Pattern{Text: strings.TrimSpace(s[:i]), Code: strings.TrimSpace(s[i+1 : len(s)-1])}
	if p.Code == "" || strings.ContainsAny(p.Code, "[]") {
		return Pattern{}, fmt.Errorf("pattern %q: malformed code", truncate(s))
	}
	if p.Text == "" {
		return Pattern{}, fmt.Errorf("empty pattern")
	}
	return p, nil
}

// parseVerb reads "BREAK { BROKE BROKEN }", "DOWNPLAY [014]",
// "HOLD {HOLDS HELD} [---]" or "+BREAK_DOWN {+BROKE_DOWN}".
func parseVerb(t string) (Verb, error) {
	var v Verb
	if strings.HasPrefix(t, "+") {
		v.Phrasal = true
		t = t[1:]
	}
	head, groups, err := brackets(t)
	if err != nil {
		return Verb{}, err
	}
	if len(groups) > 0 {
		v.Code = groups[0]
	}
	word, forms, _, err := braces(strings.TrimSpace(head))
	if err != nil {
		return Verb{}, err
	}
	v.Words = normPhrase(word)
	if v.Words == "" {
		return Verb{}, fmt.Errorf("verb line without a verb")
	}
	for _, f := range forms {
		if f = normPhrase(strings.TrimPrefix(f, "+")); f != "" {
			v.Forms = append(v.Forms, f)
		}
	}
	return v, nil
}
