package event

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Entry is one lexicon entry: a predicate, the words that must follow it, and
// the CAMEO code it expresses.
type Entry struct {
	// Lemma is the verb lemma ("meet") or, for a nominal trigger, the
	// singular noun ("siege"). Lower case, one word.
	Lemma string
	// Pattern lists the words that must follow the trigger, in order. Each
	// is a word or lemma ("with", "talk"), alternatives separated by "|"
	// ("talk|negotiation"), or "*", which skips up to five words but never a
	// sentence-ending punctuation token. Empty when the trigger alone fires.
	Pattern []string
	// Code is the CAMEO event code.
	Code Code
	// Symmetric marks predicates whose two parties act on each other ("meet",
	// "hold talks with", "clash"): both are sources and targets.
	Symmetric bool
	// Reverse marks predicates whose grammatical subject is the target and
	// whose object (or "from" phrase) is the source ("receive a delegation").
	Reverse bool
	// Noun marks a nominal trigger ("talks between", "attack on").
	Noun bool
	// Forms lists extra inflected forms that trigger the entry, beyond those
	// Lemma knows (PETRARCH dictionaries list them explicitly).
	Forms []string
	// Rule says where the entry comes from, for tracing a code back:
	// "verbs.tsv:123 meet with".
	Rule string
}

// Info returns the ontology entry for e.Code.
func (e Entry) Info() (Info, bool) { return Lookup(e.Code) }

// Lexicon finds the predicates of the lexicon in a sentence. It is built once
// and then only read; Match is safe for concurrent use.
type Lexicon struct {
	verbs  map[string][]*rule // by lemma and by extra form
	nouns  map[string][]*rule // by singular noun
	forms  map[string]string  // irregular form → lemma
	known  map[string]bool    // verb lemmas the lexicon knows
	rules  []*rule
	seqGen int
}

type rule struct {
	e       Entry
	toks    [][]string // one slice of alternatives per pattern token; nil for "*"
	literal int        // number of non-wildcard tokens, to prefer specific patterns
	seq     int        // load order: later entries win ties
}

// maxSkip is how many words a "*" in a pattern may skip.
const maxSkip = 5

var (
	embedOnce    sync.Once
	embedEntries []Entry
	embedInfl    map[string]string
	embedErr     error

	defaultOnce sync.Once
	defaultLex  *Lexicon
)

func loadEmbedded() {
	embedOnce.Do(func() {
		embedInfl = make(map[string]string)
		b, err := dataFS.ReadFile("data/inflections.tsv")
		if err != nil {
			embedErr = fmt.Errorf("read inflections: %w", err)
			return
		}
		if err := parseInflections(b, "inflections.tsv", embedInfl); err != nil {
			embedErr = err
			return
		}
		for _, f := range []struct {
			name string
			noun bool
		}{{"verbs.tsv", false}, {"nouns.tsv", true}} {
			b, err := dataFS.ReadFile("data/" + f.name)
			if err != nil {
				embedErr = fmt.Errorf("read %s: %w", f.name, err)
				return
			}
			es, err := ParseEntries(b, f.name, f.noun)
			if err != nil {
				embedErr = err
				return
			}
			embedEntries = append(embedEntries, es...)
		}
	})
}

// LoadLexicon returns the built-in lexicon, parsed from the embedded data.
// Each call returns a new Lexicon that the caller may extend with Add.
func LoadLexicon() (*Lexicon, error) {
	loadEmbedded()
	if embedErr != nil {
		return nil, embedErr
	}
	l := newLexicon()
	for f, lem := range embedInfl {
		l.forms[f] = lem
	}
	if err := l.Add(embedEntries...); err != nil {
		return nil, err
	}
	return l, nil
}

