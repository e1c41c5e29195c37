package quote

import (
	"os"
	"testing"
)

// BenchmarkFind runs Find on the reference article.
func BenchmarkFind(b *testing.B) {
	p := "../../shared/reference/tehran-talks.txt"
	data, err := os.ReadFile(p)
	if err != nil {
		if data, err = os.ReadFile("/work/shared/reference/tehran-talks.txt"); err != nil {
			b.Skipf("reference article absent: %v", err)
		}
	}
	text := string(data)
	sents := splitSentences(text)
	refs := naiveRefs(text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, sents, refs)
	}
}
