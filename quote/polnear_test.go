package quote

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
)

var update = flag.Bool("update", false, "rewrite the golden quality figures under testdata")

// polnearDoc is one article of shared/eval/quotes/dev.jsonl.
type polnearDoc struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Quotes []struct {
		Speaker *polnearSpans `json:"speaker"`
		Cue     *polnearSpans `json:"cue"`
		Content polnearSpans  `json:"content"`
		Kind    string        `json:"kind"`
	} `json:"quotes"`
}

type polnearSpans struct {
	Spans [][2]int `json:"spans"`
}

// bytes converts code-point spans to byte spans with the table runeByte.
func (p *polnearSpans) bytes(runeByte []int) []khaldun.Span {
	if p == nil {
		return nil
	}
	out := make([]khaldun.Span, 0, len(p.Spans))
	for _, s := range p.Spans {
		if s[0] < 0 || s[1] >= len(runeByte) || s[0] >= s[1] {
			continue
		}
		out = append(out, khaldun.Span{Start: runeByte[s[0]], End: runeByte[s[1]]})
	}
	return out
}

// naiveRefs makes a ref of every run of capitalised words and of every
// subject pronoun; the actor id is the span, so speakers can be scored.
func naiveRefs(text string) []Ref {
	var refs []Ref
	add := func(s, e int) {
		refs = append(refs, Ref{Span: khaldun.Span{Start: s, End: e}, Actor: strconv.Itoa(s) + ":" + strconv.Itoa(e), Person: true})
	}
	runStart, runEnd := -1, -1
	flush := func() {
		if runStart >= 0 {
			add(runStart, runEnd)
		}
		runStart = -1
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			if r != ' ' && r != '.' || r == ' ' && runEnd != i {
				if r != ' ' {
					flush()
				}
			}
			if r == ' ' && runEnd != i {
				flush()
			}
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) && r2 != '\'' && r2 != '’' && r2 != '-' && r2 != '.' {
				break
			}
			j += n2
		}
		w := text[i:j]
		switch {
		case unicode.IsUpper(r) && w != "I":
			if runStart < 0 || runEnd != i-1 {
				flush()
				runStart = i
			}
			runEnd = j
		default:
			flush()
			switch strings.ToLower(w) {
			case "he", "she", "they", "we", "i":
				add(i, j)
			}
		}
		i = j
	}
	flush()
	return refs
}

type prf struct{ tp, np, ng, tpg int }