// LoadLexiconDir returns the built-in lexicon with the user's files in dir on
// top: every file whose name ends in "verbs.tsv", "nouns.tsv" or
// "inflections.tsv", in the formats of data/README.md. A user entry wins over
// a built-in one that matches as many words. Errors name file:line.
func LoadLexiconDir(dir string) (*Lexicon, error) {
	l, err := LoadLexicon()
	if err != nil {
		return nil, err
	}
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("lexicon dir: %w", err)
	}
	var names []string
	for _, de := range des {
		n := de.Name()
		if de.IsDir() {
			continue
		}
		if strings.HasSuffix(n, "verbs.tsv") || strings.HasSuffix(n, "nouns.tsv") || strings.HasSuffix(n, "inflections.tsv") {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("lexicon dir %s: no *verbs.tsv, *nouns.tsv or *inflections.tsv files", dir)
	}
	sort.Strings(names)
	// Inflections first, so that entries loaded after them see the forms.
	sort.SliceStable(names, func(i, j int) bool {
		return strings.HasSuffix(names[i], "inflections.tsv") && !strings.HasSuffix(names[j], "inflections.tsv")
	})
	for _, n := range names {
		path := filepath.Join(dir, n)
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		switch {
		case strings.HasSuffix(n, "inflections.tsv"):
			if err := parseInflections(b, path, l.forms); err != nil {
				return nil, err
			}
		default:
			es, err := ParseEntries(b, path, strings.HasSuffix(n, "nouns.tsv"))
			if err != nil {
				return nil, err
			}
			if err := l.Add(es...); err != nil {
				return nil, err
			}
		}
	}
	return l, nil
}

// NewLexicon builds a lexicon from entries alone, without the built-in data.
func NewLexicon(entries []Entry) (*Lexicon, error) {
	l := newLexicon()
	if err := l.Add(entries...); err != nil {
		return nil, err
	}
	return l, nil
}

func newLexicon() *Lexicon {
	return &Lexicon{
		verbs: make(map[string][]*rule),
		nouns: make(map[string][]*rule),
		forms: make(map[string]string),
		known: make(map[string]bool),
	}
}

// Add adds entries on top of those already loaded; on a tie in length and
// specificity, an entry added later wins. Add is not safe to call while
// another goroutine calls Match.
func (l *Lexicon) Add(entries ...Entry) error {
	for _, e := range entries {
		r, err := compile(e)
		if err != nil {
			where := e.Rule
			if where == "" {
				where = e.Lemma
			}
			return fmt.Errorf("lexicon entry %s: %w", where, err)
		}
		l.seqGen++
		r.seq = l.seqGen
		l.rules = append(l.rules, r)
		if e.Noun {
			l.nouns[e.Lemma] = append(l.nouns[e.Lemma], r)
			continue
		}
		l.known[e.Lemma] = true
		l.verbs[e.Lemma] = append(l.verbs[e.Lemma], r)
		for _, f := range e.Forms {
			if f != e.Lemma {
				l.verbs[f] = append(l.verbs[f], r)
			}
		}
	}
	return nil
}

func compile(e Entry) (*rule, error) {
	if e.Lemma == "" || strings.ContainsAny(e.Lemma, " \t") || e.Lemma != strings.ToLower(e.Lemma) {
		return nil, fmt.Errorf("lemma %q: want one lower-case word", e.Lemma)
	}
	if _, ok := Lookup(e.Code); !ok {
		return nil, fmt.Errorf("unknown CAMEO code %q", e.Code)
	}
	r := &rule{e: e}
	for i, t := range e.Pattern {
		if t == "*" {
			if i == len(e.Pattern)-1 {
				return nil, errors.New(`pattern ends in "*"`)
			}
			r.toks = append(r.toks, nil)
			continue
		}
		alts := strings.Split(t, "|")
		for _, a := range alts {
			if a == "" || a == "*" || strings.ContainsAny(a, " \t") || a != strings.ToLower(a) {
				return nil, fmt.Errorf("pattern word %q: want lower-case words separated by |", t)
			}
		}
		r.toks = append(r.toks, alts)
		r.literal++
	}
	return r, nil
}

// Len returns the number of entries in the lexicon.
func (l *Lexicon) Len() int { return len(l.rules) }

