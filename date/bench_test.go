package date

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// corpusArticle is the part of a shared corpus record the benchmark reads.
type corpusArticle struct {
	Published string `json:"published"`
	Text      string `json:"text"`
}

func readCorpus(b testing.TB, name string, limit int) []corpusArticle {
	b.Helper()
	path := filepath.Join(shared, "corpus", name)
	needShared(b, path)
	fh, err := os.Open(path)
	if err != nil {
		b.Fatalf("open corpus: %v", err)
	}
	defer fh.Close()
	var out []corpusArticle
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan() && len(out) < limit; line++ {
		var a corpusArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatalf("%s:%d: %v", path, line, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		b.Fatalf("read corpus: %v", err)
	}
	return out
}

// BenchmarkFind runs Find over BBC and Syrian-war news and reports words per
// second.
func BenchmarkFind(b *testing.B) {
	arts := append(readCorpus(b, "bbc-2005.jsonl", 1000), readCorpus(b, "fakes-syria.jsonl", 400)...)
	words, bytes := 0, 0
	for _, a := range arts {
		words += len(strings.Fields(a.Text))
		bytes += len(a.Text)
	}
	pub := time.Date(2005, 3, 1, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			Find(a.Text, pub)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
