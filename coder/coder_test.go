package coder

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/khaldun/khaldun/internal/sharedtest"

	"github.com/khaldun/khaldun"
)

// shared returns the shared folder (gold sets, corpora, reference): the
// KHALDUN_SHARED variable, else ../shared beside the repository. Tests
// skip when it is absent, and fail when CI is set.
func shared(tb testing.TB) string {
	tb.Helper()
	return sharedtest.Path(tb)
}

var (
	testOnce  sync.Once
	testCoder *Coder
	testErr   error
)

func newCoder(tb testing.TB) *Coder {
	tb.Helper()
	testOnce.Do(func() { testCoder, testErr = New(Config{}) })
	if testErr != nil {
		tb.Fatal(testErr)
	}
	return testCoder
}

// corpus reads the articles of one JSON Lines corpus file.
func corpus(tb testing.TB, name string, limit int) []khaldun.Article {
	tb.Helper()
	f, err := os.Open(filepath.Join(shared(tb), "corpus", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []khaldun.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() && (limit <= 0 || len(out) < limit) {
		var a khaldun.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		out = append(out, a)
	}
	return out
}

// BenchmarkCode codes real news on one goroutine and reports words and
// articles per second. Compare runs with benchstat.
func BenchmarkCode(b *testing.B) {
	for _, name := range []string{"bbc-2005.jsonl", "fakes-syria.jsonl", "reuters21578.jsonl"} {
		b.Run(strings.TrimSuffix(name, ".jsonl"), func(b *testing.B) {
			arts := corpus(b, name, 400)
			c := newCoder(b)
			words, bytes := 0, 0
			for _, a := range arts {
				words += len(strings.Fields(a.Text))
				bytes += len(a.Text)
			}
			b.SetBytes(int64(bytes))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, a := range arts {
					c.Code(a)
				}
			}
			sec := b.Elapsed().Seconds()
			b.ReportMetric(float64(words*b.N)/sec, "words/s")
			b.ReportMetric(float64(len(arts)*b.N)/sec, "articles/s")
		})
	}
}

// BenchmarkLoad measures loading the embedded knowledge base and lexicons.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := New(Config{}); err != nil {
			b.Fatal(err)
		}
	}
}
