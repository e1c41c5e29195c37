package article

import (
	"testing"

	"github.com/khaldun/khaldun/internal/sharedtest"
)

// sharedFile returns the path of a file under the project's shared folder
// (../../shared beside the repository). The test is skipped when it is
// absent, and fails when CI is set, since CI always has it.
func sharedFile(tb testing.TB, parts ...string) string {
	tb.Helper()
	return sharedtest.Path(tb, parts...)
}
