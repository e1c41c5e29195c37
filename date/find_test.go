package date

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// tuesday is the publication date of the examples: Tuesday 5 September 2017.
var tuesday = time.Date(2017, 9, 5, 0, 0, 0, 0, time.UTC)

// show writes found expressions as "text=value" joined by "; ".
func show(text string, pub time.Time) string {
	var b []string
	for _, d := range Find(text, pub) {
		b = append(b, d.Text+"="+d.Value)
	}
	return strings.Join(b, "; ")
}

func TestFind(t *testing.T) {
	cases := []struct {
		name, text, want string
	}{
		// Absolute dates.
		{"day month year", "The talks opened on 5 September 2017 in Tehran.", "5 September 2017=2017-09-05"},
		{"month day year", "He was born on September 5, 1960, in Qom.", "September 5, 1960=1960-09-05"},
		{"abbreviated month", "The ceasefire began Sept. 5 and held.", "Sept. 5=2017-09-05"},
		{"abbreviation without period", "Troops left on Sep 5.", "Sep 5=2017-09-05"},
		{"day first abbreviated", "The deadline is 5 Sept, officials said.", "5 Sept=2017-09-05"},
		{"ordinal day", "on the 5th of September", "the 5th of September=2017-09-05"},
		{"iso", "Filed 2017-09-05 by the court.", "2017-09-05=2017-09-05"},
		{"us slashes", "dated 09/05/2017 and signed", "09/05/2017=2017-09-05"},
		{"day first hyphens", "01-06-2016 Syrian army advances", "01-06-2016=2016-06-01"},
		{"quarter fraction", "more than a quarter of a million people", ""},
		{"hyphenated after the", "the five-year conflict", "five-year=P5Y"},
		{"month year", "Prices fell in September 2017.", "September 2017=2017-09"},
		{"year", "The war began in 2016.", "2016=2016"},
		{"decade", "a boom in the 1990s", "the 1990s=199"},
		{"decade apostrophe", "since the 1980's", "the 1980's=198"},
		{"mid year", "Fighting resumed in mid-2016.", "mid-2016=2016"},
		{"early year", "elections in early 2018", "early 2018=2018"},
		{"month day in past year", "The deal of Dec. 20 collapsed.", "Dec. 20=2016-12-20"},
		{"month day soon after", "The vote is on Oct. 10.", "Oct. 10=2017-10-10"},
		{"month alone past", "The siege began in March.", "March=2017-03"},
		{"month alone months ahead", "Talks resumed in December.", "December=2016-12"},
		{"month alone soon after", "Talks resume in October.", "October=2017-10"},
		{"month alone future", "Elections will be held in November.", "November=2017-11"},
		{"month next year", "They join NATO in April next year.", "April next year=2018-04"},
		{"weekday and date", "It said on Monday, Sept. 4, that", "Monday, Sept. 4=2017-09-04"},
		{"christmas", "It will end before Christmas.", "Christmas=2017-12-25"},
		// Relative to publication.
		{"today", "The minister arrives today.", "today=2017-09-05"},
		{"yesterday", "Rebels attacked yesterday.", "yesterday=2017-09-04"},
		{"tomorrow", "Talks resume tomorrow.", "tomorrow=2017-09-06"},
		{"same weekday", "Zarif met Lavrov on Tuesday.", "Tuesday=2017-09-05"},
		{"monday", "Zarif met Lavrov on Monday.", "Monday=2017-09-04"},
		{"wednesday", "Zarif met Lavrov on Wednesday.", "Wednesday=2017-08-30"},
		{"future weekday", "Zarif will meet Lavrov on Wednesday.", "Wednesday=2017-09-06"},
		{"expected to", "The vote is expected to take place Friday.", "Friday=2017-09-08"},
		{"expected without to", "Lower-than-expected earnings were reported Friday.", "Friday=2017-09-01"},
		{"last weekday", "He resigned last Tuesday.", "last Tuesday=2017-08-29"},
		{"next weekday", "They meet next Friday.", "next Friday=2017-09-08"},
		{"weekday night", "Shelling resumed Tuesday night.", "Tuesday night=2017-09-05"},
		{"this morning", "He spoke this morning.", "this morning=2017-09-05"},
		{"tonight", "The council meets tonight.", "tonight=2017-09-05"},
		{"last night", "Gunmen struck last night.", "last night=2017-09-04"},
		{"last week", "Clashes erupted last week.", "last week=2017-W35"},
		{"this week", "Talks continue this week.", "this week=2017-W36"},
		{"next week", "Talks resume next week.", "next week=2017-W37"},
		{"last month", "Prices rose last month.", "last month=2017-08"},
		{"earlier this year", "He visited earlier this year.", "earlier this year=2017"},
		{"last year", "Exports fell last year.", "last year=2016"},
		{"next year", "Elections are due next year.", "next year=2018"},
		{"days ago", "He was arrested two days ago.", "two days ago=2017-09-03"},
		{"weeks ago", "The attack came three weeks ago.", "three weeks ago=2017-08-15"},
		{"a year ago", "Sales were lower a year ago.", "a year ago=2016"},
		{"last march", "The law passed last March.", "last March=2017-03"},
		{"now", "Prices are now higher.", "now=PRESENT_REF"},
		{"currently", "He is currently in Geneva.", "currently=PRESENT_REF"},
		{"third quarter", "Profit rose in the third quarter.", "the third quarter=2017-Q3"},
		{"fourth quarter of last year", "in the fourth quarter of 2016", "the fourth quarter of 2016=2016-Q4"},
		{"this summer", "Fires spread this summer.", "this summer=2017-SU"},
		// Durations.
		{"for years", "He ruled for three years.", "three years=P3Y"},
		{"after years", "After three years of talks, a deal.", "three years=P3Y"},
		{"hyphenated", "a two-year plan", "two-year=P2Y"},
		{"months", "It took six months.", "six months=P6M"},
		{"hours", "He was held for 48 hours.", "48 hours=PT48H"},
		{"decade", "after a decade of war", "a decade=P10Y"},
		{"days", "a 10-day truce", "10-day=P10D"},
		{"week", "It lasted a week.", "a week=P1W"},
		{"twenty", "twenty years of war", "twenty years=P20Y"},
		{"compound number", "twenty-five years later", "twenty-five years=P25Y"},
		{"the past", "in the past five days", "the past five days=P5D"},
		{"more than", "more than two years", "more than two years=P2Y"},
		{"recent weeks", "in recent weeks", "recent weeks=PXW"},
		{"several", "several months of fighting", "several months=PXM"},
		// Not dates.
		{"may modal", "The army may withdraw. Theresa May said so.", ""},
		{"may month", "It happened in May.", "May=2017-05"},
		{"may with day", "May 5 was quiet.", "May 5=2017-05-05"},
		{"protest march", "The protest march began at noon.", ""},
		{"sunday times", "The Sunday Times reported it.", ""},
		{"weekday before a name", "said Tuesday Foreign Minister Zarif", "Tuesday=2017-09-05"},
		{"bare numbers", "He counted 2,017 votes and 1990 people. 45 percent.", ""},
		{"money", "It cost $2017 in total.", ""},
		{"ordinal second", "It was the second time he failed.", ""},
		{"rate", "four flights a week and 24 hours a day", ""},
		{"age", "a 52-year-old man, 40 years old", ""},
		{"as soon as", "He will leave as soon as possible.", ""},
		{"now that", "Now that the war is over", ""},
		{"june a name", "June Carter sang.", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := show(c.text, tuesday); got != c.want {
				t.Errorf("Find(%q)\n got %q\nwant %q", c.text, got, c.want)
			}
		})
	}
}

