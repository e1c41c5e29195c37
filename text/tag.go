package text

import "strings"

// Tag is a coarse part-of-speech tag.
type Tag uint8

// The tags. Past covers both the past tense and the past participle; the
// coder tells them apart from the auxiliaries around them.
const (
	Unknown Tag = iota
	Noun
	Proper
	Verb
	Past
	Gerund
	Adj
	Adv
	Det
	Prep
	Conj
	Sub // that, which, who, whether, because, if ...
	Pron
	Poss // possessive pronoun or 's
	Modal
	To
	Num
	Neg
	Punct
)

var tagNames = [...]string{"X", "NN", "NNP", "VB", "VBD", "VBG", "JJ", "RB", "DT", "IN", "CC", "WDT", "PRP", "POS", "MD", "TO", "CD", "NEG", "PUNCT"}

func (t Tag) String() string {
	if int(t) < len(tagNames) {
		return tagNames[t]
	}
	return "X"
}

// IsVerb reports whether the tag is a verb form.
func (t Tag) IsVerb() bool { return t == Verb || t == Past || t == Gerund }

// IsNominal reports whether the tag can be part of a noun phrase.
func (t Tag) IsNominal() bool {
	return t == Noun || t == Proper || t == Adj || t == Num || t == Det || t == Poss
}

var lexicon = buildLexicon()

func buildLexicon() map[string]Tag {
	lexicon := map[string]Tag{}
	add := func(t Tag, words string) {
		for _, w := range strings.Fields(words) {
			lexicon[w] = t
		}
	}
	add(Det, "the a an this these those that's every each all some any no another both either neither such")
	add(Prep, "as of in on at by for with from into onto upon about against between among amid amidst through "+
		"throughout during before after since until till over under above below near across along around "+
		"behind beyond toward towards inside outside within without via per despite except like unlike "+
		"beside besides off out up down regarding concerning following including")
	add(Conj, "and or but nor yet plus")
	add(Sub, "that which who whom whose whether because although though while whereas if unless when "+
		"where why how what whatever whoever once so")
	add(Pron, "he she it they we i you him her them us me himself herself itself themselves ourselves "+
		"one someone anyone everyone nobody somebody something anything everything nothing")
	add(Poss, "his its their our my your 's ’s '")
	add(Modal, "will would shall should can could may might must 'll ’ll")
	add(To, "to")
	add(Neg, "not n't never no-one")
	add(Adv, "also very too still already just only even now then again later earlier soon ago here there "+
		"separately jointly together instead however meanwhile moreover furthermore nevertheless "+
		"recently currently previously allegedly reportedly reportedly almost nearly about around")
	add(Verb, "is are am be was were been being has have had having do does did done say says said "+
		"tell tells told go goes went gone make makes made take takes took taken give gives gave given "+
		"get gets got come comes came become became seem seems seemed know knew known think thought "+
		"see saw seen meet meets met hold holds held lead leads led fight fights fought keep kept "+
		"leave left bring brought begin began begun run ran send sent show shown speak spoke spoken "+
		"break broke broken seek sought win won lose lost hit put set cut shoot shot")
	add(Num, "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "+
		"hundred hundreds thousand thousands million millions billion dozens dozen")
	add(Adj, "new old own other many much more most few less least several top senior former deputy "+
		"national international local political military foreign main key high low long short large "+
		"small big great good bad best latest last next first second third early late recent "+
		"important strategic legitimate joint eastern western northern southern central special")
	add(Noun, "secretary secretary-general necessary summary anniversary boundary military-backed government officials official people police army troops forces president minister talks "+
		"news week month year day time report state group country city town region area")
	// the first word of "one", "that" and similar is resolved by position
	lexicon["that"] = Sub
	lexicon["one"] = Num
	lexicon["about"] = Prep
	lexicon["around"] = Prep
	lexicon["no"] = Det
	lexicon["so"] = Adv
	lexicon["like"] = Prep
	return lexicon
}

