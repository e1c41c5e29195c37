package coder

import (
	"fmt"

	"github.com/khaldun/khaldun/event"
)

// addPetrarch adds the verb patterns of PETRARCH-format dictionaries in dir
// to the lexicon.
func addPetrarch(lex *event.Lexicon, dir string) error {
	return fmt.Errorf("petrarch dictionaries in %s: not loaded yet", dir)
}
