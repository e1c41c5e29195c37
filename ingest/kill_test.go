package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/khaldun/khaldun"
)

// TestMain lets the test binary play the ingest process that
// TestKillAndResume kills: with KHALDUN_INGEST_CHILD=db,input set it
// ingests input into db slowly and exits.
func TestMain(m *testing.M) {
	if spec := os.Getenv("KHALDUN_INGEST_CHILD"); spec != "" {
		os.Exit(child(spec))
	}
	os.Exit(m.Run())
}

func child(spec string) int {
	var db, input string
	if _, err := fmt.Sscanf(spec, "%s %s", &db, &input); err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 2
	}
	ctx := context.Background()
	s, err := sqliteOpen(ctx, db)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 2
	}
	defer s.Close()
	g, err := New(Config{Coder: stubCoder{delay: 3 * time.Millisecond}, Store: s, Workers: 2, BatchSize: 7})
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 2
	}
	if _, err := g.Run(ctx, []string{input}); err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 1
	}
	return 0
}

// snapshot is what a database holds, in a form to compare.
func snapshot(t *testing.T, s khaldun.Store) (khaldun.Counts, string) {
	t.Helper()
	c, err := s.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.Articles(context.Background(), khaldun.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	// newest first, then stored order: sort by id for a stable comparison
	byID := map[string]khaldun.ArticleRow{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	b, _ := json.Marshal(byID)
	return c, string(b)
}

func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the ingest in subprocesses")
	}
	const n = 400
	dir := t.TempDir()
	input := filepath.Join(dir, "wire.jsonl")
	corpusFile(t, input, n)
	db := filepath.Join(dir, "killed.db")

	kills := 0
	for round := 0; round < 3; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "KHALDUN_INGEST_CHILD="+db+" "+input)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// kill it once it has stored about another 80 articles
		target := (round + 1) * 80
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			if stored(t, db) >= target {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			kills++
		} else if err != nil {
			t.Fatalf("round %d: child: %v", round, err)
		}
		t.Logf("round %d: %d articles stored when killed", round, stored(t, db))
	}
	if kills == 0 {
		t.Fatalf("no run was killed part-way: the child finished too soon")
	}

	// the rerun completes the work
	s := openStore(t, db)
	g, _ := New(Config{Coder: stubCoder{}, Store: s, Workers: 2, BatchSize: 7})
	st, err := g.Run(context.Background(), []string{input})
	if err != nil {
		t.Fatal(err)
	}
	if st.Skipped+st.Added != n || st.Skipped == 0 {
		t.Errorf("resume: %+v; want the stored articles skipped and the rest added, %d in all", st, n)
	}

	clean := openStore(t, filepath.Join(dir, "clean.db"))
	g2, _ := New(Config{Coder: stubCoder{}, Store: clean, Workers: 2, BatchSize: 7})
	if _, err := g2.Run(context.Background(), []string{input}); err != nil {
		t.Fatal(err)
	}
	gc, gs := snapshot(t, s)
	wc, ws := snapshot(t, clean)
	if gc != wc || gc.Articles != n {
		t.Errorf("counts after kills and resume = %+v, clean run = %+v", gc, wc)
	}
	if gs != ws {
		t.Errorf("records after kills and resume differ from a clean run's")
	}
}

// stored returns how many articles db holds, 0 before it exists.
func stored(t *testing.T, db string) int {
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	s, err := sqliteOpen(context.Background(), db)
	if err != nil {
		return 0
	}
	defer s.Close()
	c, err := s.Count(context.Background())
	if err != nil {
		return 0
	}
	return c.Articles
}
