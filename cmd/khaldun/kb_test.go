package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/kb"
)

// runCmd runs khaldun with args and returns standard output.
func runCmd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errs bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(""), &out, &errs)
	if err != nil {
		t.Logf("stderr: %s", errs.String())
	}
	return out.String(), err
}

func lookupJSON(t *testing.T, args ...string) lookupResult {
	t.Helper()
	out, err := runCmd(t, append([]string{"kb", "lookup", "--json"}, args...)...)
	if err != nil {
		t.Fatalf("kb lookup %v: %v", args, err)
	}
	var r lookupResult
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("kb lookup %v: %v\n%s", args, err, out)
	}
	return r
}

func TestKBLookup(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		check func(t *testing.T, r lookupResult)
	}{
		{"romanisations of one place", []string{"Dayr al-Zawr"}, func(t *testing.T, r lookupResult) {
			other := lookupJSON(t, "Deir Ezzor")
			if len(r.Candidates) == 0 || len(other.Candidates) == 0 {
				t.Fatalf("no candidates: %+v / %+v", r, other)
			}
			a, b := r.Candidates[0], other.Candidates[0]
			if a.GeoNames == 0 || a.GeoNames != b.GeoNames || a.Country != "SYR" {
				t.Errorf("Dayr al-Zawr = %+v, Deir Ezzor = %+v, want one Syrian place", a, b)
			}
		}},
		{"homonymous city lists both and says how context decides", []string{"Tripoli"}, func(t *testing.T, r lookupResult) {
			seen := map[string]bool{}
			for _, c := range r.Candidates {
				if c.Kind == "place" {
					seen[c.Country] = true
				}
			}
			if !seen["LBY"] || !seen["LBN"] {
				t.Errorf("Tripoli countries %v, want LBY and LBN", seen)
			}
			if r.Candidates[0].Country != "LBY" || r.Candidates[0].Score <= r.Candidates[1].Score {
				t.Errorf("first candidates %+v, want the Libyan capital ahead", r.Candidates[:2])
			}
			if !strings.Contains(r.Context, "country the article names") {
				t.Errorf("context note %q", r.Context)
			}
		}},
		{"person on a date", []string{"--date", "2010-03-01", "Medvedev"}, func(t *testing.T, r lookupResult) {
			if len(r.Candidates) != 1 || len(r.Candidates[0].Roles) != 1 || r.Candidates[0].Roles[0].Title != "president" {
				t.Errorf("Medvedev in 2010 = %+v, want president only", r.Candidates)
			}
		}},
		{"flags after the name", []string{"Medvedev", "--date", "2015-03-01"}, func(t *testing.T, r lookupResult) {
			if len(r.Candidates) != 1 || len(r.Candidates[0].Roles) != 1 || r.Candidates[0].Roles[0].Title != "prime minister" {
				t.Errorf("Medvedev in 2015 = %+v, want prime minister", r.Candidates)
			}
		}},
		{"seat of power as metonym", []string{"the Kremlin"}, func(t *testing.T, r lookupResult) {
			if len(r.Candidates) == 0 || r.Candidates[0].Country != "RUS" || r.Candidates[0].Sector != "GOV" {
				t.Errorf("the Kremlin = %+v, want RUS GOV", r.Candidates)
			}
		}},
		{"historical country name", []string{"Zaire"}, func(t *testing.T, r lookupResult) {
			if len(r.Candidates) == 0 || r.Candidates[0].Kind != "country" || r.Candidates[0].Country != "COD" {
				t.Errorf("Zaire = %+v, want the country COD", r.Candidates)
			}
		}},
		{"title with modifiers", []string{"former deputy foreign minister"}, func(t *testing.T, r lookupResult) {
			if len(r.Candidates) != 1 || r.Candidates[0].Kind != "role" || r.Candidates[0].Sector != "GOV" {
				t.Errorf("got %+v, want the role deputy foreign minister (GOV)", r.Candidates)
			}
		}},
		{"an office on a date", []string{"--date", "2017-06-01", "Iranian foreign minister"}, func(t *testing.T, r lookupResult) {
			if len(r.Candidates) != 1 || r.Candidates[0].Name != "Mohammad Javad Zarif" || !strings.Contains(r.Candidates[0].Why, "2017-06-01") {
				t.Errorf("got %+v, want Zarif, foreign minister on the date", r.Candidates)
			}
		}},
		{"an office by a possessive country", []string{"--date", "2017-06-01", "Russia's defence minister"}, func(t *testing.T, r lookupResult) {
			if len(r.Candidates) != 1 || r.Candidates[0].Name != "Sergei Shoigu" {
				t.Errorf("got %+v, want Shoigu", r.Candidates)
			}
		}},
		{"unknown name", []string{"Qwzxv Plorth"}, func(t *testing.T, r lookupResult) {
			if len(r.Candidates) != 0 {
				t.Errorf("got %+v, want nothing", r.Candidates)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, lookupJSON(t, tc.args...)) })
	}
}

