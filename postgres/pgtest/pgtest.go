// Package pgtest owns the PostgreSQL test fixture: it finds the test
// server and gives each test an empty schema of its own, dropped when the
// test ends.
//
// The server is named by the environment variable KHALDUN_TEST_POSTGRES;
// without it, the local server on 127.0.0.1:5432 (database test) is tried
// as user root, then as user postgres. When no server answers, the test is
// skipped, or failed when the environment variable CI is set.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Env is the environment variable that names the test server.
const Env = "KHALDUN_TEST_POSTGRES"

// Defaults are the servers tried, in order, when Env is not set.
var Defaults = []string{
	"postgres://root@127.0.0.1:5432/test?sslmode=disable",
	"postgres://postgres@127.0.0.1:5432/test?sslmode=disable",
}

// Server returns the URL of a reachable test server, or skips the test
// (fails it when CI is set).
func Server(t testing.TB) string {
	t.Helper()
	dsns := Defaults
	if env := os.Getenv(Env); env != "" {
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
	msg := "no PostgreSQL test server (set " + Env + " to a postgres:// URL): " + strings.Join(errs, "; ")
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// Schema creates an empty schema on the test server, drops it (with all
// it holds) when the test ends, and returns a URL whose search_path is
// that schema.
func Schema(t testing.TB) string {
	t.Helper()
	dsn := Server(t)
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	schema := "t_" + hex.EncodeToString(b)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect to the test server: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema %s: %v", schema, err)
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
