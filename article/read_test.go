package article

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

func TestReadText(t *testing.T) {
	data := []byte("Army breaks three-year siege of Deir Ezzor\n\nDAMASCUS (Reuters) - Syrian troops reached the besieged city on Tuesday, state media said.\n\n(Reporting by Jane Doe; Editing by John Roe)\n")
	arts, errs := Read("in/2017/deir-ezzor.txt", data, Options{Published: "2017-09-05"})
	if len(errs) != 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	want := khaldun.Article{
		ID: "deir-ezzor", Source: "Reuters", Published: "2017-09-05", Dateline: "DAMASCUS",
		Title: "Army breaks three-year siege of Deir Ezzor",
		Text:  "DAMASCUS (Reuters) - Syrian troops reached the besieged city on Tuesday, state media said.",
	}
	if arts[0] != want {
		t.Errorf("got  %+v\nwant %+v", arts[0], want)
	}
}

func TestReadJSONL(t *testing.T) {
	data := strings.Join([]string{
		`{"id":"mna-1","title":"Shamkhani meets envoy","text":"TEHRAN – Iran's security chief met the Russian envoy on Tuesday.","published":"2017-09-05T10:00:00Z","license":"CC BY 4.0"}`,
		``,
		`{"text":"KABUL, Afghanistan — A bomb hit a convoy.\r\n\r\nNo group claimed it.","source":"Pajhwok"}`,
		`{"id":42,"html":"<html><head><title>Talks resume</title></head><body><p>GENEVA (AP) — Talks resumed on Monday.</p></body></html>"}`,
		`{"id":"bad-date","text":"ANKARA – The vote passed.","published":"next Tuesday"}`,
		`{"id":"no-body","title":"Headline only"}`,
		`{"id":"broken", "text": `,
		"{\"id\":\"latin\",\"text\":\"caf\xe9\"}",
		`{"id":["x"],"text":"ok"}`,
		`   `,
	}, "\n")
	arts, errs := Read("feed.jsonl", []byte(data), Options{Source: "Default Wire", Published: "2017-09-06"})

	wantIDs := []string{"mna-1", "feed-3", "42", "bad-date"}
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	if strings.Join(ids, " ") != strings.Join(wantIDs, " ") {
		t.Fatalf("ids %q, want %q", ids, wantIDs)
	}
	t.Run("line fields win", func(t *testing.T) {
		a := arts[0]
		if a.Title != "Shamkhani meets envoy" || a.Published != "2017-09-05" || a.License != "CC-BY-4.0" || a.Source != "Default Wire" || a.Dateline != "TEHRAN" {
			t.Errorf("got %+v", a)
		}
	})
	t.Run("options fill in and text is cleaned", func(t *testing.T) {
		a := arts[1]
		if a.Source != "Pajhwok" || a.Published != "2017-09-06" || a.Text != "KABUL, Afghanistan — A bomb hit a convoy.\n\nNo group claimed it." || a.Dateline != "KABUL, Afghanistan" {
			t.Errorf("got %+v", a)
		}
	})
	t.Run("html line", func(t *testing.T) {
		a := arts[2]
		if a.Text != "GENEVA (AP) — Talks resumed on Monday." || a.Title != "Talks resume" || a.Dateline != "GENEVA" {
			t.Errorf("got %+v", a)
		}
	})
	t.Run("bad date keeps the article", func(t *testing.T) {
		if arts[3].Published != "" || arts[3].Text != "ANKARA – The vote passed." {
			t.Errorf("got %+v", arts[3])
		}
	})
	wantErrs := []struct {
		line int
		is   error
		msg  string
	}{
		{5, ErrPublished, `feed.jsonl:5: article "bad-date": unrecognised published date "next Tuesday"`},
		{6, ErrEmpty, `feed.jsonl:6: article "no-body": empty: no text or html`},
		{7, ErrJSON, "feed.jsonl:7: invalid json"},
		{8, ErrUTF8, "feed.jsonl:8: invalid utf-8 at byte "},
		{9, ErrJSON, "feed.jsonl:9: invalid json: id must be a string or a number"},
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors %q, want %d", errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		var e *Error
		if !errors.As(errs[i], &e) || e.Line != w.line || !errors.Is(errs[i], w.is) || !strings.HasPrefix(errs[i].Error(), w.msg) {
			t.Errorf("error %d = %q, want line %d, %v, starting %q", i, errs[i], w.line, w.is, w.msg)
		}
	}
	// The offset of the bad byte counts from the start of the file.
	if off := strings.Index(data, "\xe9"); !strings.HasSuffix(errs[3].Error(), "at byte "+strconv.Itoa(off)+" of the file") {
		t.Errorf("error %q should name byte %d", errs[3], off)
	}
}