func (c prf) f1() (p, r, f float64) {
	if c.np > 0 {
		p = float64(c.tp) / float64(c.np)
	}
	if c.ng > 0 {
		r = float64(c.tpg) / float64(c.ng)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func (c prf) String() string {
	p, r, f := c.f1()
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (pred %d, gold %d)", p, r, f, c.np, c.ng)
}

func overlapsAny(s khaldun.Span, list []khaldun.Span) bool {
	for _, o := range list {
		if s.Overlaps(o) {
			return true
		}
	}
	return false
}

// TestPolNeAR measures Find on the PolNeAR dev set with naive refs: a
// predicted quote is right when its words overlap the content of a gold
// attribution, a cue when it overlaps a gold cue.
func TestPolNeAR(t *testing.T) {
	f, err := os.Open(sharedFile(t, "eval/quotes/dev.jsonl"))
	if err != nil {
		t.Fatalf("opening gold set: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)

	kinds := []string{khaldun.QuoteDirect, khaldun.QuoteIndirect, khaldun.QuoteMixed}
	var content, cue, bytesOv prf
	byKind := map[string]*prf{}
	cueByKind := map[string]*prf{}
	for _, k := range kinds {
		byKind[k], cueByKind[k] = &prf{}, &prf{}
	}
	speakerOK, speakerN := 0, 0
	line := 0
	for sc.Scan() {
		line++
		var d polnearDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("dev.jsonl:%d: %v", line, err)
		}
		runeByte := make([]int, 0, len(d.Text)+1)
		for i := range d.Text {
			runeByte = append(runeByte, i)
		}
		runeByte = append(runeByte, len(d.Text))

		type gold struct {
			content, cue, speaker []khaldun.Span
			kind                  string
		}
		var golds []gold
		for _, q := range d.Quotes {
			golds = append(golds, gold{q.Content.bytes(runeByte), q.Cue.bytes(runeByte), q.Speaker.bytes(runeByte), q.Kind})
		}
		got := Find(d.Text, splitSentences(d.Text), naiveRefs(d.Text))

		// Content overlap, kind-agnostic and by kind.
		content.np += len(got)
		content.ng += len(golds)
		goldHit := make([]bool, len(golds))
		for _, q := range got {
			qs := khaldun.Span{Start: q.Start, End: q.End}
			byKind[q.Kind].np++
			hit, kindHit := false, false
			best, bestOv := -1, 0
			for gi, g := range golds {
				for _, c := range g.content {
					if !qs.Overlaps(c) {
						continue
					}
					hit = true
					goldHit[gi] = true
					if g.kind == q.Kind {
						kindHit = true
					}
					if ov := min(qs.End, c.End) - max(qs.Start, c.Start); ov > bestOv {
						best, bestOv = gi, ov
					}
				}
			}
			if hit {
				content.tp++
			}
			if kindHit {
				byKind[q.Kind].tp++
			}
			if best >= 0 && len(golds[best].speaker) > 0 {
				speakerN++
				if q.Speaker != "" {
					var s, e int
					fmt.Sscanf(q.Speaker, "%d:%d", &s, &e)
					if overlapsAny(khaldun.Span{Start: s, End: e}, golds[best].speaker) {
						speakerOK++
					}
				}
			}
		}
		for gi, g := range golds {
			byKind[g.kind].ng++
			if goldHit[gi] {
				content.tpg++
			}
			for _, q := range got {
				if q.Kind == g.kind && overlapsAny(khaldun.Span{Start: q.Start, End: q.End}, g.content) {
					byKind[g.kind].tpg++
					break
				}
			}
		}

		// Cues.
		for _, q := range got {
			cue.np++
			cueByKind[q.Kind].np++
			for _, g := range golds {
				if overlapsAny(q.Cue, g.cue) {
					cue.tp++
					cueByKind[q.Kind].tp++
					break
				}
			}
		}
		for _, g := range golds {
			if len(g.cue) == 0 {
				continue
			}
			cue.ng++
			cueByKind[g.kind].ng++
			for _, q := range got {
				if overlapsAny(q.Cue, g.cue) {
					cue.tpg++
					cueByKind[g.kind].tpg++
					break
				}
			}
		}

		// Bytes of content covered.
		inGold := make([]bool, len(d.Text))
		inGot := make([]bool, len(d.Text))
		for _, g := range golds {
			for _, c := range g.content {
				for i := c.Start; i < c.End; i++ {
					inGold[i] = true
				}
			}
		}
		for _, q := range got {
			for i := q.Start; i < q.End; i++ {
				inGot[i] = true
			}
		}
		for i := range inGold {
			if inGold[i] {
				bytesOv.ng++
			}
			if inGot[i] {
				bytesOv.np++
			}
			if inGold[i] && inGot[i] {
				bytesOv.tp++
				bytesOv.tpg++
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("dev.jsonl:%d: %v", line, err)
	}

	var b strings.Builder
	fmt.Fprintf(&b, "PolNeAR dev, %d articles, naive refs\n", line)
	fmt.Fprintf(&b, "content overlap: %s\n", content)
	fmt.Fprintf(&b, "content bytes:   %s\n", bytesOv)
	fmt.Fprintf(&b, "cue overlap:     %s\n", cue)
	for _, k := range kinds {
		fmt.Fprintf(&b, "content %-8s  %s\n", k, *byKind[k])
		fmt.Fprintf(&b, "cue     %-8s  %s\n", k, *cueByKind[k])
	}
	fmt.Fprintf(&b, "speaker overlaps gold speaker: %d/%d\n", speakerOK, speakerN)
	t.Log("\n" + b.String())
	if *update {
		if err := os.WriteFile("testdata/polnear-dev.txt", []byte(b.String()), 0o644); err != nil {
			t.Fatalf("writing golden figures: %v", err)
		}
	}

	_, _, cf := content.f1()
	_, _, kf := cue.f1()
	floors := []struct {
		name       string
		got, floor float64
	}{
		{"content overlap F1", cf, polnearContentFloor},
		{"cue F1", kf, polnearCueFloor},
	}
	for _, fl := range floors {
		if fl.got < fl.floor {
			t.Errorf("%s %.3f fell below the floor %.3f", fl.name, fl.got, fl.floor)
		}
	}
}

// Floors: the measured figures less a margin.
const (
	polnearContentFloor = 0.58
	polnearCueFloor     = 0.53
)
