package quote

import (
	"os"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

// TestReferenceArticle runs Find on the reference wire report with refs
// placed where the speakers are named, titled or referred to by pronoun.
func TestReferenceArticle(t *testing.T) {
	b, err := os.ReadFile(sharedFile(t, "reference/tehran-talks.txt"))
	if err != nil {
		t.Fatalf("reading reference article: %v", err)
	}
	text := string(b)
	var refs []Ref
	// mark adds a ref for every occurrence of s.
	mark := func(s, actor string, person bool) {
		for off := 0; ; {
			i := strings.Index(text[off:], s)
			if i < 0 {
				return
			}
			st := off + i
			end := st + len(s)
			off = end
			// whole words only
			if st > 0 && isWordByte(text[st-1]) || end < len(text) && isWordByte(text[end]) {
				continue
			}
			refs = append(refs, Ref{Span: khaldun.Span{Start: st, End: end}, Actor: actor, Person: person})
		}
	}
	mark("Ali Shamkhani", "shamkhani", true)
	mark("Shamkhani", "shamkhani", true)
	mark("the security official", "shamkhani", true)
	mark("the top security official", "shamkhani", true)
	mark("he", "shamkhani", true)
	mark("He", "shamkhani", true)
	mark("Alexander Lavrentiev", "lavrentiev", true)
	mark("Lavrentiev", "lavrentiev", true)
	mark("Ali Mamlouk", "mamlouk", true)
	mark("Mamlouk", "mamlouk", true)
	mark("Hossein Jaberi Ansari", "ansari", true)
	mark("Jaberi Ansari", "ansari", true)
	mark("Supreme National Security Council", "snsc", true)
	mark("Iran", "iran", false)
	mark("Syria", "syria", false)
	refs = dedupeRefs(refs)

	quotes := Find(text, splitSentences(text), refs)
	for _, q := range quotes {
		t.Logf("%s %-8s %-10s cue=%q %q", q.ID, q.Kind, q.Speaker, khaldun.Span{Start: q.Cue.Start, End: q.Cue.End}.In(text), q.Text)
		if q.Start < 0 || q.End > len(text) || q.Start >= q.End || text[q.Start:q.End] != q.Text {
			t.Errorf("%s: span [%d,%d) does not hold its text", q.ID, q.Start, q.End)
		}
	}
	cases := []struct {
		name, prefix, contains, speaker, kind string
	}{
		{"direct all sides", "All sides", "", "shamkhani", khaldun.QuoteDirect},
		{"direct consecutive victories", "Consecutive victories", "", "shamkhani", khaldun.QuoteDirect},
		{"direct real active", "Real, active and close cooperation", "", "shamkhani", khaldun.QuoteDirect},
		{"mixed lethal virus", "", "lethal virus", "shamkhani", khaldun.QuoteMixed},
		{"indirect Lavrentiev", "", "importance of settling", "lavrentiev", khaldun.QuoteIndirect},
		{"indirect help Syrian people", "", "Iran will help the Syrian people", "shamkhani", khaldun.QuoteIndirect},
		{"indirect went on to say", "", "essential that all countries", "shamkhani", khaldun.QuoteIndirect},
		{"indirect predicted", "", "end of Daesh", "shamkhani", khaldun.QuoteIndirect},
		{"indirect joint campaigns", "", "started paying dividends", "shamkhani", khaldun.QuoteIndirect},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, q := range quotes {
				if c.prefix != "" && !strings.HasPrefix(q.Text, c.prefix) || c.contains != "" && !strings.Contains(q.Text, c.contains) {
					continue
				}
				if q.Speaker != c.speaker || q.Kind != c.kind {
					t.Errorf("%q: got speaker %q kind %s, want %q %s", q.Text, q.Speaker, q.Kind, c.speaker, c.kind)
				}
				return
			}
			t.Errorf("no quote with prefix %q containing %q", c.prefix, c.contains)
		})
	}
	for _, q := range quotes {
		if strings.Contains(q.Text, "Creative Commons") || strings.Contains(q.Text, "held talks") {
			t.Errorf("unexpected quote %q", q.Text)
		}
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// dedupeRefs sorts refs and drops those inside a longer one.
func dedupeRefs(refs []Ref) []Ref {
	refs = sortedRefs(strings.Repeat(" ", 1<<30>>10), refs)
	var out []Ref
	for _, r := range refs {
		if n := len(out); n > 0 && r.Span.Start < out[n-1].Span.End {
			if r.Span.Len() > out[n-1].Span.Len() {
				out[n-1] = r
			}
			continue
		}
		out = append(out, r)
	}
	return out
}
