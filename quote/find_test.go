package quote

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
)

// refsFor places a ref at every whole-word occurrence of each name, with
// the actor id given after "=" ("the minister=a1").
func refsFor(text string, names ...string) []Ref {
	var refs []Ref
	for _, n := range names {
		name, actor, _ := strings.Cut(n, "=")
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			st, end := off+i, off+i+len(name)
			off = end
			if st > 0 && isWordByte(text[st-1]) || end < len(text) && isWordByte(text[end]) {
				continue
			}
			refs = append(refs, Ref{Span: khaldun.Span{Start: st, End: end}, Actor: actor, Person: true})
		}
	}
	return dedupeRefs(refs)
}

type wantQuote struct {
	kind, speaker, text, cue string
}

func TestFind(t *testing.T) {
	cases := []struct {
		name string
		text string
		refs []string
		want []wantQuote
	}{
		{
			name: "curly direct with cue after",
			text: "“We will not accept any foreign interference in our affairs,” Foreign Minister Ahmed Saleh said on Monday.",
			refs: []string{"Foreign Minister Ahmed Saleh=saleh"},
			want: []wantQuote{{"direct", "saleh", "We will not accept any foreign interference in our affairs,", "said"}},
		},
		{
			name: "straight quotes, inverted cue",
			text: `"The talks were constructive and we agreed to meet again," said Maria Lopez, the bloc's chief negotiator.`,
			refs: []string{"Maria Lopez=lopez"},
			want: []wantQuote{{"direct", "lopez", "The talks were constructive and we agreed to meet again,", "said"}},
		},
		{
			name: "colon cue before the quote",
			text: "The prime minister told parliament: “There will be no early election.”",
			refs: []string{"The prime minister=pm"},
			want: []wantQuote{{"direct", "pm", "There will be no early election.", "told"}},
		},
		{
			name: "colon alone",
			text: "Mr. Kaya's answer was short. Kaya: “We stay.”",
			refs: []string{"Kaya=kaya", "Mr. Kaya's=kaya"},
			want: []wantQuote{{"direct", "kaya", "We stay.", ":"}},
		},
		{
			name: "quote split around the cue",
			text: "“The ceasefire is holding,” the spokesman said. “We expect aid convoys to move in by Friday.”",
			refs: []string{"the spokesman=spox"},
			want: []wantQuote{
				{"direct", "spox", "The ceasefire is holding,", "said"},
				{"direct", "spox", "We expect aid convoys to move in by Friday.", "said"},
			},
		},
		{
			name: "multi-paragraph wire quote",
			text: "Army chief Suleiman Idris said the offensive would go on.\n\n“We have cleared the northern districts and the airport road.\n\n“Our forces will reach the river within days,” Idris said.",
			refs: []string{"Army chief Suleiman Idris=idris", "Idris=idris"},
			want: []wantQuote{
				{"indirect", "idris", "the offensive would go on", "said"},
				{"direct", "idris", "We have cleared the northern districts and the airport road.\n\n“Our forces will reach the river within days,", "said"},
			},
		},
		{
			name: "cue in the next sentence",
			text: "“We did not order the strike.” The defence minister said.",
			refs: []string{"The defence minister=dm"},
			want: []wantQuote{{"direct", "dm", "We did not order the strike.", "said"}},
		},
		{
			name: "pronoun speaker, that-clause",
			text: "She also said that the government would review the contracts signed last year.",
			refs: []string{"She=merkel"},
			want: []wantQuote{{"indirect", "merkel", "the government would review the contracts signed last year", "said"}},
		},
		{
			name: "bare clause without that",
			text: "He added Iran will help rebuild schools and hospitals in the province.",
			refs: []string{"He=rouhani", "Iran=iran"},
			want: []wantQuote{{"indirect", "rouhani", "Iran will help rebuild schools and hospitals in the province", "added"}},
		},
		{
			name: "according to, at the start",
			text: "According to the health ministry, at least 40 people were killed in the blast.",
			refs: []string{"the health ministry=moh"},
			want: []wantQuote{{"indirect", "moh", "at least 40 people were killed in the blast", "According to"}},
		},
		{
			name: "according to, at the end",
			text: "The convoy was stopped at the border, according to Red Crescent officials.",
			refs: []string{"Red Crescent officials=redcrescent"},
			want: []wantQuote{{"indirect", "redcrescent", "The convoy was stopped at the border", "according to"}},
		},
		{
			name: "postposed cue with addressee",
			text: "The militants had withdrawn from the town overnight, a police officer told reporters.",
			refs: []string{"a police officer=police"},
			want: []wantQuote{{"indirect", "police", "The militants had withdrawn from the town overnight", "told"}},
		},
		{
			name: "apposition before the cue",
			text: "Dmitri Orlov, a spokesman for the Kremlin, told reporters that no meeting was planned.",
			refs: []string{"Dmitri Orlov=orlov", "the Kremlin=kremlin"},
			want: []wantQuote{{"indirect", "orlov", "no meeting was planned", "told"}},
		},
		{
			name: "mixed quote",
			text: "The minister described the sanctions as “economic terrorism” aimed at ordinary people.",
			refs: []string{"The minister=min"},
			want: []wantQuote{{"mixed", "min", "the sanctions as “economic terrorism” aimed at ordinary people", "described"}},
		},
		{
			name: "noun-phrase object of stressed",
			text: "Guterres stressed the need for an immediate humanitarian pause in the fighting.",
			refs: []string{"Guterres=guterres"},
			want: []wantQuote{{"indirect", "guterres", "the need for an immediate humanitarian pause in the fighting", "stressed"}},
		},
		{
			name: "gerund continues the speaker",
			text: "Ali said the vote was fair, adding that observers had reported no incidents.",
			refs: []string{"Ali=ali"},
			want: []wantQuote{
				{"indirect", "ali", "the vote was fair", "said"},
				{"indirect", "ali", "observers had reported no incidents", "adding"},
			},
		},
		{
			name: "parenthetical cue",
			text: "The new rules, the commissioner said, would take effect in January.",
			refs: []string{"the commissioner=comm"},
			want: []wantQuote{{"indirect", "comm", "would take effect in January", "said"}},
		},
		{
			name: "cue extended by in a statement",
			text: "“The attack was a cowardly act,” the foreign ministry said in a statement.",
			refs: []string{"the foreign ministry=mfa"},
			want: []wantQuote{{"direct", "mfa", "The attack was a cowardly act,", "said in a statement"}},
		},
		{
			name: "scare quotes are not quotes",
			text: "Fighters of the “Islamic State” group seized the town, and the so-called “safe zone” was abandoned.",
			refs: []string{"Fighters=fighters"},
			want: nil,
		},
		{
			name: "noun uses of cue words",
			text: "His remarks drew criticism. The state said nothing. Officials in several states voted.",
			refs: nil,
			want: nil,
		},
		{
			name: "guillemets",
			text: "«Nous ne céderons pas», a déclaré le ministre. The minister later said «the matter is closed».",
			refs: []string{"The minister=min"},
			want: []wantQuote{{"direct", "min", "the matter is closed", "said"}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Find(c.text, splitSentences(c.text), refsFor(c.text, c.refs...))
			if len(got) != len(c.want) {
				t.Fatalf("text %q:\ngot %d quotes %s\nwant %d", c.text, len(got), show(c.text, got), len(c.want))
			}
			for i, w := range c.want {
				q := got[i]
				cue := q.Cue.In(c.text)
				if q.Kind != w.kind || q.Speaker != w.speaker || q.Text != w.text || cue != w.cue {
					t.Errorf("quote %d:\ngot  %s %q %q cue %q\nwant %s %q %q cue %q", i, q.Kind, q.Speaker, q.Text, cue, w.kind, w.speaker, w.text, w.cue)
				}
				if c.text[q.Start:q.End] != q.Text || q.ID != "q"+string(rune('1'+i)) {
					t.Errorf("quote %d: id %s span [%d,%d) does not hold %q", i, q.ID, q.Start, q.End, q.Text)
				}
			}
		})
	}
}

