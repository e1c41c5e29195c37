package article

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedFile returns the path of a file under the project's shared folder
// (../../shared beside the repository). The test is skipped when it is
// absent, and fails when CI is set, since CI always has it.
func sharedFile(tb testing.TB, parts ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{"..", "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("shared file %s is missing: %v", p, err)
		}
		tb.Skipf("shared file %s is absent; skipping", p)
	}
	return p
}
