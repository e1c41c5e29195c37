package quote

import (
	"os"
	"testing"

	"github.com/khaldun/khaldun/internal/sharedtest"
)

// BenchmarkFind runs Find on the reference article.
func BenchmarkFind(b *testing.B) {
	data, err := os.ReadFile(sharedtest.Path(b, "reference", "tehran-talks.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	sents := splitSentences(text)
	refs := naiveRefs(text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, sents, refs)
	}
}
