package petrarch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/internal/sharedtest"

	"github.com/khaldun/khaldun/event"
)

// sharedDir returns a directory of shared evaluation dictionaries, skipping
// the test when it is absent (and failing when CI is set).
func sharedDir(t *testing.T, name string) string {
	return sharedtest.Path(t, "eval", "events", name)
}

func TestLoadShared(t *testing.T) {
	tests := []struct {
		dir                              string
		actors, agents, groups, discards int
		minEntries                       int
	}{
		{"petrarch2-dicts", 120, 80, 250, 9, 300},
		{"udpetrarch-dicts", 125, 80, 60, 9, 3000},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			d, err := Load(sharedDir(t, tt.dir))
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Actors) < tt.actors || len(d.Agents) < tt.agents || len(d.Verbs.Groups) < tt.groups || len(d.Discards) != tt.discards {
				t.Errorf("got %d actors, %d agents, %d verb groups, %d discards; want at least %d, %d, %d and exactly %d",
					len(d.Actors), len(d.Agents), len(d.Verbs.Groups), len(d.Discards), tt.actors, tt.agents, tt.groups, tt.discards)
			}
			es := d.Entries()
			if len(es) < tt.minEntries {
				t.Errorf("got %d lexicon entries, want at least %d", len(es), tt.minEntries)
			}
			lex, err := event.LoadLexicon()
			if err != nil {
				t.Fatal(err)
			}
			if err := lex.Add(es...); err != nil {
				t.Fatalf("entries do not load into the lexicon: %v", err)
			}
			for _, u := range d.Unconverted() {
				if !strings.Contains(u, ".txt:") {
					t.Errorf("unconverted %q does not name file:line", u)
				}
			}
		})
	}
}

func TestSharedActorsDated(t *testing.T) {
	d, err := Load(sharedDir(t, "petrarch2-dicts"))
	if err != nil {
		t.Fatal(err)
	}
	var sam, gollum *Actor
	for i := range d.Actors {
		switch d.Actors[i].Names[0] {
		case "SAM GAMGEE":
			sam = &d.Actors[i]
		case "GOLLUM":
			gollum = &d.Actors[i]
		}
	}
	if sam == nil || gollum == nil {
		t.Fatal("SAM GAMGEE or GOLLUM missing")
	}
	tests := []struct {
		a    *Actor
		date string
		want string
	}{
		{sam, "2007-05-01", "HOBCIV"},
		{sam, "2010-01-10", "ORCHOB"},
		{sam, "2011-01-01", "HOBMIL"},
		{sam, "2014-01-01", "HOBELI"},
		{gollum, "1990-01-01", "HOB"},
		{gollum, "1997-01-01", "HOBGOV"},
		{gollum, "2001-01-01", "HOBREB"},
	}
	for _, tt := range tests {
		got, ok := tt.a.CodeOn(tt.date)
		if !ok || strings.Join(got, "/") != tt.want {
			t.Errorf("%s on %s = %v, want %s", tt.a.Names[0], tt.date, got, tt.want)
		}
	}
	if strings.Join(gollum.Names, ",") != "GOLLUM,SMEAGOL,SLINKER,STINKER" {
		t.Errorf("GOLLUM names = %v", gollum.Names)
	}
}

