package event

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func mustLexicon(t testing.TB) *Lexicon {
	t.Helper()
	l, err := LoadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLexiconCoverage(t *testing.T) {
	l := mustLexicon(t)
	if l.Len() < 600 {
		t.Errorf("lexicon has %d entries, want at least 600", l.Len())
	}
	perRoot := map[Code]int{}
	for _, e := range l.Entries() {
		if _, ok := Lookup(e.Code); !ok {
			t.Errorf("%s: code %s not in cameo.tsv", e.Rule, e.Code)
		}
		if e.Rule == "" {
			t.Errorf("entry %+v has no rule", e)
		}
		perRoot[Root(e.Code)]++
	}
	for r := 1; r <= 20; r++ {
		root := Code([]byte{byte('0' + r/10), byte('0' + r%10)})
		if perRoot[root] < 15 {
			t.Errorf("root %s has %d entries, want at least 15", root, perRoot[root])
		}
	}
}

func TestLemma(t *testing.T) {
	tests := map[string]string{
		// irregular
		"met": "meet", "held": "hold", "broke": "break", "broken": "break", "fought": "fight",
		"shot": "shoot", "sought": "seek", "struck": "strike", "withdrew": "withdraw",
		"withdrawn": "withdraw", "paid": "pay", "said": "say", "left": "leave", "led": "lead",
		"overran": "overrun", "began": "begin", "took": "take", "beaten": "beat",
		// regular, known to the lexicon
		"congratulated": "congratulate", "holds": "hold", "attacked": "attack", "stopped": "stop",
		"called": "call", "visited": "visit", "negotiating": "negotiate", "detained": "detain",
		"seized": "seize", "carried": "carry", "agreed": "agree", "urged": "urge",
		"threatened": "threaten", "expelled": "expel", "bombed": "bomb", "banned": "ban",
		"criticized": "criticize", "released": "release", "travelled": "travel",
		"admitted": "admit", "rallied": "rally", "killing": "kill", "imposed": "impose",
		"occupied": "occupy", "hosted": "host", "meets": "meet", "accuses": "accuse",
		"marches": "march", "dies": "die", "shelled": "shell", "kidnapped": "kidnap",
		// regular, unknown to the lexicon: rules alone
		"controlled": "control", "ceased": "cease", "invited": "invite", "decided": "decide",
		"edited": "edit", "passed": "pass", "argued": "argue", "jumped": "jump", "hoping": "hope",
		// not inflected
		"meet": "meet", "the": "the", "news": "news", "crisis": "crisis",
	}
	for in, want := range tests {
		if got := Lemma(in); got != want {
			t.Errorf("Lemma(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInflect(t *testing.T) {
	tests := map[string]string{
		"meet":         "meets met meeting",
		"stop":         "stops stopped stopping",
		"congratulate": "congratulates congratulated congratulating",
		"carry":        "carries carried carrying",
		"admit":        "admits admitted admitting",
		"visit":        "visits visited visiting",
		"break":        "breaks broke broken breaking",
		"lie":          "lies lain lying",
		"march":        "marches marched marching",
	}
	for in, want := range tests {
		if got := strings.Join(Inflect(in), " "); got != want {
			t.Errorf("Inflect(%q) = %q, want %q", in, got, want)
		}
		for _, f := range Inflect(in) {
			if in == "lie" {
				continue // lie is not in the lexicon and "lies" is ambiguous
			}
			if got := Lemma(f); got != in {
				t.Errorf("Lemma(%q) = %q, want %q (round trip from Inflect)", f, got, in)
			}
		}
	}
}

func TestSingular(t *testing.T) {
	tests := map[string]string{"talks": "talk", "casualties": "casualty", "marches": "march",
		"sanctions": "sanction", "crisis": "crisis", "news": "news", "press": "press", "bus": "bus"}
	for in, want := range tests {
		if got := Singular(in); got != want {
			t.Errorf("Singular(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatch(t *testing.T) {
	l := mustLexicon(t)
	tests := []struct {
		name     string
		sentence string
		at       string // trigger word
		code     Code
		span     int
		sym      bool
	}{
		{"held talks", "Shamkhani and Lavrentiev held talks in Tehran on Tuesday", "held", "040", 2, true},
		{"held two rounds of talks with", "Iran held two rounds of talks with Russia", "held", "040", 6, true},
		{"met with", "Jaberi Ansari met separately with Lavrentiev", "met", "040", 1, true},
		{"broke the siege", "the Syrian army succeeded to break a Daesh siege on Deir Ezzor", "break", "190", 4, false},
		{"broke siege, past", "Syrian troops broke the siege of Deir Ezzor", "broke", "190", 3, false},
		{"congratulated", "Shamkhani congratulated Ali Mamlouk on the victories", "congratulated", "051", 1, false},
		{"attacked passive", "the convoy was attacked by gunmen", "attacked", "190", 1, false},
		{"help reconstruct", "Iran will help Syria reconstruct the country", "help", "070", 3, false},
		{"arrested", "police arrested dozens of protesters", "arrested", "173", 1, false},
		{"called for release", "they called for the immediate release of the hostages", "called", "0253", 5, false},
		{"called on", "the minister called on all countries to respect Syria's sovereignty", "called", "020", 2, false},
		{"called off strike", "the union called off the strike on Monday", "called", "082", 4, false},
		{"threatened sanctions", "Washington threatened to impose sanctions on Moscow", "threatened", "1312", 4, false},
		{"signed agreement", "the two sides signed a trade agreement", "signed", "057", 4, true},
		{"imposed curfew", "authorities imposed a curfew in the city", "imposed", "1723", 3, false},
		{"declared ceasefire", "the rebels declared a unilateral ceasefire", "declared", "0871", 4, false},
		{"expelled diplomats", "Britain expelled 23 Russian diplomats", "expelled", "161", 4, false},
		{"expelled bare", "the government expelled the journalist", "expelled", "174", 1, false},
		{"accused of war crimes", "the group accused the army of war crimes", "accused", "1124", 6, false},
		{"launched airstrikes", "the coalition launched airstrikes on Raqqa", "launched", "195", 2, false},
		{"launched air strikes", "jets launched air strikes on the town", "launched", "195", 3, false},
		{"sexually abused", "the guards sexually abused prisoners", "sexually", "1821", 2, false},
		{"took to the streets", "thousands took to the streets of Cairo", "took", "141", 4, false},
		{"went on hunger strike", "the prisoners went on a hunger strike", "went", "142", 5, false},
		{"attack on noun", "the attack on the convoy killed five", "attack", "190", 2, false},
		{"siege of noun", "the siege of Deir Ezzor lasted three years", "siege", "191", 2, false},
		{"talks between noun", "talks between Iran and Russia ended", "talks", "040", 2, true},
		{"visit to noun", "his visit to Moscow was cut short", "visit", "042", 2, false},
		{"suicide bombing", "a suicide bombing killed ten", "suicide", "1831", 2, false},
		{"brokered", "Tehran, Moscow and Ankara brokered the Astana talks", "brokered", "045", 1, false},
		{"survived assassination attempt", "the governor survived an assassination attempt", "survived", "185", 4, false},
		{"blocked roads", "protesters blocked roads in the capital", "blocked", "144", 2, false},
		{"star does not cross a full stop", "they held . talks", "held", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := strings.Fields(strings.ToLower(tt.sentence))
			i := -1
			for k, w := range words {
				if w == tt.at {
					i = k
					break
				}
			}
			if i < 0 {
				t.Fatalf("trigger %q not in %q", tt.at, tt.sentence)
			}
			e, n, ok := l.Match(words, i)
			if tt.code == "" {
				if ok && len(e.Pattern) > 0 {
					t.Errorf("Match(%q at %q) = %s (%s), want no pattern match", tt.sentence, tt.at, e.Code, e.Rule)
				}
				return
			}
			if !ok {
				t.Fatalf("Match(%q at %q): no match, want %s", tt.sentence, tt.at, tt.code)
			}
			if e.Code != tt.code || n != tt.span || e.Symmetric != tt.sym {
				t.Errorf("Match(%q at %q) = %s span %d sym %v (%s), want %s span %d sym %v",
					tt.sentence, tt.at, e.Code, n, e.Symmetric, e.Rule, tt.code, tt.span, tt.sym)
			}
		})
	}
}

func TestMatchBounds(t *testing.T) {
	l := mustLexicon(t)
	words := []string{"they", "met"}
	for _, i := range []int{-1, 2, 10} {
		if _, _, ok := l.Match(words, i); ok {
			t.Errorf("Match at %d fired", i)
		}
	}
	if _, _, ok := l.Match(nil, 0); ok {
		t.Error("Match on no words fired")
	}
	if _, _, ok := l.Match([]string{"the", "weather"}, 1); ok {
		t.Error("Match fired on a word outside the lexicon")
	}
}

func TestLoadLexiconDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("my-verbs.tsv", "# user verbs\nparley\twith\t046\tsym\tuser entry\ncongratulate\t-\t050\n")
	write("my-inflections.tsv", "parley\tparleyed\n")
	l, err := LoadLexiconDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	e, n, ok := l.Match([]string{"envoys", "parleyed", "with", "rebels"}, 1)
	if !ok || e.Code != "046" || n != 2 || !e.Symmetric || e.Rule != "my-verbs.tsv:2 parley with" {
		t.Errorf("user entry: got %+v %d %v", e, n, ok)
	}
	e, _, _ = l.Match([]string{"he", "congratulated", "her"}, 1)
	if e.Code != "050" {
		t.Errorf("user entry should override built-in congratulate: got %s (%s)", e.Code, e.Rule)
	}

	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "verbs.tsv"), []byte("meet\t-\t040\n\nparley\twith\t999\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = LoadLexiconDir(bad)
	if err == nil || !contains(err.Error(), "verbs.tsv:3") || !contains(err.Error(), "999") {
		t.Errorf("bad code: error %v, want file:line and the code", err)
	}
	if _, err := LoadLexiconDir(t.TempDir()); err == nil {
		t.Error("empty dir: want an error")
	}
	if _, err := LoadLexiconDir(filepath.Join(dir, "missing")); err == nil {
		t.Error("missing dir: want an error")
	}
}

func TestParseEntriesErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"fields", "meet\t-\n", "x.tsv:1: want 3 to 5"},
		{"code", "meet\t-\t9999\n", "x.tsv:1: unknown CAMEO code"},
		{"flag", "meet\t-\t040\tboth\n", "x.tsv:1: unknown flag"},
		{"trailing star", "meet\twith *\t040\n", "x.tsv:1: pattern ends"},
		{"upper", "Meet\t-\t040\n", "x.tsv:1: lemma"},
		{"empty alt", "meet\twith|\t040\n", "x.tsv:1: pattern word"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseEntries([]byte(tt.in), "x.tsv", false)
			if err == nil || !contains(err.Error(), tt.want) {
				t.Errorf("ParseEntries(%q) error = %v, want %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestNewLexiconAdd(t *testing.T) {
	l, err := NewLexicon([]Entry{{Lemma: "parley", Pattern: []string{"with"}, Code: "046", Rule: "test"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, n, ok := l.Match([]string{"parleys", "with"}, 0); !ok || n != 2 {
		t.Errorf("Match = %d %v", n, ok)
	}
	if err := l.Add(Entry{Lemma: "parley", Code: "nope", Rule: "test:2"}); err == nil || !contains(err.Error(), "test:2") {
		t.Errorf("Add bad code: %v", err)
	}
	if err := l.Add(Entry{Lemma: "x", Code: "040", Forms: []string{"xed"}}); err != nil {
		t.Fatal(err)
	}
	if e, _, ok := l.Match([]string{"xed"}, 0); !ok || e.Lemma != "x" {
		t.Errorf("extra form: got %+v %v", e, ok)
	}
}

func FuzzParseEntries(f *testing.F) {
	f.Add([]byte("meet\twith\t040\tsym\tnote\n"), false)
	f.Add([]byte("siege\tof|on\t191\n"), true)
	f.Add([]byte("hold\t* talk|meeting with\t040\tsym,rev\n# c\n\n"), false)
	f.Add([]byte("x\t*\t040\n"), false)
	f.Fuzz(func(t *testing.T, b []byte, noun bool) {
		es, err := ParseEntries(b, "fuzz.tsv", noun)
		if err != nil {
			return
		}
		l, err := NewLexicon(es)
		if err != nil {
			t.Fatalf("parsed entries do not build: %v", err)
		}
		words := strings.Fields(strings.ToLower(string(b)))
		for i := range words {
			if _, n, ok := l.Match(words, i); ok && (n < 1 || i+n > len(words)) {
				t.Fatalf("span %d at %d of %d words", n, i, len(words))
			}
		}
	})
}

func BenchmarkMatch(b *testing.B) {
	l := mustLexicon(b)
	words := strings.Fields("top iranian security official ali shamkhani and president putin's special envoy for syria alexander lavrentiev held talks in tehran on tuesday , after the syrian army succeeded to break a daesh siege on the eastern town of deir ezzor")
	b.ResetTimer()
	for range b.N {
		for i := range words {
			l.Match(words, i)
		}
	}
}
