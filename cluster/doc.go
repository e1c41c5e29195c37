// Package cluster owns cross-article event clusters: the one real-world
// event that several articles and outlets report, with its mentions, the
// number of articles and of independent sources, and the fields on which
// the reports disagree.
//
// Build takes coded records and groups their events. Two event mentions
// belong together when their types are compatible (same CAMEO root or
// PLOVER type, or both armed violence), their modes and negation agree,
// their source and target actors are compatible (same code and name, a
// state actor for its country, or a side left unnamed), their places are
// the same or within 50 km (a country or province contains its towns), and
// their dates fall within a day of each other (two days when a date is the
// publication-date fallback). A mention joins a cluster when it is
// compatible with every member and shares at least one named anchor (an
// actor or a place) with one of them, so unrelated events do not chain
// together through vague members.
//
// Wire copies (the same sentence printed by several outlets) count once as
// a source.
package cluster
