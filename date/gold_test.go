package date

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/khaldun/khaldun/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// shared is the folder of gold sets and corpora, outside the repository.
var shared, _ = sharedtest.Dir()

// needShared skips the test when the shared folder is absent, and fails it
// when CI is set.
func needShared(t testing.TB, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing (CI is set): %v", path, err)
		}
		t.Skipf("%s is missing; skipping (it lives outside the repository)", path)
	}
}

type goldTimex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

type goldDoc struct {
	ID      string      `json:"id"`
	Set     string      `json:"set"`
	DCT     string      `json:"dct"`
	Text    string      `json:"text"`
	Timexes []goldTimex `json:"timexes"`
}

func readGold(t testing.TB, path string) []goldDoc {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatalf("open gold: %v", err)
	}
	defer fh.Close()
	var docs []goldDoc
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		var d goldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		// Code-point offsets to byte offsets.
		idx := make([]int, 0, len(d.Text)+1)
		for b := range d.Text {
			idx = append(idx, b)
		}
		idx = append(idx, len(d.Text))
		for k := range d.Timexes {
			d.Timexes[k].Start = idx[d.Timexes[k].Start]
			d.Timexes[k].End = idx[d.Timexes[k].End]
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read gold: %v", err)
	}
	return docs
}

// score counts matches between found and gold expressions.
type score struct {
	sys, gold          int // scored system and gold expressions
	exact, overlap     int // gold expressions matched exactly / by overlap
	value              int // overlap matches with the right value
	byType             map[string][2]int
	missed, wrong, bad []string
}

func (s score) prf(tp int) (p, r, f float64) {
	if s.sys > 0 {
		p = float64(tp) / float64(s.sys)
	}
	if s.gold > 0 {
		r = float64(tp) / float64(s.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// scored reports whether a gold type is scored; the others (TIME, SET) are
// neither expected nor held against the finder.
func scored(typ string) bool { return typ == "DATE" || typ == "DURATION" }

func evaluate(docs []goldDoc) score {
	s := score{byType: map[string][2]int{}}
	for _, d := range docs {
		dct, err := time.Parse("2006-01-02", d.DCT[:min(10, len(d.DCT))])
		if err != nil {
			dct = time.Time{}
		}
		found := Find(d.Text, dct)
		used := make([]bool, len(d.Timexes))
		for _, x := range found {
			g := -1
			for k, gt := range d.Timexes {
				if !used[k] && gt.Start < x.End && x.Start < gt.End {
					g = k
					break
				}
			}
			if g < 0 {
				s.sys++
				s.bad = append(s.bad, fmt.Sprintf("%s\t%q\t%s\t%s", d.ID, x.Text, x.Value, context(d.Text, x.Start, x.End)))
				continue
			}
			used[g] = true
			gt := d.Timexes[g]
			if !scored(gt.Type) {
				continue
			}
			s.sys++
			s.overlap++
			if gt.Start == x.Start && gt.End == x.End {
				s.exact++
			}
			c := s.byType[gt.Type]
			c[1]++
			if gt.Value == x.Value {
				s.value++
				c[0]++
			} else {
				s.wrong = append(s.wrong, fmt.Sprintf("%s\t%s\t%q=%s\tgot %q=%s\tdct %s", d.ID, gt.Type, gt.Text, gt.Value, x.Text, x.Value, d.DCT))
			}
			s.byType[gt.Type] = c
		}
		for k, gt := range d.Timexes {
			if scored(gt.Type) {
				s.gold++
				if !used[k] {
					s.missed = append(s.missed, fmt.Sprintf("%s\t%s\t%q\t%s\t%s", d.ID, gt.Type, gt.Text, gt.Value, context(d.Text, gt.Start, gt.End)))
				}
			}
		}
	}
	return s
}

func context(text string, s, e int) string {
	a, b := max(0, s-40), min(len(text), e+40)
	for a > 0 && a < len(text) && text[a]&0xC0 == 0x80 {
		a--
	}
	for b < len(text) && text[b]&0xC0 == 0x80 {
		b++
	}
	return strings.ReplaceAll(text[a:s]+"["+text[s:e]+"]"+text[e:b], "\n", " ")
}

// TestGold measures the finder on the TempEval-3 dev documents.
func TestGold(t *testing.T) {
	path := filepath.Join(shared, "eval", "timex", "dev.jsonl")
	needShared(t, path)
	docs := readGold(t, path)
	s := evaluate(docs)
	ep, er, ef := s.prf(s.exact)
	op, or, of := s.prf(s.overlap)
	vp, vr, vf := s.prf(s.value)
	acc := 0.0
	if s.overlap > 0 {
		acc = float64(s.value) / float64(s.overlap)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "TempEval-3 dev (tempeval3-timebank + tempeval3-aquaint), DATE+DURATION: %d gold, %d found\n", s.gold, s.sys)
	fmt.Fprintf(&b, "span exact:   P %.3f R %.3f F1 %.3f\n", ep, er, ef)
	fmt.Fprintf(&b, "span overlap: P %.3f R %.3f F1 %.3f\n", op, or, of)
	fmt.Fprintf(&b, "value:        P %.3f R %.3f F1 %.3f; accuracy on matched spans %.3f\n", vp, vr, vf, acc)
	types := make([]string, 0, len(s.byType))
	for k := range s.byType {
		types = append(types, k)
	}
	sort.Strings(types)
	for _, k := range types {
		c := s.byType[k]
		fmt.Fprintf(&b, "  %s: %d of %d matched spans with the right value\n", k, c[0], c[1])
	}
	figures := b.String()
	for _, l := range strings.Split(strings.TrimSpace(figures), "\n") {
		t.Log(l)
	}
	golden := filepath.Join("testdata", "tempeval3-dev.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(figures), 0o644); err != nil {
			t.Fatalf("write %s: %v", golden, err)
		}
	} else if want, err := os.ReadFile(golden); err != nil {
		t.Errorf("read %s: %v (run go test -update)", golden, err)
	} else if string(want) != figures {
		t.Errorf("figures changed; review and run go test -run TestGold -update\n got:\n%s\nwant:\n%s", figures, want)
	}
	if os.Getenv("DATE_DEBUG") != "" {
		for _, l := range s.missed {
			t.Logf("MISSED %s", l)
		}
		for _, l := range s.wrong {
			t.Logf("WRONG %s", l)
		}
		for _, l := range s.bad {
			t.Logf("SPURIOUS %s", l)
		}
	}
	// Floors: the measured figures less a small margin.
	const floorOverlap, floorExact, floorValue = 0.90, 0.83, 0.76
	if of < floorOverlap || ef < floorExact || vf < floorValue {
		t.Errorf("below floor: overlap F1 %.3f (floor %.2f), exact F1 %.3f (floor %.2f), value F1 %.3f (floor %.2f)",
			of, floorOverlap, ef, floorExact, vf, floorValue)
	}
}
