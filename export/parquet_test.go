package export

import (
	"testing"

	"github.com/xitongsys/parquet-go-source/buffer"
	"github.com/xitongsys/parquet-go/reader"

	"github.com/khaldun/khaldun/cluster"
)

// TestParquetReadBack writes the example events as Parquet and reads the
// file back with another implementation (xitongsys/parquet-go), column by
// column, checking the schema and the values against the CSV rows.
func TestParquetReadBack(t *testing.T) {
	recs := examples(t)
	opt := Options{Clusters: cluster.Build(recs)}
	data := write(t, recs, Parquet, opt)
	var want []Row
	for i := range recs {
		for j := range recs[i].Events {
			it := resolve(&recs[i], &recs[i].Events[j])
			want = append(want, rowOf(it))
		}
	}
	pr, err := reader.NewParquetColumnReader(buffer.NewBufferFileFromBytes(data), 1)
	if err != nil {
		t.Fatalf("open with xitongsys/parquet-go: %v", err)
	}
	defer pr.ReadStop()
	n := pr.GetNumRows()
	if int(n) != len(want) {
		t.Fatalf("read %d rows, want %d", n, len(want))
	}
	leaves := 0
	for _, el := range pr.SchemaHandler.SchemaElements {
		if el.NumChildren == nil || *el.NumChildren == 0 {
			leaves++
		}
	}
	if leaves != len(Columns) {
		t.Errorf("file has %d columns, want %d", leaves, len(Columns))
	}
	root := pr.SchemaHandler.GetRootExName()
	col := func(name string) []any {
		t.Helper()
		vals, _, _, err := pr.ReadColumnByPath(root+"\x01"+name, n)
		if err != nil {
			t.Fatalf("column %s: %v", name, err)
		}
		if len(vals) != int(n) {
			t.Fatalf("column %s: %d values, want %d", name, len(vals), n)
		}
		return vals
	}
	ids, cameo, gold, lat, starts, sources := col("id"), col("cameo"), col("goldstein"), col("lat"), col("sentence_start"), col("num_sources")
	for i, w := range want {
		t.Run(w.ID, func(t *testing.T) {
			if ids[i] != w.ID || cameo[i] != w.CAMEO {
				t.Errorf("id, cameo = %v, %v; want %s, %s", ids[i], cameo[i], w.ID, w.CAMEO)
			}
			if gold[i] != w.Goldstein {
				t.Errorf("goldstein = %v, want %v", gold[i], w.Goldstein)
			}
			if starts[i] != w.SentenceStart {
				t.Errorf("sentence_start = %v, want %d", starts[i], w.SentenceStart)
			}
			if sources[i] != w.NumSources {
				t.Errorf("num_sources = %v (%T), want %d", sources[i], sources[i], w.NumSources)
			}
			switch {
			case w.Lat == nil && lat[i] != nil:
				t.Errorf("lat = %v, want null", lat[i])
			case w.Lat != nil && lat[i] != *w.Lat:
				t.Errorf("lat = %v, want %v", lat[i], *w.Lat)
			}
		})
	}
}
