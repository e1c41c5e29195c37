package sqlite

import (
	"testing"

	"github.com/khaldun/khaldun/storetest"
)

func TestReplace(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	storetest.RunReplace(t, s)
}
