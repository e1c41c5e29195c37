package article

import (
	"errors"
	"strings"
	"testing"
)

func TestNormalise(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"crlf", "ANKARA – The vote passed.\r\n\r\nThe opposition objected.\r\n", "ANKARA – The vote passed.\n\nThe opposition objected."},
		{"lone cr", "First paragraph.\rSecond paragraph.", "First paragraph.\nSecond paragraph."},
		{"non-breaking spaces", "President\u00a0Putin’s envoy met 15\u202f000 troops and 3\u2007cars.", "President Putin’s envoy met 15 000 troops and 3 cars."},
		{"zero-width and bom", "\ufeffDeir\u200b Ezzor was re\u00adtaken\u2060.", "Deir Ezzor was retaken."},
		{"trailing whitespace per line", "The talks ended.   \t\nBoth sides left. \n\n\n", "The talks ended.\nBoth sides left."},
		{"paragraphs kept", "One.\n\n\nTwo.", "One.\n\n\nTwo."},
		{"quotes and dashes kept", "“Lethal virus” — he said – ‘joint’ campaign…", "“Lethal virus” — he said – ‘joint’ campaign…"},
		{"leading blank lines", "\n\n  \n MOSCOW - text", "MOSCOW - text"},
		{"control characters", "Wire\x02 copy\x03 ends\x7f here\u0085now", "Wire copy ends here\nnow"},
		{"paragraph separator", "One.\u2029Two.", "One.\n\nTwo."},
		{"indent kept inside", "Para one.\n    Para two.", "Para one.\n    Para two."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := normalise(tc.in); got != tc.want {
				t.Errorf("normalise(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSplitTitle(t *testing.T) {
	tests := []struct{ name, in, title, rest string }{
		{"headline", "Iran and Russia discuss Syria in Tehran\n\nTEHRAN – Officials met on Tuesday.", "Iran and Russia discuss Syria in Tehran", "TEHRAN – Officials met on Tuesday."},
		{"question headline", "Will the truce hold?\n\nThe guns fell silent at dawn.", "Will the truce hold?", "The guns fell silent at dawn."},
		{"several blank lines", "Army breaks siege\n\n\n\nThe army said on Tuesday.", "Army breaks siege", "The army said on Tuesday."},
		{"first line is a sentence", "The army broke the siege on Tuesday.\n\nResidents celebrated.", "", "The army broke the siege on Tuesday.\n\nResidents celebrated."},
		{"no blank line", "Army breaks siege\nThe army said on Tuesday.", "", "Army breaks siege\nThe army said on Tuesday."},
		{"too long", strings.Repeat("word ", 31) + "end\n\nBody.", "", strings.Repeat("word ", 31) + "end\n\nBody."},
		{"nothing after", "Army breaks siege", "", "Army breaks siege"},
		{"digits only", "2017\n\nThe year began badly.", "", "2017\n\nThe year began badly."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			title, rest := splitTitle(tc.in)
			if title != tc.title || rest != tc.rest {
				t.Errorf("splitTitle(%q) = %q, %q; want %q, %q", tc.in, title, rest, tc.title, tc.rest)
			}
		})
	}
}

func TestFromText(t *testing.T) {
	body := "Turkish parliament passes media bill\r\n\r\nANKARA, Oct. 13 (Reuters) - Turkey\u00a0's parliament approved a bill late on Thursday that critics say will curb free speech.\r\n\r\n“This law is a muzzle,” an opposition deputy told the chamber.\r\n(Reporting by Jane Doe; Editing by John Roe)\r\n"
	a, err := FromText("ankara-1", body, Options{Published: "October 13, 2022", URL: " https://example.org/a1 "})
	if err != nil {
		t.Fatal(err)
	}
	want := "ANKARA, Oct. 13 (Reuters) - Turkey 's parliament approved a bill late on Thursday that critics say will curb free speech.\n\n“This law is a muzzle,” an opposition deputy told the chamber."
	if a.Text != want {
		t.Errorf("text\n got %q\nwant %q", a.Text, want)
	}
	checks := []struct{ name, got, want string }{
		{"id", a.ID, "ankara-1"},
		{"title", a.Title, "Turkish parliament passes media bill"},
		{"dateline", a.Dateline, "ANKARA"},
		{"source", a.Source, "Reuters"},
		{"published", a.Published, "2022-10-13"},
		{"url", a.URL, "https://example.org/a1"},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
			}
		})
	}
}

func TestFromTextOptions(t *testing.T) {
	body := "BEIRUT (AP) — Rescue teams pulled two survivors from the rubble.\n\nThis story is licensed under CC BY-SA 4.0."
	tests := []struct {
		name          string
		opt           Options
		source, lic   string
		published     string
		wantErr       error
		wantPublished string
	}{
		{"dateline agency fills source", Options{}, "AP", "CC-BY-SA-4.0", "", nil, ""},
		{"options win", Options{Source: "Daily Star", License: "cc by 2.0"}, "Daily Star", "CC-BY-2.0", "", nil, ""},
		{"unrecognised licence kept", Options{License: "All rights reserved"}, "AP", "All rights reserved", "", nil, ""},
		{"bad date keeps article", Options{Published: "05/09/2017"}, "AP", "CC-BY-SA-4.0", "", ErrPublished, ""},
		{"good date", Options{Published: "Tue, 05 Sep 2017 08:10:00 +0300"}, "AP", "CC-BY-SA-4.0", "", nil, "2017-09-05"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := FromText("beirut", body, tc.opt)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("error %v, want %v", err, tc.wantErr)
			}
			if a.Source != tc.source || a.License != tc.lic || a.Published != tc.wantPublished {
				t.Errorf("source %q licence %q published %q; want %q %q %q", a.Source, a.License, a.Published, tc.source, tc.lic, tc.wantPublished)
			}
			if a.Text != "BEIRUT (AP) — Rescue teams pulled two survivors from the rubble." {
				t.Errorf("text %q", a.Text)
			}
		})
	}
}

func TestFromTextRejects(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
		msg  string
	}{
		{"empty", "", ErrEmpty, "empty"},
		{"blank", " \n\t\r\n", ErrEmpty, "empty"},
		{"latin-1", "KABUL \xad The governor of Herat met caf\xe9 owners.", ErrUTF8, "invalid utf-8 at byte 6"},
		{"nul bytes", "MOSCOW\x00\x00 - report", ErrBinary, "binary file"},
		{"control soup", strings.Repeat("\x01\x02\x03\x04 text", 40), ErrBinary, "binary file"},
		{"only a licence", "All Content by Example News Agency is licensed under a Creative Commons Attribution 4.0 International License.", ErrEmpty, "empty"},
		{"too large", strings.Repeat("The siege was broken. ", MaxArticleBytes/22+1), ErrTooLarge, "bytes, limit 10485760"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := FromText("x", tc.in, Options{})
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("error %v, want %v containing %q", err, tc.want, tc.msg)
			}
			if a.Text != "" || a.ID != "x" {
				t.Errorf("article %+v, want only the id", a)
			}
		})
	}
}
