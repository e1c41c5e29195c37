// Package sharedtest owns the way tests find the shared folder of gold
// sets, corpora and the reference article, which lives outside the
// repository and is never copied into it.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder: $KHALDUN_SHARED when set, else the first
// directory named "shared" holding reference/ or eval/ beside the working
// directory or one of its parents (the repository sits next to it).
func Dir() (string, bool) {
	if d := os.Getenv("KHALDUN_SHARED"); d != "" {
		_, err := os.Stat(d)
		return d, err == nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; d = filepath.Dir(d) {
		cand := filepath.Join(d, "shared")
		for _, sub := range []string{"reference", "eval", "corpus"} {
			if st, err := os.Stat(filepath.Join(cand, sub)); err == nil && st.IsDir() {
				return cand, true
			}
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

// Path returns the path of parts inside the shared folder. When it is
// absent the test is skipped with a message saying so, or fails when the
// CI variable is set, since CI has the shared folder.
func Path(tb testing.TB, parts ...string) string {
	tb.Helper()
	dir, ok := Dir()
	p := filepath.Join(append([]string{dir}, parts...)...)
	if ok {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		tb.Fatalf("shared file %s is missing and CI is set (set KHALDUN_SHARED to the shared folder)", filepath.Join(parts...))
	}
	tb.Skipf("shared file %s is absent (set KHALDUN_SHARED to the shared folder); skipping", filepath.Join(parts...))
	return ""
}