func show(text string, qs []khaldun.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString("\n  " + q.Kind + " " + q.Speaker + " " + strconvQuote(q.Text) + " cue " + strconvQuote(q.Cue.In(text)))
	}
	return b.String()
}

func strconvQuote(s string) string { return "\"" + s + "\"" }

func TestFindOffsetsAreBytes(t *testing.T) {
	text := "Les négociations «avancent», a dit Ségolène. “Ça avance bien,” Ségolène Durand said."
	got := Find(text, nil, refsFor(text, "Ségolène Durand=sd"))
	if len(got) != 1 {
		t.Fatalf("got %s", show(text, got))
	}
	q := got[0]
	if !utf8.ValidString(q.Text) || text[q.Start:q.End] != "Ça avance bien," {
		t.Errorf("got %q at [%d,%d)", q.Text, q.Start, q.End)
	}
}

func TestFindEmpty(t *testing.T) {
	for _, text := range []string{"", "   \n\n", "“", "\"\"", "said said said", ", said ,"} {
		_ = Find(text, nil, nil)
		_ = Find(text, []khaldun.Span{{Start: 0, End: len(text) + 5}, {Start: -3, End: 1}}, []Ref{{Span: khaldun.Span{Start: 2, End: 1}}, {Span: khaldun.Span{Start: 0, End: 99}}})
	}
}

func FuzzFind(f *testing.F) {
	f.Add("“All sides agree,” the official said. He also said Iran will help.", 4, 16)
	f.Add("According to X, \"a\" b «c» ‘d’ ''e'' — said Y, adding that", 13, 14)
	f.Add("A: “\n\n“B said,” C told D that", 0, 1)
	f.Fuzz(func(t *testing.T, text string, rs, re int) {
		sents := splitSentences(text)
		refs := naiveRefs(text)
		refs = append(refs, Ref{Span: khaldun.Span{Start: rs, End: re}, Actor: "x", Person: true})
		for _, q := range Find(text, sents, refs) {
			if q.Start < 0 || q.End > len(text) || q.Start >= q.End || text[q.Start:q.End] != q.Text {
				t.Fatalf("bad span %+v", q)
			}
			if q.Cue.Start < 0 || q.Cue.End > len(text) || q.Cue.Start > q.Cue.End {
				t.Fatalf("bad cue %+v", q.Cue)
			}
		}
	})
}
