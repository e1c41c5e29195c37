package kb

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Deir ez-Zor", "U.S.", "Tall ‘Afar", "Ḩamāh", "  a  b ", "\xff\xfe", "Ele\u0301onore"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Normalize(s)
		if !isKey(k) {
			t.Errorf("Normalize(%q) = %q is not a key", s, k)
		}
		if Normalize(k) != k {
			t.Errorf("Normalize is not idempotent on %q: %q then %q", s, k, Normalize(k))
		}
		if !utf8.ValidString(k) {
			t.Errorf("Normalize(%q) = %q is not UTF-8", s, k)
		}
	})
}

// FuzzLoadWithDir feeds arbitrary user files to the loader: it must return
// an entry set or an error, never panic.
func FuzzLoadWithDir(f *testing.F) {
	f.Add("roles.tsv", "sniper team\tMIL\tyes\n")
	f.Add("groups.tsv", "A\tB|C\tSYR\tREB\tX\n")
	f.Add("places.tsv", "1\tX\t\tSYR\tA\tcity\t10\t35\t40\ty|z\n")
	f.Add("people.tsv", "P Q\t\tpresident\tSYR\tGOV\t2001\t2000\n")
	f.Add("place_aliases.tsv", "x\tDeir ez-Zor\tSYR\t170794\n")
	f.Add("countries.tsv", "ABC\tAB\tName\ta|b\tc|d\tCap\t1\t2\t3\t4\n")
	f.Fuzz(func(t *testing.T, name, body string) {
		valid := false
		for _, n := range Files {
			if n == name {
				valid = true
			}
		}
		if !valid || len(body) > 4096 {
			return
		}
		b := newBuilder()
		_ = b.addFile(name, filepath.Join("fuzz", name), body)
		_ = b.finish()
	})
}

func TestFuzzSeedsLoadWithDirFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "place_aliases.tsv"), []byte("x\tDeir ez-Zor\tSYR\t170794\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := LoadWithDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := firstOfKind(k.Lookup("x"), KindPlace); !ok || p.GeoNames != 170794 {
		t.Errorf("alias by GeoNames id: %+v", k.Lookup("x"))
	}
}
