package petrarch

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Actor is one entry of an actors dictionary: the names that refer to an
// actor and its codes, some restricted to a period.
type Actor struct {
	Names []string    // upper-case words separated by spaces; the first is the entry's name, the rest its "+" synonyms
	Codes []DatedCode // in the order written; see CodeOn
	Line  int         // line of the entry's name
}

// DatedCode is an actor code with the period it applies to.
type DatedCode struct {
	Codes []string // usually one code ("USAGOV"); "ELR/GAL" lists several
	From  string   // first day it applies, YYYY-MM-DD, or "" for no lower bound
	To    string   // last day it applies, YYYY-MM-DD, or "" for no upper bound
}

// Dated reports whether the code is restricted to a period.
func (d DatedCode) Dated() bool { return d.From != "" || d.To != "" }

// CodeOn returns the codes that apply on date (YYYY-MM-DD): the first dated
// code whose period contains the date, else the first undated code.
func (a Actor) CodeOn(date string) ([]string, bool) {
	for _, c := range a.Codes {
		if c.Dated() && (c.From == "" || date >= c.From) && (c.To == "" || date <= c.To) {
			return c.Codes, true
		}
	}
	for _, c := range a.Codes {
		if !c.Dated() {
			return c.Codes, true
		}
	}
	return nil, false
}

// ParseActors reads an actors dictionary (PETR.Validate.actors.txt and the
// like). name is used in errors, which give file:line.
func ParseActors(r io.Reader, name string) ([]Actor, error) {
	lines, err := readLines(r, name)
	if err != nil {
		return nil, err
	}
	var out []Actor
	cur := -1
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		switch {
		case strings.HasPrefix(t, "+"):
			if cur < 0 {
				return nil, fmt.Errorf("%s:%d: synonym %q before any actor", name, l.n, t)
			}
			head, groups, err := brackets(t[1:])
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, l.n, err)
			}
			if p := normPhrase(head); p != "" {
				out[cur].Names = append(out[cur].Names, p)
			}
			if err := addCodes(&out[cur], groups); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, l.n, err)
			}
		case strings.HasPrefix(t, "["):
			if cur < 0 {
				return nil, fmt.Errorf("%s:%d: code %q before any actor", name, l.n, t)
			}
			_, groups, err := brackets(t)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, l.n, err)
			}
			if err := addCodes(&out[cur], groups); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, l.n, err)
			}
		default:
			head, groups, err := brackets(t)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, l.n, err)
			}
			p := normPhrase(head)
			if p == "" {
				return nil, fmt.Errorf("%s:%d: empty actor name", name, l.n)
			}
			out = append(out, Actor{Names: []string{p}, Line: l.n})
			cur = len(out) - 1
			if err := addCodes(&out[cur], groups); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, l.n, err)
			}
		}
	}
	return out, nil
}

func addCodes(a *Actor, groups []string) error {
	for _, g := range groups {
		d, err := parseDatedCode(g)
		if err != nil {
			return err
		}
		a.Codes = append(a.Codes, d)
	}
	return nil
}

// parseDatedCode reads "HOBGOV", "HOB < 950601", "HOBGOV 19950601 - 19990815",
// "HOBREB > 990816" or "ELR/GAL".
func parseDatedCode(g string) (DatedCode, error) {
	f := strings.Fields(g)
	if len(f) == 0 {
		return DatedCode{}, fmt.Errorf("empty code []")
	}
	code := strings.ToUpper(f[0])
	var d DatedCode
	for _, c := range strings.Split(code, "/") {
		if c != "" {
			d.Codes = append(d.Codes, c)
		}
	}
	if len(d.Codes) == 0 {
		return DatedCode{}, fmt.Errorf("empty code in [%s]", g)
	}
	spec := strings.Join(f[1:], "")
	if spec == "" {
		return d, nil
	}
	var err error
	switch {
	case strings.HasPrefix(spec, "<"):
		d.To, err = parseDate(spec[1:], -1)
	case strings.HasPrefix(spec, ">"):
		d.From, err = parseDate(spec[1:], +1)
	case strings.Contains(spec, "-"):
		a, b, _ := strings.Cut(spec, "-")
		if d.From, err = parseDate(a, 0); err == nil {
			d.To, err = parseDate(b, 0)
		}
	default:
		err = fmt.Errorf("unknown date restriction %q", spec)
	}
	if err != nil {
		return DatedCode{}, fmt.Errorf("code [%s]: %w", g, err)
	}
	return d, nil
}

// parseDate reads YYMMDD or YYYYMMDD and returns YYYY-MM-DD shifted by shift
// days ("< date" means up to the day before; "> date" from the day after).
func parseDate(s string, shift int) (string, error) {
	var layout string
	switch len(s) {
	case 6:
		layout = "060102"
	case 8:
		layout = "20060102"
	default:
		return "", fmt.Errorf("date %q: want YYMMDD or YYYYMMDD", s)
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return "", fmt.Errorf("date %q: %w", s, err)
	}
	if len(s) == 6 && t.Year() >= 2030 {
		t = t.AddDate(-100, 0, 0) // two-digit years: 30-99 are 19xx
	}
	return t.AddDate(0, 0, shift).Format("2006-01-02"), nil
}