// Entries returns every entry, in load order.
func (l *Lexicon) Entries() []Entry {
	out := make([]Entry, len(l.rules))
	for i, r := range l.rules {
		out[i] = r.e
	}
	return out
}

// Match reports whether an entry fires at words[i]. words are the tokens of
// one sentence, lower case, as in the text (inflected). It returns the entry
// and how many words it spans from i, the trigger included. When several
// entries fire, the one with more literal pattern words wins ("fired tear
// gas and water cannon on Tuesday" is "fire * water cannon", not "fire *
// on"), then the one spanning most words, then the one added last.
func (l *Lexicon) Match(words []string, i int) (Entry, int, bool) {
	if i < 0 || i >= len(words) || words[i] == "" {
		return Entry{}, 0, false
	}
	w := words[i]
	var best *rule
	bestN := 0
	try := func(rs []*rule) {
		for _, r := range rs {
			n, ok := l.matchFrom(r.toks, words, i+1)
			if !ok {
				continue
			}
			n++
			if best == nil || r.literal > best.literal ||
				(r.literal == best.literal && (n > bestN || n == bestN && r.seq > best.seq)) {
				best, bestN = r, n
			}
		}
	}
	lem := l.Lemma(w)
	try(l.verbs[lem])
	if lem != w {
		try(l.verbs[w]) // extra forms listed by entries
	}
	sg := Singular(w)
	try(l.nouns[sg])
	if sg != w {
		try(l.nouns[w])
	}
	if best == nil {
		return Entry{}, 0, false
	}
	return best.e, bestN, true
}

// matchFrom matches toks against words from j and returns how many words the
// match spans. Wildcards skip as few words as allow the rest to match.
func (l *Lexicon) matchFrom(toks [][]string, words []string, j int) (int, bool) {
	if len(toks) == 0 {
		return 0, true
	}
	if toks[0] == nil {
		for k := 0; k <= maxSkip && j+k <= len(words); k++ {
			if k > 0 && isStop(words[j+k-1]) {
				break
			}
			if n, ok := l.matchFrom(toks[1:], words, j+k); ok {
				return k + n, true
			}
		}
		return 0, false
	}
	if j >= len(words) || !l.wordIs(words[j], toks[0]) {
		return 0, false
	}
	n, ok := l.matchFrom(toks[1:], words, j+1)
	return n + 1, ok
}

func isStop(w string) bool {
	switch w {
	case ".", ";", ":", "!", "?":
		return true
	}
	return false
}

func (l *Lexicon) wordIs(w string, alts []string) bool {
	for _, a := range alts {
		if w == a {
			return true
		}
	}
	sg := Singular(w)
	lem := ""
	for _, a := range alts {
		if sg == a {
			return true
		}
		if lem == "" {
			lem = l.Lemma(w)
		}
		if lem == a {
			return true
		}
	}
	return false
}

// Lemma returns the verb lemma of an inflected form, using the lexicon's
// irregular forms and the verbs it knows to choose between candidate stems
// ("congratulated" → "congratulate", "stopped" → "stop", "met" → "meet").
// A word it cannot analyse is returned unchanged.
func (l *Lexicon) Lemma(word string) string {
	if lem, ok := l.forms[word]; ok {
		return lem
	}
	return lemmaRules(word, l.known)
}

// Lemma returns the verb lemma of an inflected form according to the built-in
// lexicon: Lemma("met") is "meet", Lemma("congratulated") is "congratulate",
// Lemma("holds") is "hold". The word should be lower case. A word it cannot
// analyse is returned unchanged.
func Lemma(word string) string {
	defaultOnce.Do(func() {
		l, err := LoadLexicon()
		if err != nil {
			l = newLexicon()
		}
		defaultLex = l
	})
	return defaultLex.Lemma(word)
}

// invariant lists words ending in -s that are not plurals or verb forms.
var invariant = map[string]bool{"news": true, "series": true, "species": true, "means": true,
	"headquarters": true, "politics": true, "economics": true, "always": true, "perhaps": true,
	"whereas": true, "towards": true, "afterwards": true, "sometimes": true, "has": true, "was": true}

