package ingest

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/coder"
)

// benchArticles are the first 300 articles of each of the BBC and Reuters
// corpora in ../shared/corpus, written to one JSON Lines file.
func benchInput(b *testing.B) (path string, arts []khaldun.Article) {
	dir := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") != "" {
			b.Fatalf("../shared/corpus is missing: %v", err)
		}
		b.Skipf("skipping: ../shared/corpus is not here (%v)", err)
	}
	path = filepath.Join(b.TempDir(), "bench.jsonl")
	out, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"bbc-2005.jsonl", "reuters21578.jsonl"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		for n := 0; n < 300 && sc.Scan(); n++ {
			out.Write(sc.Bytes())
			out.Write([]byte("\n"))
		}
		f.Close()
	}
	out.Close()
	data, _ := os.ReadFile(path)
	arts, _ = Read(path, data, articleOptions())
	return path, arts
}

var (
	benchCoder     *coder.Coder
	benchCoderErr  error
	benchCoderOnce sync.Once
)

func realCoder(b *testing.B) *coder.Coder {
	benchCoderOnce.Do(func() { benchCoder, benchCoderErr = coder.New(coder.Config{}) })
	if benchCoderErr != nil {
		b.Fatal(benchCoderErr)
	}
	return benchCoder
}

// BenchmarkIngest stores the corpus sample into a fresh SQLite file per
// iteration, with one and two coding workers; BenchmarkCode reads and
// codes the same file without storing it, as khaldun code does, for
// comparison.
func BenchmarkIngest(b *testing.B) {
	path, arts := benchInput(b)
	c := realCoder(b)
	words := 0
	for _, a := range arts {
		words += countWords(a.Text)
	}
	for _, workers := range []int{1, 2} {
		b.Run(map[int]string{1: "workers=1", 2: "workers=2"}[workers], func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, err := sqliteOpen(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
				if err != nil {
					b.Fatal(err)
				}
				g, _ := New(Config{Coder: c, Store: s, Workers: workers})
				b.StartTimer()
				st, err := g.Run(context.Background(), []string{path})
				if err != nil {
					b.Fatal(err)
				}
				if st.Added+st.Duplicate != len(arts) {
					b.Fatalf("stored %d of %d articles", st.Added+st.Duplicate, len(arts))
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			secs := b.Elapsed().Seconds()
			b.ReportMetric(float64(len(arts)*b.N)/secs, "articles/s")
			b.ReportMetric(float64(words*b.N)/secs, "words/s")
		})
	}
}

func BenchmarkCode(b *testing.B) {
	path, arts := benchInput(b)
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	c := realCoder(b)
	words := 0
	for _, a := range arts {
		words += countWords(a.Text)
	}
	for _, workers := range []int{1, 2} {
		b.Run(map[int]string{1: "workers=1", 2: "workers=2"}[workers], func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				// as khaldun code does: read the file, then code its articles
				arts, _ := Read(path, data, articleOptions())
				next := make(chan int)
				var wg sync.WaitGroup
				for w := 0; w < workers; w++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for j := range next {
							c.Code(arts[j])
						}
					}()
				}
				for j := range arts {
					next <- j
				}
				close(next)
				wg.Wait()
			}
			secs := b.Elapsed().Seconds()
			b.ReportMetric(float64(len(arts)*b.N)/secs, "articles/s")
			b.ReportMetric(float64(words*b.N)/secs, "words/s")
		})
	}
}
