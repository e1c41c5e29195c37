package cluster_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/article"
	"github.com/khaldun/khaldun/cluster"
	"github.com/khaldun/khaldun/coder"
	"github.com/khaldun/khaldun/sqlite"
)

// TestArticlesOfOneEvent stores five reports written for this test — one
// attack told by a wire story, the same copy printed by another outlet, a
// local report with a different toll, and a later analysis, plus an
// unrelated march — reads them back from the store, and checks that the
// attack becomes one cluster with four articles and three independent
// sources, and that the march stays apart.
func TestArticlesOfOneEvent(t *testing.T) {
	ctx := context.Background()
	c, err := coder.New(coder.Config{})
	if err != nil {
		t.Fatal(err)
	}
	outlets := map[string]string{
		"1-wire": "Khaldun Wire", "2-copy": "Sahel Daily", "3-local": "Bamako Radio",
		"4-analysis": "Dakar Review", "5-unrelated": "Dakar Review",
	}
	files, err := filepath.Glob(filepath.Join("testdata", "kidal", "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("want 5 reports, got %v (%v)", files, err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var batch khaldun.Batch
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		arts, errs := article.Read(f, b, article.Options{Published: "2025-03-05", Source: outlets[id]})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		arts[0].URL = "https://example.org/" + id
		batch.Records = append(batch.Records, c.Code(arts[0]))
	}
	if _, err := st.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	rows, err := st.Articles(ctx, khaldun.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var recs []khaldun.Record
	for _, r := range rows {
		recs = append(recs, r.Record)
	}
	if len(recs) != 5 {
		t.Fatalf("stored %d articles, want 5", len(recs))
	}
	var attack, march []cluster.Cluster
	for _, cl := range cluster.Build(recs) {
		for _, m := range cl.Mentions {
			if m.Article == "5-unrelated" {
				march = append(march, cl)
				break
			}
			if strings.HasPrefix(cl.CAMEO, "19") || strings.HasPrefix(cl.CAMEO, "18") {
				attack = append(attack, cl)
				break
			}
		}
	}
	best := cluster.Cluster{}
	for _, cl := range attack {
		if cl.Articles > best.Articles {
			best = cl
		}
	}
	if best.Articles != 4 || best.Sources != 3 {
		var got []string
		for _, cl := range attack {
			var arts []string
			for _, m := range cl.Mentions {
				arts = append(arts, m.Article+":"+m.Sentence)
			}
			got = append(got, cl.CAMEO+" "+strings.Join(arts, " | "))
		}
		t.Fatalf("the attack: biggest cluster has %d articles and %d sources, want 4 and 3; clusters:\n%s",
			best.Articles, best.Sources, strings.Join(got, "\n"))
	}
	for _, cl := range march {
		for _, m := range cl.Mentions {
			if m.Article != "5-unrelated" {
				t.Errorf("the march clustered with %s: %q", m.Article, m.Sentence)
			}
		}
	}
	toll := false
	for _, d := range best.Disagree {
		if d.Field == "killed" {
			toll = true
		}
	}
	if !toll {
		t.Errorf("the reports disagree on the toll (four or five killed); disagreements: %+v", best.Disagree)
	}
}