// tag assigns tags to one sentence's tokens, from the closed-class lexicon,
// capitalisation and suffixes, then fixes a few contexts.
func tag(toks []Token) {
	for i := range toks {
		t := &toks[i]
		t.Tag = tagWord(t, i == 0 || (i > 0 && isOpening(toks[i-1])))
	}
	for i := range toks {
		t := &toks[i]
		// "to" + base form: an infinitive
		if i > 0 && (toks[i-1].Tag == To || toks[i-1].Tag == Modal) && t.Tag == Noun {
			t.Tag = Verb
		}
		// determiner + participle-looking word + noun: an adjective ("the
		// armed group")
		if t.Tag == Past && i > 0 && toks[i-1].Tag == Det && i+1 < len(toks) && (toks[i+1].Tag == Noun || toks[i+1].Tag == Proper) {
			t.Tag = Adj
		}
		if t.Tag == Gerund && i > 0 && (toks[i-1].Tag == Det || toks[i-1].Tag == Poss) {
			t.Tag = Noun
		}
		// "A" or "The" capitalised inside a sentence before a lower-case
		// word opens a noun phrase: a headline run into its story ("...
		// state TV A bomb blast killed")
		if t.Tag == Proper && (t.Lower == "a" || t.Lower == "an" || t.Lower == "the") && t.Text != "A." &&
			i+1 < len(toks) && !toks[i+1].Cap && toks[i+1].Tag != Punct {
			t.Tag = Det
		}
	}
}

func isOpening(t Token) bool {
	switch t.Text {
	case `"`, "“", "‘", "(", "[", "«", "-", "–", "—", ":":
		return true
	}
	return false
}

func tagWord(t *Token, initial bool) Tag {
	w := t.Lower
	c := w[0]
	if !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c < 0x80 && w != "'s" {
		return Punct
	}
	if c >= 0x80 && !startsWord(w, 0) {
		if w == "’s" {
			return Poss
		}
		return Punct
	}
	if c >= '0' && c <= '9' {
		return Num
	}
	tg, known := lexicon[w]
	if t.Cap && !initial {
		// capitalised inside a sentence: a name, except "I"
		if w == "i" {
			return Pron
		}
		return Proper
	}
	if known {
		return tg
	}
	if t.Cap && initial {
		// an unknown capitalised first word is more often a name
		if !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ly") {
			return Proper
		}
	}
	return bySuffix(w)
}

func bySuffix(w string) Tag {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ing"):
		return Gerund
	case n > 3 && strings.HasSuffix(w, "ed"):
		return Past
	case n > 4 && strings.HasSuffix(w, "ly"):
		return Adv
	case n > 5 && (strings.HasSuffix(w, "ous") || strings.HasSuffix(w, "ive") || strings.HasSuffix(w, "ful") ||
		strings.HasSuffix(w, "less") || strings.HasSuffix(w, "able") || strings.HasSuffix(w, "ible") ||
		strings.HasSuffix(w, "ical") || strings.HasSuffix(w, "ic") || strings.HasSuffix(w, "ial") ||
		strings.HasSuffix(w, "ian") || strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "ary")):
		return Adj
	case n > 5 && (strings.HasSuffix(w, "izes") || strings.HasSuffix(w, "ises") || strings.HasSuffix(w, "ates")):
		return Verb
	}
	return Noun
}

// Chunk is a noun phrase: tokens [First, End).
type Chunk struct {
	First, End int
}

// Chunks returns the noun-phrase chunks of sentence i: maximal runs of
// determiners, possessives, adjectives, numbers and nouns that end in a
// noun, a name or a number.
func (d *Doc) Chunks(i int) []Chunk {
	s := d.Sentences[i]
	var out []Chunk
	for k := s.First; k < s.End; {
		if !d.Tokens[k].Tag.IsNominal() {
			k++
			continue
		}
		j := k
		for j < s.End && (d.Tokens[j].Tag.IsNominal() || (d.Tokens[j].Tag == Past && j+1 < s.End && d.Tokens[j+1].Tag == Noun)) {
			j++
		}
		end := j
		for end > k && !(d.Tokens[end-1].Tag == Noun || d.Tokens[end-1].Tag == Proper || d.Tokens[end-1].Tag == Num) {
			end--
		}
		if end > k {
			out = append(out, Chunk{First: k, End: end})
		}
		k = j
	}
	return out
}

// FunctionWord reports whether the lower-case word is a closed-class word:
// a determiner, preposition, conjunction, pronoun, modal and the like.
func FunctionWord(w string) bool {
	switch lexicon[w] {
	case Det, Prep, Conj, Sub, Pron, Poss, Modal, To, Neg:
		return true
	}
	return false
}
