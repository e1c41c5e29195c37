package article

import (
	"os"
	"strings"
	"testing"
)

func TestReferenceArticle(t *testing.T) {
	path := sharedFile(t, "reference", "tehran-talks.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	arts, errs := Read(path, data, Options{Published: "2017-09-05"})
	if len(errs) != 0 || len(arts) != 1 {
		t.Fatalf("Read: %d articles, errors %v", len(arts), errs)
	}
	a := arts[0]
	checks := []struct{ name, got, want string }{
		{"id", a.ID, "tehran-talks"},
		{"dateline", a.Dateline, "TEHRAN"},
		{"license", a.License, "CC-BY-4.0"},
		{"published", a.Published, "2017-09-05"},
		{"title", a.Title, ""},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if !strings.HasSuffix(a.Text, "reconstructing their country.") {
		t.Errorf("text ends %q, want it to end with the last sentence of the story", a.Text[max(0, len(a.Text)-60):])
	}
	if !strings.HasPrefix(a.Text, "TEHRAN –") {
		t.Errorf("text starts %q, want the dateline kept", a.Text[:min(len(a.Text), 20)])
	}
	for _, bad := range []string{"Creative Commons", "NA/PA", "\r", "\u00a0"} {
		if strings.Contains(a.Text, bad) {
			t.Errorf("text still holds %q", bad)
		}
	}
	// Curly quotes are kept as written.
	if !strings.Contains(a.Text, "“") || !strings.Contains(a.Text, "’") {
		t.Error("curly quotes were lost")
	}
}
