package article

import (
	"errors"
	"strings"
	"testing"
	"time"
)

const wirePage = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Iran, Russia discuss Syria | Example Wire</title>
<meta property="og:title" content="Iran, Russia discuss Syria">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2017-09-05T09:14:00+04:30">
<link rel="license" href="https://creativecommons.org/licenses/by/4.0/">
<style>p { color: red }</style>
<script>var tracking = "do not show";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Iran, Russia discuss Syria</h1>
<p>TEHRAN &ndash; Iran&#8217;s top security official and the Russian president&rsquo;s special envoy for Syria held talks in Tehran on Tuesday on the latest developments in the war.</p>
<p>The two sides discussed the lifting of the siege of Deir Ezzor, where government troops arrived after a long advance across the desert, officials said.<br>Both welcomed the progress made at the talks in Astana.</p>
<p>&ldquo;The campaign against terrorism has started paying dividends,&rdquo; the official said, adding that the&nbsp;country would help with reconstruction once the fighting ends.</p>
<script>document.write("ad")</script>
<p>Diplomats from both countries are expected to meet again in Moscow next month to prepare a new round of negotiations.</p>
</article>
<footer>Copyright Example Wire. <a href="/privacy">Privacy</a></footer>
</body></html>`

func TestFromHTML(t *testing.T) {
	a, err := FromHTML("wire-1", []byte(wirePage), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ name, got, want string }{
		{"title", a.Title, "Iran, Russia discuss Syria"},
		{"dateline", a.Dateline, "TEHRAN"},
		{"source", a.Source, "Example Wire"},
		{"published", a.Published, "2017-09-05"},
		{"license", a.License, "CC-BY-4.0"},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
			}
		})
	}
	t.Run("text", func(t *testing.T) {
		if !strings.HasPrefix(a.Text, "TEHRAN – Iran’s top security official") {
			t.Errorf("text starts %q", a.Text[:min(60, len(a.Text))])
		}
		for _, bad := range []string{"tracking", "document.write", "color: red", "&", "Privacy", "\u00a0", "<"} {
			if strings.Contains(a.Text, bad) {
				t.Errorf("text holds %q:\n%s", bad, a.Text)
			}
		}
		for _, want := range []string{
			"in the war.\n\nThe two sides",
			"across the desert, officials said.\nBoth welcomed",
			"“The campaign against terrorism has started paying dividends,” the official said, adding that the country",
			"\n\nDiplomats from both countries",
		} {
			if !strings.Contains(a.Text, want) {
				t.Errorf("text lacks %q:\n%s", want, a.Text)
			}
		}
	})
}

func TestFromHTMLOptionsWin(t *testing.T) {
	a, err := FromHTML("wire-1", []byte(wirePage), Options{Source: "Mirror", Published: "2017-09-06", License: "CC BY-SA 4.0", URL: "https://example.org/x"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Source != "Mirror" || a.Published != "2017-09-06" || a.License != "CC-BY-SA-4.0" || a.URL != "https://example.org/x" {
		t.Errorf("got %+v", a)
	}
}

func TestFromHTMLBroken(t *testing.T) {
	tests := []struct {
		name, page string
		want       string
		err        error
	}{
		{"unclosed tags", "<html><body><div><p>BEIRUT (AP) — Rescue workers searched the rubble<p>Two survivors were found", "BEIRUT (AP) — Rescue workers searched the rubble\n\nTwo survivors were found", nil},
		{"fragment", "<p>MOSCOW - Talks ended &amp; delegates left.</p>", "MOSCOW - Talks ended & delegates left.", nil},
		{"stray closing tags", "</div></p><b>KABUL -</i> A bomb exploded.</table>", "KABUL - A bomb exploded.", nil},
		{"only script", "<html><script>alert(1)</script></html>", "", ErrEmpty},
		{"unterminated comment", "<p>Text<!-- never closed", "Text", nil},
		{"invalid utf-8", "<p>Caf\xe9</p>", "", ErrUTF8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := FromHTML("x", []byte(tc.page), Options{})
			if !errors.Is(err, tc.err) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			if a.Text != tc.want {
				t.Errorf("text %q, want %q", a.Text, tc.want)
			}
		})
	}
}

func TestPlainTextPre(t *testing.T) {
	a, err := FromHTML("x", []byte("<body><p>Results:</p><pre>Team A   3\nTeam B   1</pre></body>"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Results:\n\nTeam A   3\nTeam B   1"; a.Text != want {
		t.Errorf("text %q, want %q", a.Text, want)
	}
}

// TestFromHTMLHostile checks that pages built to make HTML parsers slow are
// refused or read quickly.
func TestFromHTMLHostile(t *testing.T) {
	tests := []struct {
		name, page string
		wantErr    bool
	}{
		{"deep divs", strings.Repeat("<div>", 100000) + "text", true},
		{"deep lists", strings.Repeat("<ul><li>", 50000) + "text", true},
		{"deep tables", strings.Repeat("<table><tr><td>", 30000) + "text", true},
		{"many formatting tags", strings.Repeat("<b><i><p>word ", 3000), false},
		{"many paragraphs", strings.Repeat("<p>Troops advanced on the city.</p>", 20000), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := FromHTML("x", []byte(tc.page), Options{})
			if (err != nil) != tc.wantErr {
				t.Errorf("error %v, want error %v", err, tc.wantErr)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}
