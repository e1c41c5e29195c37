package article

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// aebFloor is the lowest acceptable mean token F1 on the Article Extraction
// Benchmark pages: the figure measured when the test was written (0.954,
// median 0.976) less a margin of 0.03.
const aebFloor = 0.92

// aebPage is one page of the benchmark with its true article text.
type aebPage struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	HTML string `json:"html"`
}

func loadAEB(tb testing.TB) (dir string, pages []aebPage) {
	tb.Helper()
	truth := sharedFile(tb, "corpus", "html", "scrapinghub-aeb", "ground-truth.jsonl")
	f, err := os.Open(truth)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for n := 1; sc.Scan(); n++ {
		var p aebPage
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			tb.Fatalf("%s:%d: %v", truth, n, err)
		}
		pages = append(pages, p)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return filepath.Dir(truth), pages
}

func gunzipFile(tb testing.TB, path string) []byte {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return b
}

// tokenF1 scores got against want as bags of words: tokens are runs of
// letters and digits, lower-cased, counted with repeats.
func tokenF1(got, want string) float64 {
	split := func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}) {
			m[w]++
		}
		return m
	}
	g, w := split(got), split(want)
	var ng, nw, common int
	for k, n := range g {
		ng += n
		common += min(n, w[k])
	}
	for _, n := range w {
		nw += n
	}
	if ng == 0 || nw == 0 || common == 0 {
		if ng == 0 && nw == 0 {
			return 1
		}
		return 0
	}
	p, r := float64(common)/float64(ng), float64(common)/float64(nw)
	return 2 * p * r / (p + r)
}

func TestHTMLExtractionQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 181 pages; skipped in -short mode")
	}
	dir, pages := loadAEB(t)
	type score struct {
		id string
		f1 float64
	}
	var scores []score
	var sum float64
	failed := 0
	for _, p := range pages {
		data := gunzipFile(t, filepath.Join(dir, p.HTML))
		a, err := FromHTML(p.ID, data, Options{})
		if err != nil && a.Text == "" {
			failed++
			t.Logf("%s: %v", p.ID, err)
		}
		f1 := tokenF1(a.Text, p.Text)
		sum += f1
		scores = append(scores, score{p.ID, f1})
	}
	mean := sum / float64(len(pages))
	sort.Slice(scores, func(i, j int) bool { return scores[i].f1 < scores[j].f1 })
	for _, s := range scores[:min(5, len(scores))] {
		t.Logf("low: %s F1 %.3f", s.id, s.f1)
	}
	median := scores[len(scores)/2].f1
	t.Logf("%d pages, %d without text: mean token F1 %.3f, median %.3f", len(pages), failed, mean, median)
	if mean < aebFloor {
		t.Errorf("mean token F1 %.3f fell below the floor %.3f", mean, aebFloor)
	}
}

func BenchmarkFromHTML(b *testing.B) {
	dir, pages := loadAEB(b)
	// A fixed sample of pages keeps the benchmark short and comparable.
	var docs [][]byte
	size := 0
	for i := 0; i < len(pages) && len(docs) < 20; i += 9 {
		d := gunzipFile(b, filepath.Join(dir, pages[i].HTML))
		docs = append(docs, d)
		size += len(d)
	}
	b.SetBytes(int64(size / len(docs)))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := FromHTML("bench", docs[i%len(docs)], Options{}); err != nil && err != ErrEmpty {
			b.Fatal(err)
		}
	}
}