func lemmaRules(w string, known map[string]bool) string {
	if known[w] || len(w) < 4 || invariant[w] {
		return w
	}
	var cands []string
	switch {
	case strings.HasSuffix(w, "ied") || strings.HasSuffix(w, "ies"):
		cands = []string{w[:len(w)-3] + "y", w[:len(w)-1]}
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		s := w[:len(w)-3]
		cands = []string{s, s + "e", undouble(s)}
		if strings.HasSuffix(s, "y") {
			cands = append(cands, s[:len(s)-1]+"ie") // lying → lie
		}
	case strings.HasSuffix(w, "ed"):
		s := w[:len(w)-2]
		cands = []string{w[:len(w)-1], s, undouble(s)}
	case strings.HasSuffix(w, "es"):
		cands = []string{w[:len(w)-1], w[:len(w)-2]}
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		cands = []string{w[:len(w)-1]}
	default:
		return w
	}
	for _, c := range cands {
		if c != "" && known[c] {
			return c
		}
	}
	return guessStem(w)
}

// guessStem strips a regular suffix from a verb the lexicon does not know.
func guessStem(w string) string {
	switch {
	case len(w) <= 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-1] // dies, ties, lies
	case strings.HasSuffix(w, "ied") || strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		return fixStem(w[:len(w)-3])
	case strings.HasSuffix(w, "ed"):
		return fixStem(w[:len(w)-2])
	case strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") ||
		strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zes") && !strings.HasSuffix(w, "izes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

func fixStem(s string) string {
	n := len(s)
	if u := undouble(s); u != s {
		switch s[n-1] {
		case 's', 'z', 'f':
			return s // passed, buzzed, staffed
		case 'l':
			if vowelGroups(s[:n-2]) < 2 {
				return s // called, killed, pulled
			}
		}
		return u // stopped, banned, controlled
	}
	if vowelGroups(s) == 1 && n >= 3 && !isVowel(s[n-1]) && strings.IndexByte("wxy", s[n-1]) < 0 &&
		isVowel(s[n-2]) && !isVowel(s[n-3]) {
		return s + "e" // hoping, voted, ruled: a short vowel would have doubled
	}
	if n >= 2 && s[n-1] == 's' && isVowel(s[n-2]) {
		return s + "e" // caused, raised, ceased, accused
	}
	for _, suf := range []string{"at", "iz", "v", "uc", "rg", "dg", "ur", "u", "ac", "ns", "rs", "ud", "ok", "ag", "im"} {
		if strings.HasSuffix(s, suf) {
			return s + "e"
		}
	}
	if strings.HasSuffix(s, "vit") || strings.HasSuffix(s, "cit") || strings.HasSuffix(s, "nit") {
		return s + "e" // invite, cite, unite; but visit, edit, limit
	}
	if strings.HasSuffix(s, "id") && !strings.HasSuffix(s, "aid") && !strings.HasSuffix(s, "oid") {
		return s + "e" // decide, provide; but raid, avoid
	}
	return s
}

func vowelGroups(w string) int {
	g := 0
	for i := 0; i < len(w); i++ {
		if isVowel(w[i]) && (i == 0 || !isVowel(w[i-1])) {
			g++
		}
	}
	return g
}

// undouble removes a doubled final consonant ("stopp" → "stop").
func undouble(s string) string {
	n := len(s)
	if n < 3 || s[n-1] != s[n-2] || isVowel(s[n-1]) {
		return s
	}
	return s[:n-1]
}

// Singular returns the singular of an English noun by regular rules
// ("talks" → "talk", "casualties" → "casualty", "marches" → "march").
func Singular(w string) string {
	n := len(w)
	switch {
	case n < 4 || invariant[w]:
		return w
	case strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is") || strings.HasSuffix(w, "'s"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:n-1]
	}
	return w
}

// Inflect returns the inflected forms of a verb lemma: third person singular,
// past, past participle and present participle, irregular ones from the
// built-in inflection table, without duplicates.
func Inflect(lemma string) []string {
	loadEmbedded()
	var out []string
	seen := map[string]bool{lemma: true}
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	var irregular []string
	for f, l := range embedInfl {
		if l == lemma {
			irregular = append(irregular, f)
		}
	}
	sort.Strings(irregular)
	add(thirdPerson(lemma))
	if len(irregular) > 0 {
		for _, f := range irregular {
			add(f)
		}
	} else {
		add(pastTense(lemma))
	}
	add(presentParticiple(lemma))
	return out
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// doublesFinal reports whether a lemma doubles its final consonant before a
// vowel suffix (stop → stopped, ban → banned, admit → admitted).
func doublesFinal(w string) bool {
	n := len(w)
	if n < 3 || isVowel(w[n-1]) || strings.IndexByte("wxy", w[n-1]) >= 0 || !isVowel(w[n-2]) || isVowel(w[n-3]) {
		return false
	}
	if vowelGroups(w) == 1 {
		return true
	}
	for _, s := range []string{"mit", "mel", "pel", "fer", "ter", "cur", "gret", "trol", "quip", "quit", "bel", "gin"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

func thirdPerson(w string) string {
	n := len(w)
	switch {
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "o"):
		return w + "es"
	}
	return w + "s"
}

func pastTense(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ied"
	case doublesFinal(w):
		return w + w[n-1:] + "ed"
	}
	return w + "ed"
}

func presentParticiple(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ie"):
		return w[:n-2] + "ying"
	case strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") && !strings.HasSuffix(w, "ye") && !strings.HasSuffix(w, "oe") && n > 2:
		return w[:n-1] + "ing"
	case doublesFinal(w):
		return w + w[n-1:] + "ing"
	}
	return w + "ing"
}

// ParseEntries reads a verbs or nouns file in the format of data/README.md.
// name is used in errors and in each entry's Rule.
func ParseEntries(b []byte, name string, noun bool) ([]Entry, error) {
	var out []Entry
	sc := bufio.NewScanner(bytes.NewReader(b))
	n := 0
	base := filepath.Base(name)
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 || len(f) > 5 {
			return nil, fmt.Errorf("%s:%d: want 3 to 5 tab-separated fields (lemma, pattern, code, flags, note), got %d", name, n, len(f))
		}
		e := Entry{Lemma: strings.TrimSpace(f[0]), Code: Code(strings.TrimSpace(f[2])), Noun: noun}
		if p := strings.TrimSpace(f[1]); p != "-" && p != "" {
			e.Pattern = strings.Fields(p)
		}
		if len(f) >= 4 {
			for _, fl := range strings.Split(f[3], ",") {
				switch strings.TrimSpace(fl) {
				case "", "-":
				case "sym":
					e.Symmetric = true
				case "rev":
					e.Reverse = true
				default:
					return nil, fmt.Errorf("%s:%d: unknown flag %q (want sym or rev)", name, n, fl)
				}
			}
		}
		e.Rule = fmt.Sprintf("%s:%d %s", base, n, strings.TrimSpace(e.Lemma+" "+strings.Join(e.Pattern, " ")))
		if _, err := compile(e); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// parseInflections reads "lemma<TAB>form form ..." lines into forms.
func parseInflections(b []byte, name string, forms map[string]string) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 {
			return fmt.Errorf("%s:%d: want lemma<TAB>forms, got %d fields", name, n, len(f))
		}
		lem := strings.TrimSpace(f[0])
		fs := strings.Fields(f[1])
		if lem == "" || len(fs) == 0 || lem != strings.ToLower(lem) || strings.Contains(lem, " ") {
			return fmt.Errorf("%s:%d: want a lower-case lemma and at least one form", name, n)
		}
		for _, x := range fs {
			if x != strings.ToLower(x) {
				return fmt.Errorf("%s:%d: form %q is not lower case", name, n, x)
			}
			forms[x] = lem
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