func TestKBLookupText(t *testing.T) {
	out, err := runCmd(t, "kb", "lookup", "Tripoli")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"place   Tripoli  country=LBY", "country=LBN", "GeoNames 2210247", "why:", "by context"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, args := range [][]string{{"kb"}, {"kb", "nope"}, {"kb", "lookup"}, {"kb", "lookup", "--date", "May 2010", "Putin"}} {
		if _, err := runCmd(t, args...); err == nil {
			t.Errorf("khaldun %v succeeded", args)
		}
	}
}

// TestExcludedPeople checks that people the reference article names, other
// than Vladimir Putin, are in no data file and resolve to no one: the coder
// must find them from the text alone.
func TestExcludedPeople(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "kb", "data", "*.tsv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no data files: %v", err)
	}
	for _, name := range []string{"Ali Shamkhani", "Alexander Lavrentiev", "Ali Mamlouk", "Hossein Jaberi Ansari"} {
		t.Run(name, func(t *testing.T) {
			surname := name[strings.LastIndexByte(name, ' ')+1:]
			for _, key := range []string{kb.Normalize(name), kb.Normalize(surname)} {
				for _, e := range k.Lookup(key) {
					if e.Kind == kb.KindPerson {
						t.Errorf("Lookup(%q) finds the person %s", key, e.Name)
					}
				}
			}
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if bytes.Contains(bytes.ToLower(b), []byte(strings.ToLower(surname))) {
					t.Errorf("%s names %s", f, surname)
				}
			}
		})
	}
}

// codeWith codes text with the user directory dir ("" for none).
func codeWith(t *testing.T, dir, text string) khaldun.Record {
	t.Helper()
	story := filepath.Join(t.TempDir(), "story.txt")
	if err := os.WriteFile(story, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"code", "--published", "2017-09-05"}
	if dir != "" {
		args = append(args, "--kb", dir)
	}
	out, err := runCmd(t, append(args, story)...)
	if err != nil {
		t.Fatal(err)
	}
	var r khaldun.Record
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return r
}

func findPlace(r khaldun.Record, name string) (khaldun.Place, bool) {
	for _, p := range r.Places {
		if p.Name == name {
			return p, true
		}
	}
	return khaldun.Place{}, false
}

func findActor(r khaldun.Record, name string) (khaldun.Actor, bool) {
	for _, a := range r.Actors {
		if a.Name == name {
			return a, true
		}
	}
	return khaldun.Actor{}, false
}