func TestReadFileErrors(t *testing.T) {
	tests := []struct {
		name, file string
		data       string
		opt        Options
		is         error
		msg        string
	}{
		{"empty text", "a.txt", "", Options{}, ErrEmpty, "a.txt: article \"a\": empty"},
		{"empty jsonl", "b.jsonl", "\n\n", Options{}, ErrEmpty, "b.jsonl: empty"},
		{"latin-1 text", "c.txt", "BEIRUT \x96 Caf\xe9 owners protested.", Options{}, ErrUTF8, "c.txt: article \"c\": invalid utf-8 at byte 7"},
		{"binary", "photo.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", Options{}, ErrBinary, "photo.jpg: article \"photo\": binary file"},
		{"binary html", "page.html", "<html>\x00\x00\x00</html>", Options{}, ErrBinary, `page.html: article "page": binary file`},
		{"unknown format", "x", "text", Options{Format: "pdf"}, ErrFormat, `x: unknown format "pdf"`},
		{"bad date on stdin", "-", "MOSCOW - Talks ended.", Options{Published: "soon"}, ErrPublished, `-: article "stdin": unrecognised published date "soon"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, errs := Read(tc.file, []byte(tc.data), tc.opt)
			if len(errs) != 1 || !errors.Is(errs[0], tc.is) || !strings.HasPrefix(errs[0].Error(), tc.msg) {
				t.Fatalf("errors %q, want one %v starting %q", errs, tc.is, tc.msg)
			}
			if want := errors.Is(tc.is, ErrPublished); (len(arts) == 1) != want {
				t.Errorf("%d articles returned", len(arts))
			}
		})
	}
}

func TestReadTooLarge(t *testing.T) {
	big := strings.Repeat("Troops advanced on the city. ", MaxArticleBytes/29+1)
	_, errs := Read("big.txt", []byte(big), Options{})
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) || !strings.Contains(errs[0].Error(), strconv.Itoa(len(big))+" bytes") {
		t.Fatalf("errors %v, want one naming the size %d", errs, len(big))
	}
	line := `{"id":"big","text":"` + big + `"}`
	arts, errs := Read("big.jsonl", []byte(`{"id":"small","text":"MOSCOW - Talks ended."}`+"\n"+line+"\n"), Options{})
	if len(arts) != 1 || len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) || !strings.HasPrefix(errs[0].Error(), "big.jsonl:2:") {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct{ name, file, data, format, want string }{
		{"jsonl extension", "a.jsonl", "x", "", FormatJSONL},
		{"ndjson extension", "a.NDJSON", "x", "", FormatJSONL},
		{"html extension", "page.htm", "x", "", FormatHTML},
		{"text extension", "story.txt", "<html>", "", FormatText},
		{"option wins", "story.txt", "x", "HTML", FormatHTML},
		{"sniff jsonl", "-", "\ufeff{\"id\":\"1\",\"text\":\"t\"}\n", "", FormatJSONL},
		{"sniff html", "-", "  <!DOCTYPE html><html><body><p>x</p>", "", FormatHTML},
		{"sniff text with brace", "-", "{Update} TEHRAN – text", "", FormatText},
		{"sniff text", "story", "TEHRAN – text", "", FormatText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := detectFormat(tc.file, []byte(tc.data), tc.format)
			if err != nil || got != tc.want {
				t.Errorf("detectFormat(%q, %q, %q) = %q, %v; want %q", tc.file, tc.data, tc.format, got, err, tc.want)
			}
		})
	}
}

func TestBaseID(t *testing.T) {
	for in, want := range map[string]string{
		"":                      "stdin",
		"-":                     "stdin",
		"tehran-talks.txt":      "tehran-talks",
		"/data/in/page.html.gz": "page",
		"dir/feed.v2.jsonl":     "feed.v2",
		"README":                "README",
		".hidden":               ".hidden",
	} {
		if got := baseID(in); got != want {
			t.Errorf("baseID(%q) = %q, want %q", in, got, want)
		}
	}
}