func TestFindUnknownPublication(t *testing.T) {
	cases := []struct {
		name, text, want string
	}{
		{"relative", "He left yesterday.", "yesterday="},
		{"weekday", "He left on Monday.", "Monday="},
		{"day month", "He left on Sept. 5.", "Sept. 5=XXXX-09-05"},
		{"absolute", "He left on 5 September 2017.", "5 September 2017=2017-09-05"},
		{"duration", "He stayed three years.", "three years=P3Y"},
		{"now", "He is now in Geneva.", "now=PRESENT_REF"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := show(c.text, time.Time{}); got != c.want {
				t.Errorf("Find(%q)\n got %q\nwant %q", c.text, got, c.want)
			}
		})
	}
}

// TestOffsets checks byte offsets on text with curly quotes, dashes and
// letters outside ASCII.
func TestOffsets(t *testing.T) {
	text := "“Zürich’s talks — held on 5 September 2017 — ended,” said Ženíšek on Tuesday; two‑year plan."
	found := Find(text, tuesday)
	want := []string{"5 September 2017=2017-09-05", "Tuesday=2017-09-05", "two‑year=P2Y"}
	if len(found) != len(want) {
		t.Fatalf("found %d expressions, want %d: %v", len(found), len(want), found)
	}
	for k, d := range found {
		if got := text[d.Start:d.End] + "=" + d.Value; got != want[k] {
			t.Errorf("expression %d: text[%d:%d]=%q, want %q", k, d.Start, d.End, got, want[k])
		}
		if d.Text != text[d.Start:d.End] {
			t.Errorf("expression %d: Text %q differs from its span %q", k, d.Text, text[d.Start:d.End])
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"on 5 September 2017", "Sept. 5, 2017", "09/05/2017", "2017-09-05", "the 1990s",
		"two days ago", "twenty-five years", "“Tuesday”", "May", "1990's", "'90s",
		"Monday, Oct. 26:", "the year-ago quarter", "Christmas Eve", "nineteen ninety-six",
		"\xff\xfe", "5th of", "in", "2017-", "9/", "a few", "a couple of",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, d := range Find(text, tuesday) {
			if d.Start < last || d.End <= d.Start || d.End > len(text) {
				t.Fatalf("bad span [%d,%d) after %d in %q", d.Start, d.End, last, text)
			}
			if d.Text != text[d.Start:d.End] {
				t.Fatalf("Text %q is not text[%d:%d]", d.Text, d.Start, d.End)
			}
			if utf8.ValidString(text) && (!utf8.ValidString(d.Text)) {
				t.Fatalf("span [%d,%d) cuts a character in %q", d.Start, d.End, text)
			}
			last = d.End
		}
	})
}

func ExampleFind() {
	pub := time.Date(2017, 9, 5, 0, 0, 0, 0, time.UTC)
	for _, d := range Find("Zarif met Lavrov on Monday, two days after talks that lasted six months.", pub) {
		fmt.Printf("%d-%d %q %s\n", d.Start, d.End, d.Text, d.Value)
	}
	// Output:
	// 20-26 "Monday" 2017-09-04
	// 28-36 "two days" P2D
	// 61-71 "six months" P6M
}
