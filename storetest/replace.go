package storetest

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/khaldun/khaldun"
)

// ReplaceStore is a store that can replace records (for `khaldun recode`).
type ReplaceStore interface {
	khaldun.Store
	khaldun.Replacer
}

// recoded returns the Tehran fixture as a new coder might code it: the
// meeting is now a visit, the quote is cut shorter and Mekdad is gone.
func recoded() khaldun.Record {
	r := Fixtures()[0]
	r.Actors = r.Actors[:1]
	r.Events[0].Type, r.Events[0].CAMEO, r.Events[0].Target = "CONSULT", "042", ""
	r.Quotes[0].Text = "We will stand by"
	r.Title = "Zarif hosts talks in Tehran"
	return r
}

// RunReplace checks Replace on a store holding the fixtures: a cancelled
// call changes nothing; a replaced record reads back as given, with its
// old events, quotes, actors and search entries gone.
func RunReplace(t *testing.T, s ReplaceStore) {
	ctx := context.Background()
	if _, err := s.Put(ctx, khaldun.Batch{Records: Fixtures()}); err != nil {
		t.Fatal(err)
	}
	t.Run("cancelled changes nothing", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if err := s.Replace(cctx, []khaldun.Record{recoded()}); err == nil {
			t.Errorf("replace with a cancelled context: no error")
		}
		if rows, err := s.Events(ctx, khaldun.Filter{CAMEO: "043"}); err != nil || len(rows) != 1 {
			t.Errorf("events 043 after a failed replace: %d, %v; want the old one", len(rows), err)
		}
	})
	if err := s.Replace(ctx, []khaldun.Record{recoded()}); err != nil {
		t.Fatalf("replace: %v", err)
	}
	got, ok, err := s.Record(ctx, "mehr-4109")
	if err != nil || !ok {
		t.Fatalf("record: %v %v", ok, err)
	}
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(recoded())
	if string(gj) != string(wj) {
		t.Errorf("replaced record:\ngot  %s\nwant %s", gj, wj)
	}
	want := khaldun.Counts{Articles: 3, Events: 4, Quotes: 2, Actors: 6}
	if c, err := s.Count(ctx); err != nil || c != want {
		t.Errorf("counts = %+v, %v; want %+v", c, err, want)
	}
	cases := []struct {
		name string
		rows func() (int, error)
		want int
	}{
		{"old event code gone", func() (int, error) { r, err := s.Events(ctx, khaldun.Filter{CAMEO: "043"}); return len(r), err }, 0},
		{"new event code", func() (int, error) { r, err := s.Events(ctx, khaldun.Filter{CAMEO: "042"}); return len(r), err }, 1},
		{"dropped actor gone", func() (int, error) { r, err := s.Actors(ctx, khaldun.Filter{Actor: "Mekdad"}); return len(r), err }, 0},
		{"quote words cut are not found", func() (int, error) {
			r, err := s.Quotes(ctx, khaldun.Filter{Search: "people"})
			return len(r), err
		}, 0},
		{"quote words kept are found", func() (int, error) { r, err := s.Quotes(ctx, khaldun.Filter{Search: "stand"}); return len(r), err }, 1},
		{"new title searched", func() (int, error) { r, err := s.Articles(ctx, khaldun.Filter{Search: "hosts"}); return len(r), err }, 1},
		{"old title not searched", func() (int, error) { r, err := s.Articles(ctx, khaldun.Filter{Search: "confer"}); return len(r), err }, 0},
		{"text still searched", func() (int, error) {
			r, err := s.Articles(ctx, khaldun.Filter{Search: "terrorism"})
			return len(r), err
		}, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n, err := tc.rows()
			if err != nil || n != tc.want {
				t.Errorf("%d rows, %v; want %d", n, err, tc.want)
			}
		})
	}
	t.Run("unknown record is added", func(t *testing.T) {
		g := Generated("new", 1)
		if err := s.Replace(ctx, g); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := s.Record(ctx, "new-0"); !ok || err != nil {
			t.Errorf("record new-0 after replace: %v, %v", ok, err)
		}
	})
	t.Run("order of storage kept", func(t *testing.T) {
		rows, err := s.Articles(ctx, khaldun.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range rows {
			ids = append(ids, r.ID)
		}
		if want := []string{"new-0", "reuters-2017-0906-1", "mehr-4109", "bbc-2005-0301"}; !slices.Equal(ids, want) {
			t.Errorf("articles = %v, want %v", ids, want)
		}
	})
}
