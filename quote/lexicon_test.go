package quote

import (
	"strings"
	"testing"
)

func TestDefaultLexicon(t *testing.T) {
	l, err := DefaultLexicon()
	if err != nil {
		t.Fatalf("embedded lexicon: %v", err)
	}
	if l.Len() < 300 {
		t.Errorf("lexicon has %d forms, want at least 300", l.Len())
	}
	cases := []struct {
		form      string
		class     Class
		that      That
		np, event bool
	}{
		{"said", ClassVerb, ThatOptional, false, false},
		{"highlighted", ClassVerb, ThatOptional, true, false},
		{"warned", ClassVerb, ThatRequired, false, true},
		{"went on to say", ClassVerb, ThatOptional, false, false},
		{"according to", ClassPrep, ThatNo, false, false},
		{"in a statement", ClassNoun, ThatNo, false, false},
	}
	for _, c := range cases {
		t.Run(c.form, func(t *testing.T) {
			e := l.Lookup(c.form)
			if e == nil {
				t.Fatalf("%q missing", c.form)
			}
			if e.Class != c.class || e.That != c.that || e.NP != c.np || e.Event != c.event {
				t.Errorf("%q: got %+v", c.form, *e)
			}
		})
	}
}

func TestParseLexiconErrors(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"columns", "said\tsay\tverb\n", "user.tsv:1: want 7"},
		{"class", "# c\nsaid\tsay\tadverb\topt\tn\tn\tn\n", "user.tsv:2: class"},
		{"that", "said\tsay\tverb\tmaybe\tn\tn\tn\n", "user.tsv:1: that"},
		{"flag", "said\tsay\tverb\topt\tyes\tn\tn\n", "user.tsv:1: np"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseLexicon("user.tsv", strings.NewReader(c.in))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want error containing %q", err, c.want)
			}
		})
	}
}

func TestLexiconAdd(t *testing.T) {
	base, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	user, err := ParseLexicon("user.tsv", strings.NewReader("opined\topine\tverb\topt\tn\tn\tn\n"))
	if err != nil {
		t.Fatal(err)
	}
	l := &Lexicon{}
	l.Add(base)
	l.Add(user)
	if l.Lookup("opined") == nil || l.Lookup("said") == nil {
		t.Fatalf("merged lexicon lacks a form")
	}
	if base.Lookup("opined") != nil {
		t.Errorf("Add changed the default lexicon")
	}
	text := "The senator opined that the bill would fail."
	refs := []Ref{{Span: span(text, "The senator"), Actor: "a1", Person: true}}
	qs := l.Find(text, nil, refs)
	if len(qs) != 1 || qs[0].Text != "the bill would fail" {
		t.Errorf("got %+v", qs)
	}
}
