package article

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRead feeds arbitrary bytes to Read as text, HTML and JSON Lines and
// checks that it neither panics nor returns text that is not clean UTF-8.
func FuzzRead(f *testing.F) {
	seeds := []struct {
		format uint8
		data   string
	}{
		{0, "Iran and Russia discuss Syria\r\n\r\nTEHRAN – Officials met on Tuesday.\u00a0\n\nNA/PA All Content by Example News is licensed under a Creative Commons Attribution 4.0 International License."},
		{0, "WASHINGTON (Reuters) - The Senate voted.\n(Reporting by Jane Doe; Editing by John Roe)"},
		{0, "MOSCOW, September 5. /TASS/. Talks ended. /TASS/"},
		{0, "caf\xe9 \x00 \ufeff\u200b"},
		{1, wirePage},
		{1, "<html><body><p>BEIRUT (AP) — text<p>more<br><pre>a\n b</pre>"},
		{1, "<svg><p>x</svg><math><mi>y</mi></math><template><p>z</template>"},
		{2, `{"id":"a","text":"KABUL, Afghanistan — A bomb.","published":"Tue, 05 Sep 2017 10:00:00 GMT","license":"CC BY-SA 3.0"}` + "\n" + `{"html":"<p>GENEVA (AP) — x</p>","title":"T"}`},
		{2, "{\"id\":7}\n\n{\"text\":\"\\u0000\\ud800\"}\n{broken"},
		{3, "\xef\xbb\xbf{\"text\":\"x\"}"},
	}
	for _, s := range seeds {
		f.Add(s.format, []byte(s.data))
	}
	formats := []string{FormatText, FormatHTML, FormatJSONL, ""}
	f.Fuzz(func(t *testing.T, format uint8, data []byte) {
		arts, errs := Read("fuzz.in", data, Options{Format: formats[int(format)%len(formats)]})
		for _, a := range arts {
			if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) || !utf8.ValidString(a.Dateline) {
				t.Fatalf("invalid UTF-8 in article %q: %q", a.ID, a.Text)
			}
			if strings.TrimSpace(a.Text) == "" {
				t.Fatalf("article %q returned with empty text", a.ID)
			}
			if strings.ContainsAny(a.Text, "\r\u00a0\ufeff\x00") {
				t.Fatalf("article %q text not normalised: %q", a.ID, a.Text)
			}
			if a.Published != "" && len(a.Published) != len("2017-09-05") {
				t.Fatalf("article %q published %q", a.ID, a.Published)
			}
		}
		for _, err := range errs {
			if err == nil || !strings.HasPrefix(err.Error(), "fuzz.in") {
				t.Fatalf("error %v does not name the file", err)
			}
		}
	})
}
