package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/storetest"
)

// Test databases: KHALDUN_TEST_POSTGRES, else the local server as root,
// else as postgres.
var testDSNs = []string{
	"postgres://root@127.0.0.1:5432/test?sslmode=disable",
	"postgres://postgres@127.0.0.1:5432/test?sslmode=disable",
}

// server returns the DSN of a reachable test server, or skips the test
// (fails it when CI is set).
func server(t *testing.T) string {
	t.Helper()
	dsns := testDSNs
	if env := os.Getenv("KHALDUN_TEST_POSTGRES"); env != "" {
		dsns = []string{env}
	}
	var errs []string
	for _, dsn := range dsns {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		conn, err := pgx.Connect(ctx, dsn)
		if err == nil {
			conn.Close(ctx)
			cancel()
			return dsn
		}
		cancel()
		errs = append(errs, err.Error())
	}
	msg := "no PostgreSQL test server (set KHALDUN_TEST_POSTGRES to a postgres:// URL): " + strings.Join(errs, "; ")
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// freshSchema creates an empty schema, drops it when the test ends, and
// returns a DSN whose search_path is that schema.
func freshSchema(t *testing.T) string {
	t.Helper()
	dsn := server(t)
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	schema := "t_" + hex.EncodeToString(b)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "search_path=" + schema
}

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), freshSchema(t))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) khaldun.Store { return openTemp(t) })
}

func TestMigrationsOnce(t *testing.T) {
	dsn := freshSchema(t)
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		s, err := Open(ctx, dsn)
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		v, err := s.Version(ctx)
		if err != nil || v != 1 {
			t.Errorf("open #%d: version %d, %v; want 1", i+1, v, err)
		}
		if i == 0 {
			if _, err := s.Put(ctx, khaldun.Batch{Records: storetest.Fixtures()}); err != nil {
				t.Fatal(err)
			}
		} else if c, err := s.Count(ctx); err != nil || c.Articles != 3 {
			t.Errorf("reopened store holds %+v, %v; want the 3 articles", c, err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSearchText(t *testing.T) {
	cases := []struct {
		name, in, want string
		ok             bool
	}{
		{"words", "siege Deir", "siege Deir", true},
		{"syntax is text", `"a" | b:* & !c`, "a b c", true},
		{"apostrophes split", "Mosul’s Nineveh", "Mosul s Nineveh", true},
		{"no words", `*()"&|!`, "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := searchText(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("searchText(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestRenumber(t *testing.T) {
	var w where
	w.add("a = ?", 1)
	var v where
	v.add("b = ?", 2)
	v.add("(c = ? OR d = ?)", 3, 4)
	w.sub(v, func(c string) string { return "EXISTS (SELECT 1" + c + ")" })
	w.add("e = ?", 5)
	want := " WHERE a = $1 AND EXISTS (SELECT 1 WHERE b = $2 AND (c = $3 OR d = $4)) AND e = $5"
	if got := w.String(); got != want {
		t.Errorf("where = %q\nwant    %q", got, want)
	}
	if len(w.args) != 5 {
		t.Errorf("args = %v, want 5", w.args)
	}
}
