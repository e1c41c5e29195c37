package petrarch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/khaldun/khaldun/event"
)

// Dict is a set of PETRARCH dictionaries read from one directory. Any of
// its parts may be missing.
type Dict struct {
	Actors   []Actor
	Agents   []Agent
	Verbs    *Verbs
	Discards []Discard
	Files    map[string]string // kind ("actors", "agents", "verbs", "discards") → path
}

// kinds lists, for each part of a Dict, the word its file name contains.
var kinds = []string{"actors", "agents", "verbs", "discards"}

// Load reads the dictionaries in dir, recognising each file by a word in its
// name (case-insensitive): "actors", "agents", "verbs", "discards", as in
// PETR.Validate.actors.txt or PETR_Validate_verbs_2_02.txt. Other files are
// ignored. It is an error for dir to hold none, or two files of one kind.
func Load(dir string) (*Dict, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("petrarch dictionaries: %w", err)
	}
	d := &Dict{Files: map[string]string{}}
	var names []string
	for _, de := range des {
		if !de.IsDir() {
			names = append(names, de.Name())
		}
	}
	sort.Strings(names)
	for _, n := range names {
		low := strings.ToLower(n)
		for _, k := range kinds {
			if !strings.Contains(low, k) && !strings.Contains(low, strings.TrimSuffix(k, "s")+"_") {
				continue
			}
			if prev, dup := d.Files[k]; dup {
				return nil, fmt.Errorf("petrarch dictionaries in %s: two %s files, %s and %s", dir, k, filepath.Base(prev), n)
			}
			d.Files[k] = filepath.Join(dir, n)
			break
		}
	}
	if len(d.Files) == 0 {
		return nil, fmt.Errorf("petrarch dictionaries in %s: no actors, agents, verbs or discards file", dir)
	}
	for _, k := range kinds {
		path, ok := d.Files[k]
		if !ok {
			continue
		}
		if err := d.read(k, path); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func (d *Dict) read(kind, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("petrarch %s: %w", kind, err)
	}
	defer f.Close()
	name := filepath.Base(path)
	switch kind {
	case "actors":
		d.Actors, err = ParseActors(f, name)
	case "agents":
		d.Agents, err = ParseAgents(f, name)
	case "verbs":
		d.Verbs, err = ParseVerbs(f, name)
	case "discards":
		d.Discards, err = ParseDiscards(f, name)
	}
	return err
}

// Entries converts the verbs dictionary into event lexicon entries: each
// verb with its group's (or its own) code, and each pattern whose words all
// follow the verb and whose code is a CAMEO code. Add them to a lexicon with
// event.Lexicon.Add. Unconverted says what was left out.
func (d *Dict) Entries() []event.Entry {
	es, _ := d.convert()
	return es
}

// Unconverted lists, one a line as "file:line reason", the verbs and
// patterns Entries leaves out.
func (d *Dict) Unconverted() []string {
	_, skipped := d.convert()
	return skipped
}

// maxExpansions bounds how many entries one pattern may expand into through
// synonym sets.
const maxExpansions = 256

func (d *Dict) convert() ([]event.Entry, []string) {
	if d.Verbs == nil {
		return nil, nil
	}
	file := filepath.Base(d.Files["verbs"])
	if file == "." {
		file = "verbs"
	}
	var out []event.Entry
	var skipped []string
	seen := map[string]bool{}
	skip := func(line int, why string) {
		m := fmt.Sprintf("%s:%d %s", file, line, why)
		if !seen[m] { // a group's patterns are tried once per verb
			seen[m] = true
			skipped = append(skipped, m)
		}
	}
	for _, g := range d.Verbs.Groups {
		for _, v := range g.Verbs {
			words := strings.Fields(strings.ToLower(v.Words))
			if strings.ContainsAny(v.Words, "+&*$%^") || len(words) == 0 {
				skip(v.Line, fmt.Sprintf("verb %q: markers inside a verb are not supported", v.Words))
				continue
			}
			lemma := event.Lemma(words[0])
			prefix := words[1:]
			var forms []string
			if words[0] != lemma {
				forms = append(forms, words[0])
			}
			for _, f := range v.Forms {
				fw := strings.Fields(strings.ToLower(f))
				if len(fw) > 0 && !strings.ContainsAny(fw[0], "+&*$%^") && fw[0] != lemma {
					forms = append(forms, fw[0])
				}
			}
			code := v.Code
			if code == "" {
				code = g.Code
			}
			if isCAMEO(EventCode(code)) {
				out = append(out, event.Entry{
					Lemma: lemma, Pattern: prefix, Code: event.Code(EventCode(code)), Forms: forms,
					Rule: fmt.Sprintf("%s:%d %s", file, v.Line, v.Words),
				})
			} else if code != "---" && code != "" {
				skip(v.Line, fmt.Sprintf("verb %q: code [%s] is not a CAMEO code", v.Words, code))
			}
			for _, p := range g.Patterns {
				code := EventCode(p.Code)
				if p.Code == "---" {
					continue // a pattern that explicitly codes nothing
				}
				if !isCAMEO(code) {
					skip(p.Line, fmt.Sprintf("pattern %q: code [%s] is not a CAMEO code", p.Text, p.Code))
					continue
				}
				pats, err := d.patternWords(p.Text)
				if err != nil {
					skip(p.Line, fmt.Sprintf("pattern %q: %v", p.Text, err))
					continue
				}
				for _, pw := range pats {
					out = append(out, event.Entry{
						Lemma: lemma, Pattern: append(append([]string(nil), prefix...), pw...),
						Code: event.Code(code), Forms: forms,
						Rule: fmt.Sprintf("%s:%d %s %s", file, p.Line, v.Words, p.Text),
					})
				}
			}
		}
	}
	return out, skipped
}

