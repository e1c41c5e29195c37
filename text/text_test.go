package text

import (
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"abbreviations", "U.S. Secretary of State John Kerry met Gen. Ahmed Ali on Jan. 5 in Cairo. They discussed aid.",
			[]string{"U.S. Secretary of State John Kerry met Gen. Ahmed Ali on Jan. 5 in Cairo.", "They discussed aid."}},
		{"initials", "The report by J. R. Martin was published. It said little.",
			[]string{"The report by J. R. Martin was published.", "It said little."}},
		{"quote closes sentence", "“We will not give up.” The minister left the room.",
			[]string{"“We will not give up.”", "The minister left the room."}},
		{"quote spanning sentences", "“We will fight. We will win,” he said. Crowds cheered.",
			[]string{"“We will fight.", "We will win,” he said.", "Crowds cheered."}},
		{"country abbreviation ends sentence", "The aid came from the U.S. The army said so.",
			[]string{"The aid came from the U.S.", "The army said so."}},
		{"line breaks", "Talks end in Geneva\n\nGENEVA - Envoys left on Friday.",
			[]string{"Talks end in Geneva", "GENEVA - Envoys left on Friday."}},
		{"hard wrap", "The company said the\nmerger would close soon. Shares rose.",
			[]string{"The company said the\nmerger would close soon.", "Shares rose."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Annotate(tt.in)
			var got []string
			for _, s := range d.Sentences {
				got = append(got, s.Span.In(tt.in))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Annotate(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"possessive curly", "President Putin’s envoy", "President|Putin|’s|envoy"},
		{"possessive straight", "Iran's help", "Iran|'s|help"},
		{"hyphenated name", "Deir ez-Zor and Tal-Afar", "Deir|ez-Zor|and|Tal-Afar"},
		{"abbreviation", "the U.S. and U.N. envoys", "the|U.S.|and|U.N.|envoys"},
		{"state abbreviation", "CHARLESTON, W.Va. - Police", "CHARLESTON|,|W.Va.|-|Police"},
		{"numbers", "1,000 people and 3.5 percent", "1,000|people|and|3.5|percent"},
		{"dash and quotes", "TEHRAN – “Real, active”", "TEHRAN|–|“|Real|,|active|”"},
		{"negation", "they don't agree", "they|do|n't|agree"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Annotate(tt.in)
			var got []string
			for _, tok := range d.Tokens {
				if tok.Span.In(tt.in) != tok.Text {
					t.Fatalf("token %q has span %v covering %q", tok.Text, tok.Span, tok.Span.In(tt.in))
				}
				got = append(got, tok.Text)
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("tokens of %q = %q, want %q", tt.in, strings.Join(got, "|"), tt.want)
			}
		})
	}
}

func TestTags(t *testing.T) {
	for in, want := range map[string]string{
		"The Syrian army broke a siege on the town, officials said.": "DT NNP NN VB DT NN IN DT NN PUNCT NN VB PUNCT",
		// a headline run into its story: the capitalised article still
		// opens a noun phrase
		"Blast kills six Syrian state TV A bomb blast killed six": "NNP NN CD NNP NN NNP DT NN NN VBD CD",
	} {
		d := Annotate(in)
		var got []string
		for _, tok := range d.Tokens {
			got = append(got, tok.Tag.String())
		}
		if strings.Join(got, " ") != want {
			t.Errorf("tags of %q\n got  %s\n want %s", in, strings.Join(got, " "), want)
		}
	}
}

func FuzzAnnotate(f *testing.F) {
	f.Add("U.S. envoy met Gen. Ali on Jan. 5. “We agree,” he said.")
	f.Add("\xff\xfe broken \x00 bytes")
	f.Add("’s ’ ' -- ... …")
	f.Fuzz(func(t *testing.T, s string) {
		d := Annotate(s)
		prev := 0
		for _, tok := range d.Tokens {
			if tok.Span.Start < prev || tok.Span.End > len(s) || tok.Span.Start >= tok.Span.End {
				t.Fatalf("bad token span %v in %q", tok.Span, s)
			}
			prev = tok.Span.End
		}
		n := 0
		for _, sen := range d.Sentences {
			if sen.First != n || sen.End <= sen.First {
				t.Fatalf("sentences do not tile the tokens: %+v", sen)
			}
			n = sen.End
		}
		if n != len(d.Tokens) {
			t.Fatalf("sentences cover %d of %d tokens", n, len(d.Tokens))
		}
	})
}

func TestChunks(t *testing.T) {
	in := "The Syrian army broke a long siege on the eastern town of Deir Ezzor."
	d := Annotate(in)
	var got []string
	for _, c := range d.Chunks(0) {
		got = append(got, in[d.Tokens[c.First].Span.Start:d.Tokens[c.End-1].Span.End])
	}
	want := "The Syrian army|a long siege|the eastern town|Deir Ezzor"
	if strings.Join(got, "|") != want {
		t.Errorf("Chunks(%q) = %q, want %q", in, strings.Join(got, "|"), want)
	}
}
