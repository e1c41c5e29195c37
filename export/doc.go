// Package export owns the file formats khaldun's events leave in: GDELT 2.0
// event TSV (the 61 columns of GDELT's events table, in GDELT's order, so
// existing GDELT readers load it), PLOVER/POLECAT JSON Lines, CSV, the
// records themselves as JSON Lines, and Parquet.
//
// A Writer takes coded records one at a time and writes their events (or,
// for JSON Lines, the records). With clusters from package cluster, each
// event carries the counts of its cluster (GDELT's NumMentions, NumSources
// and NumArticles) and, with OnePerCluster, only one event per cluster is
// written.
package export