var errBeforeVerb = errors.New("words before the verb are not supported")

// patternWords turns a pattern's text into the lexicon patterns it stands for
// (several when it names synonym sets): the words after the verb, with
// actor and skip markers turned into "*".
func (d *Dict) patternWords(text string) ([][]string, error) {
	toks := tokens(text)
	star := -1
	for i, t := range toks {
		if t == "*" {
			star = i
			break
		}
	}
	if star < 0 {
		return nil, errors.New("no * for the verb")
	}
	for _, t := range toks[:star] {
		if !isMarker(t) {
			return nil, errBeforeVerb
		}
	}
	alts := [][]string{nil}
	for _, t := range toks[star+1:] {
		var choices [][]string
		switch {
		case isMarker(t) || t == "*":
			choices = [][]string{{"*"}}
		case strings.HasPrefix(t, "&"):
			m, err := d.synset(synsetName(t), 0)
			if err != nil {
				return nil, err
			}
			choices = m
		default:
			choices = [][]string{{strings.ToLower(t)}}
		}
		var next [][]string
		for _, a := range alts {
			for _, c := range choices {
				next = append(next, append(append([]string(nil), a...), c...))
				if len(next) > maxExpansions {
					return nil, fmt.Errorf("expands into more than %d patterns", maxExpansions)
				}
			}
		}
		alts = next
	}
	var out [][]string
	for _, a := range alts {
		var p []string
		for _, w := range a {
			if w == "*" && len(p) > 0 && p[len(p)-1] == "*" {
				continue
			}
			if w != "*" && strings.ContainsAny(w, "|*") {
				return nil, fmt.Errorf("word %q cannot be matched", w)
			}
			p = append(p, w)
		}
		for len(p) > 0 && p[len(p)-1] == "*" {
			p = p[:len(p)-1]
		}
		out = append(out, p)
	}
	return out, nil
}

// synset expands a synonym set into word sequences, following nested sets.
func (d *Dict) synset(name string, depth int) ([][]string, error) {
	if depth > 8 {
		return nil, fmt.Errorf("synonym set &%s nests too deep", name)
	}
	members, ok := d.Verbs.Synsets[name]
	if !ok {
		return nil, fmt.Errorf("unknown synonym set &%s", name)
	}
	var out [][]string
	for _, m := range members {
		toks := tokens(m)
		alts := [][]string{nil}
		for _, t := range toks {
			var choices [][]string
			switch {
			case strings.HasPrefix(t, "&"):
				sub, err := d.synset(synsetName(t), depth+1)
				if err != nil {
					return nil, err
				}
				choices = sub
			case isMarker(t) || t == "*":
				choices = [][]string{{"*"}}
			default:
				choices = [][]string{{strings.ToLower(t)}}
			}
			var next [][]string
			for _, a := range alts {
				for _, c := range choices {
					next = append(next, append(append([]string(nil), a...), c...))
				}
			}
			alts = next
			if len(alts) > maxExpansions {
				return nil, fmt.Errorf("synonym set &%s expands into more than %d phrases", name, maxExpansions)
			}
		}
		out = append(out, alts...)
		if len(out) > maxExpansions {
			return nil, fmt.Errorf("synonym set &%s expands into more than %d phrases", name, maxExpansions)
		}
	}
	return out, nil
}

// tokens splits pattern text into words and markers: "_" joins words,
// braces and parentheses only group.
func tokens(s string) []string {
	s = strings.NewReplacer("{", " ", "}", " ", "(", " ", ")", " ", "_", " ").Replace(s)
	var out []string
	for _, f := range strings.Fields(s) {
		// "+" and "$" glued to a word ("SUGGESTED+") are markers of their own.
		for f != "" {
			if len(f) > 1 && (f[0] == '+' || f[0] == '$' || f[0] == '%' || f[0] == '^') {
				out = append(out, f[:1])
				f = f[1:]
				continue
			}
			if n := len(f); n > 1 && (f[n-1] == '+' || f[n-1] == '$') {
				out = append(out, f[:n-1], f[n-1:])
				break
			}
			out = append(out, f)
			break
		}
	}
	return out
}

func isMarker(t string) bool {
	switch t {
	case "$", "+", "%", "^":
		return true
	}
	return false
}

func isCAMEO(code string) bool {
	_, ok := event.Lookup(event.Code(code))
	return ok
}