// story names a village and a minister that the embedded knowledge base
// does not know (both invented).
const story = "Shelling hit Kafr Zaytunat on Monday, residents said. Foreign Minister Tarek Hallaji condemned the attack on Tuesday.\n"

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestUserFilesChangeCoding checks that hand-written user files adding a
// person and a place change what `khaldun code --kb DIR` writes.
func TestUserFilesChangeCoding(t *testing.T) {
	before := codeWith(t, "", story)
	if _, ok := findPlace(before, "Kafr Zaytunat"); ok {
		t.Fatal("the invented village is known without user files")
	}
	if a, ok := findActor(before, "Tarek Hallaji"); ok && a.Country == "SYR" {
		t.Fatal("the invented minister is Syrian without user files")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"people.tsv": "# name\taliases\ttitle\tcountry\tsector\tfrom\tto\nTarek Hallaji\tHallaji\tforeign minister\tSYR\tGOV\t2016\t\n",
		"places.tsv": "# geonames\tname\tascii\tcountry\tadmin1\tfeature\tpopulation\tlat\tlon\taliases\n" +
			"99000001\tKafr Zaytunat\t\tSYR\tIdlib\tcity\t4200\t35.81000\t36.63000\tKafr Zeytunat\n",
	})
	after := codeWith(t, dir, story)
	if p, ok := findPlace(after, "Kafr Zaytunat"); !ok || p.GeoNames != 99000001 || p.Country != "SYR" {
		t.Errorf("with a user place: places %+v", after.Places)
	}
	if a, ok := findActor(after, "Tarek Hallaji"); !ok || a.Code != "SYRGOV" {
		t.Errorf("with a user person: actors %+v", after.Actors)
	}
}

// TestImportGeoNames builds a user directory from a GeoNames-layout dump
// and codes with it.
func TestImportGeoNames(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	row := func(f ...string) string {
		for len(f) < 19 {
			f = append(f, "")
		}
		return strings.Join(f, "\t") + "\n"
	}
	writeFiles(t, in, map[string]string{
		"SY.txt": row("99000001", "Kafr Zaytunat", "Kafr Zaytunat", "Kafr Zeytunat,كفر زيتا", "35.81", "36.63", "P", "PPL", "SY", "", "10", "", "", "", "4200") +
			row("99000002", "Tall Saghir", "Tall Saghir", "", "35.9", "36.7", "P", "PPL", "SY", "", "10", "", "", "", "300") +
			row("99000003", "Wadi Nowhere", "Wadi Nowhere", "", "35.9", "36.7", "H", "WAD", "SY", "", "10", "", "", "", "0"),
		"admin1CodesASCII.txt": "SY.10\tIdlib\tIdlib\t169388\n",
		"alternateNamesV2.txt": "1\t99000001\ten\tKfar Zaitoun\t\t\t\t\t\t\n2\t99000001\tde\tKafr Saitunat\t\t\t\t\t\t\n",
	})
	_, err := runCmd(t, "kb", "import-geonames", filepath.Join(in, "SY.txt"), "--admin1", filepath.Join(in, "admin1CodesASCII.txt"),
		"--alternate", filepath.Join(in, "alternateNamesV2.txt"), "-o", out)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "places.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "Tall Saghir") || strings.Contains(string(b), "Wadi Nowhere") || strings.Contains(string(b), "Saitunat") {
		t.Errorf("kept a small place, a valley or a German name:\n%s", b)
	}
	r := lookupJSON(t, "--kb", out, "Kfar Zaitoun")
	if len(r.Candidates) != 1 || r.Candidates[0].GeoNames != 99000001 || r.Candidates[0].Admin1 != "Idlib" {
		t.Errorf("lookup of an English alternate name: %+v", r.Candidates)
	}
	rec := codeWith(t, out, story)
	if p, ok := findPlace(rec, "Kafr Zaytunat"); !ok || p.GeoNames != 99000001 {
		t.Errorf("coding with the imported gazetteer: places %+v", rec.Places)
	}
	if _, err := runCmd(t, "kb", "import-geonames", filepath.Join(in, "missing.txt"), "-o", out); err == nil {
		t.Error("a missing dump was imported")
	}
}

func TestUserFileErrorsNameLine(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"people.tsv": "# name\taliases\ttitle\tcountry\tsector\tfrom\tto\nTarek Hallaji\t\tforeign minister\tSYR\tGOV\tMay 2016\t\n",
	})
	_, err := runCmd(t, "kb", "lookup", "--kb", dir, "Hallaji")
	if err == nil || !strings.Contains(err.Error(), "people.tsv:2") {
		t.Errorf("error %v, want one naming people.tsv:2", err)
	}
}
