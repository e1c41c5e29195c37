package eval

import (
	"sort"
	"strings"

	"github.com/khaldun/khaldun"
)

// PRF counts what precision, recall and F1 are computed from. GoldHit is
// the number of gold items found, PredHit the number of predicted items
// that are right; with one-to-one matching they are equal.
type PRF struct {
	Gold, Pred       int
	GoldHit, PredHit int
}

// add counts one more matched pair.
func (c *PRF) hit() { c.GoldHit++; c.PredHit++ }

// P is precision: right predictions over predictions (0 when none).
func (c PRF) P() float64 { return ratio(c.PredHit, c.Pred) }

// R is recall: gold items found over gold items (0 when none).
func (c PRF) R() float64 { return ratio(c.GoldHit, c.Gold) }

// F1 is the harmonic mean of P and R (0 when both are 0).
func (c PRF) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *PRF) plus(o PRF) {
	c.Gold += o.Gold
	c.Pred += o.Pred
	c.GoldHit += o.GoldHit
	c.PredHit += o.PredHit
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score is one line of a report: either precision/recall/F1 counts, or a
// single value computed over N items.
type Score struct {
	Name  string
	PRF   *PRF
	Value float64
	N     int
	// Lower is true when a smaller Value is better (distances).
	Lower bool
}

// Figure is one named number of a report, as kept in golden text and
// compared with floors.
type Figure struct {
	Name  string
	Value float64
}

// Figures flattens the scores: a PRF score named X gives X.p, X.r and
// X.f1; a value score gives its name.
func (s Score) Figures() []Figure {
	if s.PRF != nil {
		return []Figure{{s.Name + ".p", s.PRF.P()}, {s.Name + ".r", s.PRF.R()}, {s.Name + ".f1", s.PRF.F1()}}
	}
	return []Figure{{s.Name, s.Value}}
}

// Case is one place where the coder and the gold disagree: the sentence
// (or record), what was expected and what was produced.
type Case struct {
	ID       string
	Context  string
	Expected []string
	Produced []string
	// Cost is the number of disagreements the case holds; the worst
	// cases are the costliest.
	Cost int
}

// Report is the outcome of one set.
type Report struct {
	Set     string
	Task    Task
	Records int // records scored
	Skipped int // records left out (marked not valid by their source)
	// TextChanged counts records whose text the coder changed, so that
	// its offsets do not point into the gold text.
	TextChanged int
	// Err says why the set was not scored (its coder could not be built);
	// the report then has no scores.
	Err    string
	Scores []Score
	Errors []Case // the worst cases, costliest first
}

// Figures lists every figure of the report in order.
func (r Report) Figures() []Figure {
	var out []Figure
	for _, s := range r.Scores {
		out = append(out, s.Figures()...)
	}
	return out
}

// worst keeps the n costliest cases, in a stable order.
func worst(cases []Case, n int) []Case {
	var out []Case
	for _, c := range cases {
		if c.Cost > 0 {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Cost > out[j].Cost })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// matchSpans pairs gold and predicted spans one to one: exactly equal
// spans when exact is true, else spans sharing at least one byte, each
// gold span taking the free prediction it overlaps most. The result gives,
// for each gold span, the index of its prediction or -1.
func matchSpans(gold, pred []khaldun.Span, exact bool) []int {
	return match(gold, pred, exact, func(g, p khaldun.Span) bool { return g == p }, overlap)
}

// match pairs gold and predicted items one to one: the first free equal
// one (exact), else the free one sharing most (overlap > 0).
func match[T any](gold, pred []T, exact bool, equal func(g, p T) bool, overlap func(g, p T) int) []int {
	out := make([]int, len(gold))
	used := make([]bool, len(pred))
	for i, g := range gold {
		out[i] = -1
		best := 0
		for j, p := range pred {
			if used[j] {
				continue
			}
			if exact {
				if equal(g, p) {
					out[i] = j
					break
				}
				continue
			}
			if ov := overlap(g, p); ov > best {
				best, out[i] = ov, j
			}
		}
		if out[i] >= 0 {
			used[out[i]] = true
		}
	}
	return out
}

// overlap is the number of bytes two spans share.
func overlap(a, b khaldun.Span) int {
	lo, hi := max(a.Start, b.Start), min(a.End, b.End)
	if hi <= lo {
		return 0
	}
	return hi - lo
}

// countMatches turns a matching into counts.
func countMatches(m []int, pred int) PRF {
	c := PRF{Gold: len(m), Pred: pred}
	for _, j := range m {
		if j >= 0 {
			c.hit()
		}
	}
	return c
}

// unitAround returns the sentence-like stretch of text around byte pos:
// from the last line break or sentence end before it to the next one
// after it, used to show an error in context.
func unitAround(text string, pos int) khaldun.Span {
	if pos < 0 {
		pos = 0
	}
	if pos > len(text) {
		pos = len(text)
	}
	start := 0
	for i := pos - 1; i > 0; i-- {
		if text[i] == '\n' {
			start = i + 1
			break
		}
		if text[i] == ' ' && sentenceEnd(text[:i]) {
			start = i + 1
			break
		}
	}
	end := len(text)
	for i := pos; i < len(text); i++ {
		if text[i] == '\n' {
			end = i
			break
		}
		if text[i] == ' ' && i > pos && sentenceEnd(text[:i]) {
			end = i
			break
		}
	}
	return khaldun.Span{Start: start, End: end}
}

// sentenceEnd reports whether s ends a sentence: a full stop, question or
// exclamation mark, possibly followed by closing quotes or brackets.
func sentenceEnd(s string) bool {
	s = strings.TrimRight(s, "\"'”’)")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// clip shortens s to about n bytes on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// quoted shows a span of text for an error listing.
func quoted(text string, s khaldun.Span) string {
	return "\"" + clip(s.In(text), 120) + "\""
}

// unitCases groups per-position disagreements into one case per unit of
// text (sentence or line), in text order.
type unitCases struct {
	id    string
	text  string
	units []khaldun.Span // given sentences; nil to find units around positions
	cases map[int]*Case
	order []int
}

func newUnitCases(id, text string, units []khaldun.Span) *unitCases {
	return &unitCases{id: id, text: text, units: units, cases: map[int]*Case{}}
}

// at returns the case of the unit holding byte pos.
func (u *unitCases) at(pos int) *Case {
	unit := khaldun.Span{Start: -1}
	for _, s := range u.units {
		if s.Start <= pos && pos < s.End {
			unit = s
			break
		}
	}
	if unit.Start < 0 {
		unit = unitAround(u.text, pos)
	}
	c, ok := u.cases[unit.Start]
	if !ok {
		c = &Case{ID: u.id, Context: clip(unit.In(u.text), 400)}
		u.cases[unit.Start] = c
		u.order = append(u.order, unit.Start)
	}
	return c
}

// expected records a gold item the coder missed or got wrong.
func (u *unitCases) expected(pos int, s string) {
	c := u.at(pos)
	c.Expected = append(c.Expected, s)
	c.Cost++
}

// produced records a prediction that is wrong.
func (u *unitCases) produced(pos int, s string) {
	c := u.at(pos)
	c.Produced = append(c.Produced, s)
	c.Cost++
}

// list returns the cases in text order.
func (u *unitCases) list() []Case {
	sort.Ints(u.order)
	out := make([]Case, 0, len(u.order))
	for _, k := range u.order {
		out = append(out, *u.cases[k])
	}
	return out
}
