package petrarch

import (
	"fmt"
	"io"
	"strings"
)

// Agent is one entry of an agents dictionary: a common noun that gives an
// actor its sector ("PRIME_MINISTER [~GOV]").
type Agent struct {
	Names  []string // upper-case words; singular forms, with substitution sets expanded
	Plural []string // plural forms: those written in {...}, else regular ones; none when {} is written or the name uses a substitution set
	Code   string   // sector code without the "~" ("GOV", "NGO")
	Prefix bool     // "NGO~": the code goes before the actor's code rather than after
	Line   int
}

// ParseAgents reads an agents dictionary, expanding "!SET! = A, B" substitution
// sets. name is used in errors, which give file:line.
func ParseAgents(r io.Reader, name string) ([]Agent, error) {
	lines, err := readLines(r, name)
	if err != nil {
		return nil, err
	}
	subs := map[string][]string{}
	var out []Agent
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if strings.HasPrefix(t, "!") {
			if k, v, ok := strings.Cut(t, "="); ok {
				key := strings.TrimSpace(k)
				if len(key) < 3 || !strings.HasSuffix(key, "!") {
					return nil, fmt.Errorf("%s:%d: malformed substitution set %q", name, l.n, key)
				}
				var vals []string
				for _, x := range strings.Split(v, ",") {
					if x = normPhrase(x); x != "" {
						vals = append(vals, x)
					}
				}
				if len(vals) == 0 {
					return nil, fmt.Errorf("%s:%d: empty substitution set %s", name, l.n, key)
				}
				subs[strings.ToUpper(key)] = vals
				continue
			}
		}
		head, groups, err := brackets(t)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, l.n, err)
		}
		if len(groups) != 1 {
			return nil, fmt.Errorf("%s:%d: want one [code], got %d", name, l.n, len(groups))
		}
		a := Agent{Line: l.n}
		code := strings.ReplaceAll(groups[0], " ", "")
		switch {
		case strings.HasPrefix(code, "~"):
			a.Code = code[1:]
		case strings.HasSuffix(code, "~"):
			a.Code, a.Prefix = code[:len(code)-1], true
		default:
			return nil, fmt.Errorf("%s:%d: code [%s] has no ~", name, l.n, groups[0])
		}
		if a.Code == "" || strings.Contains(a.Code, "~") {
			return nil, fmt.Errorf("%s:%d: malformed code [%s]", name, l.n, groups[0])
		}
		word, plural, hasBraces, err := braces(head)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, l.n, err)
		}
		names, err := expand(word, subs)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, l.n, err)
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("%s:%d: empty agent name", name, l.n)
		}
		a.Names = names
		switch {
		case hasBraces:
			for _, p := range plural {
				ps, err := expand(p, subs)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %w", name, l.n, err)
				}
				a.Plural = append(a.Plural, ps...)
			}
		case strings.Contains(word, "!"):
			// A substitution set lists its own plurals (MAN, MEN).
		default:
			for _, n := range names {
				a.Plural = append(a.Plural, pluralOf(n))
			}
		}
		out = append(out, a)
	}
	return out, nil
}

// braces splits "NAME {P1 P2}" into NAME and the listed forms.
func braces(s string) (word string, forms []string, has bool, err error) {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		if strings.IndexByte(s, '}') >= 0 {
			return "", nil, false, fmt.Errorf("} without {")
		}
		return s, nil, false, nil
	}
	j := strings.IndexByte(s[i:], '}')
	if j < 0 {
		return "", nil, false, fmt.Errorf("unclosed { in %q", truncate(s))
	}
	if strings.TrimSpace(s[i+j+1:]) != "" {
		return "", nil, false, fmt.Errorf("unexpected %q after }", truncate(s[i+j+1:]))
	}
	return s[:i], strings.Fields(s[i+1 : i+j]), true, nil
}

// expand replaces each !SET! in a phrase by each member of the set. Members
// are taken literally: a "!" inside one is not a further substitution.
func expand(s string, subs map[string][]string) ([]string, error) {
	s = strings.ToUpper(s)
	prefixes := []string{""}
	for {
		i := strings.IndexByte(s, '!')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i+1:], '!')
		if j < 0 {
			return nil, fmt.Errorf("unclosed substitution in %q", truncate(s))
		}
		key := s[i : i+j+2]
		vals, ok := subs[key]
		if !ok {
			return nil, fmt.Errorf("unknown substitution set %s", key)
		}
		var next []string
		for _, p := range prefixes {
			for _, v := range vals {
				next = append(next, p+s[:i]+v)
			}
		}
		if len(next) > maxExpansions {
			return nil, fmt.Errorf("substitutions in %q expand into more than %d names", truncate(s), maxExpansions)
		}
		prefixes = next
		s = s[i+j+2:]
	}
	var out []string
	for _, p := range prefixes {
		if n := normPhrase(p + s); n != "" {
			out = append(out, n)
		}
	}
	return out, nil
}

// pluralOf forms the regular plural of the last word of an upper-case phrase.
func pluralOf(p string) string {
	switch {
	case strings.HasSuffix(p, "Y") && len(p) > 1 && !strings.ContainsRune("AEIOU", rune(p[len(p)-2])):
		return p[:len(p)-1] + "IES"
	case strings.HasSuffix(p, "S") || strings.HasSuffix(p, "X") || strings.HasSuffix(p, "Z") ||
		strings.HasSuffix(p, "CH") || strings.HasSuffix(p, "SH"):
		return p + "ES"
	}
	return p + "S"
}
