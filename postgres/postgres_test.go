package postgres

import (
	"context"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/postgres/pgtest"
	"github.com/khaldun/khaldun/storetest"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), pgtest.Schema(t))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) khaldun.Store { return openTemp(t) })
}

func TestMigrationsOnce(t *testing.T) {
	dsn := pgtest.Schema(t)
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