func TestParseActors(t *testing.T) {
	in := `<!-- a test actors file
spanning lines -->
ISLAND_REPUBLIC [ISL]
+ISLANDERS  # synonym
+THE_ISLAND
OLD_KINGDOM
	[OKG < 900101]
	[ISLGOV 19900101-19991231]   # ruled by the republic
	[OKGREB >991231]
DUAL_BODY [AAA/BBB]
CODE_IS_HASHES [###]
`
	as, err := ParseActors(strings.NewReader(in), "test.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 4 {
		t.Fatalf("got %d actors: %+v", len(as), as)
	}
	if got := strings.Join(as[0].Names, "|"); got != "ISLAND REPUBLIC|ISLANDERS|THE ISLAND" || as[0].Line != 3 {
		t.Errorf("actor 0: %+v", as[0])
	}
	want := []DatedCode{{Codes: []string{"OKG"}, To: "1989-12-31"}, {Codes: []string{"ISLGOV"}, From: "1990-01-01", To: "1999-12-31"}, {Codes: []string{"OKGREB"}, From: "2000-01-01"}}
	for i, w := range want {
		g := as[1].Codes[i]
		if strings.Join(g.Codes, "/") != strings.Join(w.Codes, "/") || g.From != w.From || g.To != w.To {
			t.Errorf("OLD KINGDOM code %d = %+v, want %+v", i, g, w)
		}
	}
	if got := as[2].Codes[0].Codes; len(got) != 2 {
		t.Errorf("DUAL BODY codes = %v", got)
	}
	if got := as[3].Codes[0].Codes[0]; got != "###" {
		t.Errorf("[###] read as %q", got)
	}

	bad := []struct{ name, in, want string }{
		{"synonym first", "+LONELY\n", "test.txt:1: synonym"},
		{"code first", "\t[ABC]\n", "test.txt:1: code"},
		{"unclosed", "X [ABC\n", "test.txt:1: unclosed"},
		{"bad date", "X\n\t[ABC <9901]\n", "test.txt:2: code [ABC <9901]: date"},
		{"bad restriction", "X [ABC 990101]\n", "test.txt:1: code"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseActors(strings.NewReader(tt.in), "test.txt")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseAgents(t *testing.T) {
	in := `!OFFICER! = OFFICER, OFFICERS, OFFICIAL
TAX_COLLECTOR [~GOV]
POLICE {} [~COP]
CHIEF_JUSTICE {CHIEF_JUSTICES CHIEFS_JUSTICE} [~JUD]
ARMY!OFFICER! [~MIL]
AID_AGENCY [NGO~]
`
	as, err := ParseAgents(strings.NewReader(in), "agents.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		names, plural, code string
		prefix              bool
	}{
		{"TAX COLLECTOR", "TAX COLLECTORS", "GOV", false},
		{"POLICE", "", "COP", false},
		{"CHIEF JUSTICE", "CHIEF JUSTICES|CHIEFS JUSTICE", "JUD", false},
		{"ARMYOFFICER|ARMYOFFICERS|ARMYOFFICIAL", "", "MIL", false},
		{"AID AGENCY", "AID AGENCIES", "NGO", true},
	}
	if len(as) != len(tests) {
		t.Fatalf("got %d agents: %+v", len(as), as)
	}
	for i, tt := range tests {
		a := as[i]
		if strings.Join(a.Names, "|") != tt.names || strings.Join(a.Plural, "|") != tt.plural || a.Code != tt.code || a.Prefix != tt.prefix {
			t.Errorf("agent %d = %+v, want %+v", i, a, tt)
		}
	}
	bad := []struct{ name, in, want string }{
		{"no code", "MAYOR\n", "agents.txt:1: want one [code]"},
		{"no tilde", "MAYOR [GOV]\n", "agents.txt:1: code [GOV] has no ~"},
		{"unknown set", "!NOPE!_MAN [~GOV]\n", "agents.txt:1: unknown substitution set"},
		{"unclosed brace", "MAYOR {MAYORS [~GOV]\n", "agents.txt:1: unclosed {"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseAgents(strings.NewReader(tt.in), "agents.txt")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseDiscards(t *testing.T) {
	ds, err := ParseDiscards(strings.NewReader("# sports\n+CRICKET_WORLD_CUP  # story level\nHALF TIME ; note\n"), "d.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 2 || ds[0].Phrase != "CRICKET WORLD CUP" || !ds[0].Story || ds[1].Phrase != "HALF TIME" || ds[1].Story || ds[1].Line != 3 {
		t.Errorf("got %+v", ds)
	}
}

const verbsSample = `&WEAPON
+RIFLES
+HEAVY_GUNS
+&MISSILE

&MISSILE
+ROCKETS

--- SUMMIT [040] ---
CONVENE
HUDDLE {HUDDLED}
- * TALKS [046]
- * WITH &WEAPON [193]
- $ * + ON_BORDER [191]
- NOT * [120]
- * NONSENSE [---]

--- GRAB  [---]  ---
SNATCH [1711]
+MAKE_OFF {+MADE_OFF}
- * (OF ^) HOSTAGES [181]
- * {PRIZE} [9Z9]
`

func TestParseVerbsAndEntries(t *testing.T) {
	v, err := ParseVerbs(strings.NewReader(verbsSample), "verbs.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Groups) != 2 || len(v.Synsets) != 2 {
		t.Fatalf("got %d groups, %d synsets", len(v.Groups), len(v.Synsets))
	}
	g := v.Groups[0]
	if g.Name != "SUMMIT" || g.Code != "040" || len(g.Verbs) != 2 || len(g.Patterns) != 5 || g.Verbs[1].Forms[0] != "HUDDLED" {
		t.Errorf("group 0 = %+v", g)
	}
	if v.Groups[1].Verbs[1].Words != "MAKE OFF" || !v.Groups[1].Verbs[1].Phrasal {
		t.Errorf("phrasal verb = %+v", v.Groups[1].Verbs[1])
	}

	d := &Dict{Verbs: v, Files: map[string]string{"verbs": "verbs.txt"}}
	got := map[string]string{}
	for _, e := range d.Entries() {
		got[strings.TrimSpace(e.Lemma+" "+strings.Join(e.Pattern, " "))] = string(e.Code)
	}
	want := map[string]string{
		"convene":                 "040",
		"convene talks":           "046",
		"huddle with rifles":      "193",
		"huddle with heavy guns":  "193",
		"huddle with rockets":     "193",
		"convene * on border":     "191",
		"snatch":                  "1711",
		"snatch of * hostages":    "181",
		"make off of * hostages":  "181",
		"huddle talks":            "046",
		"convene with heavy guns": "193",
		"make off":                "",
		"convene nonsense":        "",
		"snatch prize":            "",
		"huddle * on border":      "191",
		"convene with rockets":    "193",
		"huddle":                  "040",
		"convene with rifles":     "193",
		"make off with rifles":    "",
		"snatch with rifles":      "",
		"huddle nonsense":         "",
		"snatch talks":            "",
		"make off talks":          "",
		"make off * on border":    "",
		"snatch * on border":      "",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("entry %q = %q, want %q", k, got[k], w)
		}
	}
	un := strings.Join(d.Unconverted(), "\n")
	for _, w := range []string{"verbs.txt:15 pattern \"NOT *\": words before the verb", "verbs.txt:22 pattern \"* {PRIZE}\": code [9Z9]"} {
		if !strings.Contains(un, w) {
			t.Errorf("Unconverted() lacks %q:\n%s", w, un)
		}
	}
	lex, err := event.NewLexicon(d.Entries())
	if err != nil {
		t.Fatal(err)
	}
	e, n, ok := lex.Match(strings.Fields("rebels huddled with heavy guns"), 1)
	if !ok || e.Code != "193" || n != 4 || !strings.HasPrefix(e.Rule, "verbs.txt:13 ") {
		t.Errorf("Match = %+v %d %v", e, n, ok)
	}

	bad := []struct{ name, in, want string }{
		{"pattern outside", "- * TALKS [040]\n", "v.txt:1: "},
		{"no code", "--- X [040] ---\nX\n- * TALKS\n", "v.txt:3: pattern"},
		{"empty heading", "--- [040] ---\n", "v.txt:1: verb group heading"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseVerbs(strings.NewReader(tt.in), "v.txt")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("My.Verbs.txt", verbsSample)
	write("my_discards.txt", "+CRICKET\n")
	write("README", "not a dictionary\n")
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if d.Verbs == nil || len(d.Discards) != 1 || d.Actors != nil || len(d.Files) != 2 {
		t.Errorf("got %+v", d)
	}
	write("other_verbs.txt", verbsSample)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "two verbs files") {
		t.Errorf("two verbs files: error %v", err)
	}
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("empty dir: want an error")
	}
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "x.actors.txt"), []byte("A [B\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(bad); err == nil || !strings.Contains(err.Error(), "x.actors.txt:1") {
		t.Errorf("bad actors: error %v, want file:line", err)
	}
}
